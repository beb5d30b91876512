package desktop

// Hold is a reason to hold a due reminder back for now: the user is in a
// call, watching something full screen, or has asked for quiet. A held
// reminder is never dropped; it is delivered once the hold ends.
type Hold interface {
	// Name says why Limber waits, for the tray: "Waiting: <Name>".
	Name() string
	// Active reports whether the hold applies now. Checks are cheap and
	// are made at most every 30 seconds, and only while a reminder is due.
	Active() (bool, error)
}
