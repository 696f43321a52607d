// Package testfs builds file trees for tests.
package testfs
