// Package notes owns retrokata's markdown notes: rendering a retro or kata to
// markdown with YAML front matter, parsing it back, atomic saving without
// overwriting, locating the notes and drafts directories, and listing and
// searching a directory of notes.
package notes
