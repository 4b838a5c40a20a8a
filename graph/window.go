package graph

// Window is the span of days on which a set of relationships were all
// valid: the latest start and the earliest end of their validity (nil: open
// at that end). A path whose window is empty chains ties that never
// coexisted, so it describes no moment of the crisis.
type Window struct {
	From *Date `json:"valid_from,omitempty"`
	To   *Date `json:"valid_to,omitempty"`
}

// Empty reports whether no day lies in the window.
func (w Window) Empty() bool { return w.From != nil && w.To != nil && w.To.Before(*w.From) }

// Narrow returns the days of w on which r was valid too. The window shares
// r's dates; they are not changed.
func (w Window) Narrow(r *Relationship) Window {
	if f := r.ValidFrom; f != nil && (w.From == nil || w.From.Before(*f)) {
		w.From = f
	}
	if t := r.ValidTo; t != nil && (w.To == nil || t.Before(*w.To)) {
		w.To = t
	}
	return w
}

// CommonWindow returns the days on which every relationship was valid.
func CommonWindow(rels []Relationship) Window {
	var w Window
	for i := range rels {
		w = w.Narrow(&rels[i])
	}
	return w
}
