// Package retro owns the retrospective session: its phases, problems with
// their reactions and learnings, dot votes, actions and carried-over items,
// and its conversion to and from a note.
package retro
