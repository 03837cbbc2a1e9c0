// Package content owns retrokata's library: the talk's cases, the seven tips
// and the katas, embedded as markdown files with YAML front matter, merged
// with the user's and the repository's own content, and validated.
package content
