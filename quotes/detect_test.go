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
// from Slovenian, Polish from Czech, Persian and Urdu from Arabic.
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
