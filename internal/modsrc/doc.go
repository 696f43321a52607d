// Package modsrc reads the source of a module the build depends on: where
// the go command keeps it, and the composite literals its package
// variables are set to. The generators that copy a module's data into this
// repository (internal/trigramgen, internal/prosegen) use it.
package modsrc
