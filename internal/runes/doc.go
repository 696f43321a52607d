// Package runes answers, in one table lookup, what the unicode package
// answers with a search of its range tables: whether a code point is a
// letter, or belongs to a word (a letter, digit or combining mark), or is
// written without spaces (Han, kana). Word scanning asks this of every
// character of every document, after Decode, which decodes the two- and
// three-byte forms of UTF-8 without a call into utf8.
package runes
