package quotes_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/quotesheet/quotesheet/quotes"
)

// TestDetectLanguages detects the language of every pack's case texts,
// joined as one document, and of each case text alone when it is long
// enough to tell.
func TestDetectLanguages(t *testing.T) {
	d, err := quotes.NewDetector(defaultPacks(t), nil, "en")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "lang", "*.yaml"))
	sort.Strings(files)
	for _, f := range files {
		code := strings.TrimSuffix(filepath.Base(f), ".yaml")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cases []langCase
		if err := yaml.Unmarshal(data, &cases); err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, c := range cases {
			all = append(all, c.Text)
			if len(c.Text) >= 300 {
				if got := d.Detect(c.Text); got != code {
					t.Errorf("%s %q: detected %s", code, c.Name, got)
				}
			}
		}
		if got := d.Detect(strings.Join(all, "\n")); got != code {
			t.Errorf("%s: all cases detected as %s", code, got)
		}
	}
}

// TestDetectCloseLanguages tells languages apart that the statistical
// model confuses: Serbian in Latin script (which it knows as Croatian)
// from Slovenian, Polish from Czech, Persian and Urdu from Arabic, and the
// languages of Cyrillic script from each other, those that the model lacks
// by their letters.
func TestDetectCloseLanguages(t *testing.T) {
	d, err := quotes.NewDetector(defaultPacks(t), nil, "en")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ want, text string }{
		{"sr", "Predsednik je izjavio da je misija uspešno završena. „Za dva dana počeće povlačenje kontingenta“, rekao je on u parlamentu."},
		{"sl", "Predsednik je izjavil, da je bila misija uspešno končana. »Čez dva dni se bo začel umik kontingenta,« je dejal v parlamentu."},
		{"pl", "Prezydent ogłosił we wtorek, że misja została zakończona. Żołnierze wrócą do domów w ciągu dwóch tygodni, powiedział."},
		{"cs", "Prezident v úterý oznámil, že mise byla úspěšně dokončena. Vojáci se vrátí domů během dvou týdnů, řekl."},
		{"fa", "رئیس جمهور روز سه شنبه گفت که مأموریت نیروهای پاسدار صلح با موفقیت به پایان رسیده است و آنها به زودی به کشورهای خود بازمی‌گردند."},
		{"ur", "صدر نے منگل کو کہا کہ امن دستوں کا مشن کامیابی سے مکمل ہو گیا ہے اور وہ جلد اپنے ملکوں کو واپس جائیں گے۔"},
		{"ar", "قال الرئيس يوم الثلاثاء إن مهمة قوات حفظ السلام قد أنجزت بنجاح وإنها ستعود قريبا إلى بلدانها."},
		{"nl", "De president zei dinsdag dat de missie met succes is afgerond. De militairen keren binnen twee weken terug naar huis."},
		{"sv", "Presidenten sade på tisdagen att uppdraget har slutförts. Soldaterna återvänder hem inom två veckor, sade han."},
		{"da", "Præsidenten sagde tirsdag, at missionen er afsluttet. Soldaterne vender hjem inden for to uger, sagde han."},
		{"nb", "Presidenten sa tirsdag at oppdraget er fullført. Soldatene vender hjem i løpet av to uker, sa han."},
		{"da", "Regeringen vil give flere penge til sygehusene. - Vi skal sikre, at folk får behandling hurtigt, siger hun til DR."},
		{"nb", "Regjeringen vil gi mer penger til sykehusene. – Vi må sikre at folk får behandling raskt, sier han til NRK."},
		{"sv", "Regeringen vill ge mer pengar till sjukhusen. – Vi måste se till att folk får vård snabbt, säger hon till SVT."},
		{"nl", "Het kabinet wil meer geld uittrekken voor ziekenhuizen, zei de minister tegen de NOS."},
		{"de", "Die Regierung will mehr Geld für die Krankenhäuser ausgeben, sagte der Minister am Dienstag."},
		{"en", "The government wants to spend more money on hospitals, the minister said on Tuesday."},
		{"bg", "Президентът обяви във вторник, че мисията е приключила успешно. Войниците ще се върнат у дома в рамките на две седмици, каза той пред журналисти."},
		{"mk", "Претседателот во вторникот изјави дека мисијата е успешно завршена. Војниците ќе се вратат дома во рок од две недели, рече тој пред новинарите."},
		{"ru", "Президент во вторник объявил, что миссия успешно завершена. Военные вернутся домой в течение двух недель, сказал он журналистам."},
		{"sr", "Председник је у уторак изјавио да је мисија успешно завршена. Војници ће се вратити кућама у року од две недеље, рекао је новинарима."},
		{"uk", "Президент у вівторок оголосив, що місія успішно завершена. Військові повернуться додому протягом двох тижнів, сказав він журналістам."},
		{"el", "Ο πρόεδρος ανακοίνωσε την Τρίτη ότι η αποστολή ολοκληρώθηκε με επιτυχία; Οι στρατιώτες θα επιστρέψουν σπίτι τους."},
		{"he", "הנשיא הודיע ביום שלישי כי המשימה הסתיימה בהצלחה והחיילים ישובו לבתיהם בתוך שבועיים."},
		// Kyrgyz writes Kazakh's ң ө ү without its ә ғ қ ұ һ; Tajik has ӣ ӯ ҷ;
		// Uzbek in Cyrillic has ў with қ ғ ҳ, Belarusian ў alone.
		{"ky", "Президент шейшемби күнү миссия ийгиликтүү аяктаганын билдирди. Аскерлер эки жуманын ичинде үйлөрүнө кайтышат, деди ал өкмөттүн жыйынында."},
		{"kk", "Президент сейсенбі күні миссия сәтті аяқталғанын мәлімдеді. Әскерлер екі апта ішінде үйлеріне қайтады, деді ол Үкімет отырысында."},
		{"tg", "Президент рӯзи сешанбе гуфт, ки рисолат бомуваффақият анҷом ёфт. Низомиён дар давоми ду ҳафта ба хонаҳояшон бармегарданд."},
		{"uz", "Президент сешанба куни миссия муваффақиятли якунланганини маълум қилди. Ҳарбийлар икки ҳафта ичида ўз уйларига қайтади, деди у."},
		{"uz", "Prezident seshanba kuni missiya muvaffaqiyatli yakunlanganini ma'lum qildi. Harbiylar ikki hafta ichida o'z uylariga qaytadi, dedi u."},
		{"be", "Прэзідэнт у аўторак заявіў, што місія паспяхова завершана. Вайскоўцы вернуцца дадому на працягу двух тыдняў, сказаў ён."},
		{"ru", "Президент во вторник заявил, что миссия успешно завершена. Военнослужащие вернутся домой в течение двух недель, сказал он."},
		{"id", "Presiden mengatakan pada Selasa bahwa misi pasukan penjaga perdamaian telah berhasil diselesaikan dan mereka akan segera pulang."},
		{"vi", "Tổng thống cho biết hôm thứ Ba rằng sứ mệnh của lực lượng gìn giữ hòa bình đã hoàn thành và họ sẽ sớm trở về nước."},
		{"bn", "প্রেসিডেন্ট মঙ্গলবার বলেন, শান্তিরক্ষী বাহিনীর মিশন সফলভাবে শেষ হয়েছে এবং তারা শিগগিরই দেশে ফিরবে।"},
		{"th", "ประธานาธิบดีกล่าวเมื่อวันอังคารว่า ภารกิจของกองกำลังรักษาสันติภาพสำเร็จแล้ว และทหารจะกลับประเทศในเร็วๆ นี้"},
	}
	for _, tc := range tests {
		if got := d.Detect(tc.text); got != tc.want {
			t.Errorf("%s detected as %s: %q", tc.want, got, tc.text)
		}
	}
}
