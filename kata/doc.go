// Package kata owns practice sessions: the stages of a kata, the answers,
// the self-assessment and score, the kata note, and progress (Leitner boxes,
// due dates and streaks) computed from the kata notes in the notes dir.
package kata
