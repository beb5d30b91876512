package desktop

// SourceInfo says whether one source of facts about the desktop works on
// this machine, for `limber doctor`.
type SourceInfo struct {
	// Name says what the source is and where Limber asks it.
	Name string `json:"name"`
	// Available is true when the source answered, or can answer here.
	Available bool `json:"available"`
	// Used marks the source Limber picks among several that answer.
	Used bool `json:"used,omitempty"`
	// Detail says what Limber found: the answer, or why the source is
	// not available.
	Detail string `json:"detail"`
}
