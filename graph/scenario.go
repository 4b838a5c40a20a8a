package graph

import (
	"strings"
	"time"
)

// A Scenario is a what-if: a list of changes read over a base — the graph
// itself, or another scenario — without copying it. The graph on a
// scenario is the base with the changes applied in order (Apply); every
// read answers on that graph exactly as it would on a store holding it.
//
// A scenario is stored beside the graph, not in it: writing one does not
// change the graph or its Version.
type Scenario struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// Base is the id of the scenario this one stacks on; "" is the graph.
	Base      string    `json:"base,omitempty"`
	Changes   []Change  `json:"changes"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// ChangeOp names what a Change does.
type ChangeOp string

// The change operations.
const (
	OpRemoveRelationship ChangeOp = "remove_relationship"
	OpAddRelationship    ChangeOp = "add_relationship"
	OpUpdateRelationship ChangeOp = "update_relationship"
	OpRemoveActor        ChangeOp = "remove_actor"
	OpAddActor           ChangeOp = "add_actor"
)

// ChangeOps returns the change operations' names; the slice is the caller's.
func ChangeOps() []string {
	return []string{string(OpRemoveRelationship), string(OpAddRelationship), string(OpUpdateRelationship),
		string(OpRemoveActor), string(OpAddActor)}
}

// Change is one edit of a scenario. ID names the record that
// remove_relationship, update_relationship and remove_actor act on;
// Relationship is what add_relationship adds, Actor what add_actor adds,
// Patch what update_relationship applies.
type Change struct {
	Op           ChangeOp           `json:"op"`
	ID           string             `json:"id,omitempty"`
	Relationship *Relationship      `json:"relationship,omitempty"`
	Actor        *Actor             `json:"actor,omitempty"`
	Patch        *RelationshipPatch `json:"patch,omitempty"`
}

// Limits of a scenario.
const (
	// MaxScenarioChanges caps the changes of one scenario.
	MaxScenarioChanges = 1000
	// MaxScenarioDepth caps how many scenarios may stack (a scenario on a
	// scenario on …), counting the scenario itself.
	MaxScenarioDepth = 8
)

// ValidateScenario checks a scenario's own fields and the shape of each
// change against the registry (not whether the records a change names
// exist: Apply checks that against the base) and returns every problem.
func ValidateScenario(sc *Scenario, reg Registry, prefix string) []FieldError {
	errs, _ := validateScenario(sc, reg, prefix)
	return errs
}

// validateScenario is ValidateScenario, also saying which changes are
// invalid in themselves (bad[i]), so that the others can still be checked
// against the base.
func validateScenario(sc *Scenario, reg Registry, prefix string) (errs fieldErrors, bad []bool) {
	if !ValidID(sc.ID) {
		errs.add(prefix+".id", "must be 1-128 characters of a-z, 0-9, '-' or '_', starting with a letter or digit")
	}
	checkText(&errs, prefix+".name", sc.Name, MaxNameLen, true)
	checkText(&errs, prefix+".description", sc.Description, MaxTextLen, false)
	if sc.Base != "" && !ValidID(sc.Base) {
		errs.add(prefix+".base", "must be a scenario id, or left out for the graph itself")
	}
	if sc.Base != "" && sc.Base == sc.ID {
		errs.add(prefix+".base", "must differ from id: a scenario cannot stack on itself")
	}
	bad = make([]bool, len(sc.Changes))
	if len(sc.Changes) > MaxScenarioChanges {
		errs.add(prefix+".changes", "at most %d changes", MaxScenarioChanges)
		for i := range bad {
			bad[i] = true
		}
		return errs, bad
	}
	for i := range sc.Changes {
		fe := validateChange(&sc.Changes[i], reg, prefix+".changes["+itoa(i)+"]")
		bad[i] = len(fe) > 0
		errs = append(errs, fe...)
	}
	return errs, bad
}

// validateChange normalises and checks one change at path p.
func validateChange(ch *Change, reg Registry, p string) fieldErrors {
	var errs fieldErrors
	needID := ch.Op == OpRemoveRelationship || ch.Op == OpUpdateRelationship || ch.Op == OpRemoveActor
	switch ch.Op {
	case OpRemoveRelationship, OpUpdateRelationship, OpRemoveActor, OpAddRelationship, OpAddActor:
	default:
		errs.add(p+".op", "must be one of %s", strings.Join(ChangeOps(), ", "))
		return errs
	}
	if needID && !ValidID(ch.ID) {
		errs.add(p+".id", "must be the id of the record to %s", strings.ReplaceAll(string(ch.Op), "_", " "))
	}
	if !needID && ch.ID != "" {
		errs.add(p+".id", "not taken by %s: the id is the new record's own", ch.Op)
	}
	if (ch.Relationship != nil) != (ch.Op == OpAddRelationship) {
		errs.add(p+".relationship", "%s", onlyFor(ch.Op == OpAddRelationship, OpAddRelationship))
	} else if ch.Relationship != nil {
		ch.Relationship.Normalize()
		errs = append(errs, ValidateRelationship(ch.Relationship, reg, p+".relationship")...)
	}
	if (ch.Actor != nil) != (ch.Op == OpAddActor) {
		errs.add(p+".actor", "%s", onlyFor(ch.Op == OpAddActor, OpAddActor))
	} else if ch.Actor != nil {
		ch.Actor.Normalize()
		errs = append(errs, ValidateActor(ch.Actor, p+".actor")...)
	}
	if (ch.Patch != nil) != (ch.Op == OpUpdateRelationship) {
		errs.add(p+".patch", "%s", onlyFor(ch.Op == OpUpdateRelationship, OpUpdateRelationship))
	}
	return errs
}

func onlyFor(required bool, op ChangeOp) string {
	if required {
		return "is required by " + string(op)
	}
	return "is taken only by " + string(op)
}

// Apply returns b with the scenario's changes applied in order, checking
// each against the graph as the changes before it left it: the record a
// change removes or updates must exist, the one it adds must not, a tie's
// endpoints must exist. It returns every problem, each at the change's
// JSON path under prefix; b is left alone (the result shares no slice
// with it). Removing an actor removes its relationships.
func (sc *Scenario) Apply(b Batch, reg Registry, prefix string) (Batch, []FieldError) {
	var errs fieldErrors
	actors := make(map[string]int, len(b.Actors)) // id -> index in out.Actors, -1 once removed
	out := Batch{RelationshipTypes: b.RelationshipTypes}
	out.Actors = append(make([]Actor, 0, len(b.Actors)), b.Actors...)
	out.Relationships = append(make([]Relationship, 0, len(b.Relationships)), b.Relationships...)
	for i := range out.Actors {
		actors[out.Actors[i].ID] = i
	}
	rels := make(map[string]int, len(out.Relationships))
	for i := range out.Relationships {
		rels[out.Relationships[i].ID] = i
	}
	hasActor := func(id string) bool { i, ok := actors[id]; return ok && i >= 0 }
	hasRel := func(id string) bool { i, ok := rels[id]; return ok && i >= 0 }
	for i := range sc.Changes {
		ch := &sc.Changes[i]
		p := prefix + ".changes[" + itoa(i) + "]"
		switch ch.Op {
		case OpRemoveRelationship:
			if !hasRel(ch.ID) {
				errs.add(p+".id", "relationship %s does not exist in the base", ch.ID)
				continue
			}
			rels[ch.ID] = -1
		case OpUpdateRelationship:
			if !hasRel(ch.ID) {
				errs.add(p+".id", "relationship %s does not exist in the base", ch.ID)
				continue
			}
			j := rels[ch.ID]
			next := ch.Patch.Apply(out.Relationships[j])
			next.Normalize()
			if fe := ValidateRelationship(&next, reg, p+".patch"); len(fe) > 0 {
				errs = append(errs, fe...)
				continue
			}
			next.UpdatedAt = sc.UpdatedAt
			out.Relationships[j] = next
		case OpAddRelationship:
			r := *ch.Relationship
			if hasRel(r.ID) {
				errs.add(p+".relationship.id", "relationship %s already exists in the base", r.ID)
				continue
			}
			bad := false
			for _, end := range []struct{ path, id string }{{".source", r.Source}, {".target", r.Target}} {
				if !hasActor(end.id) {
					errs.add(p+".relationship"+end.path, "actor %s does not exist in the base", end.id)
					bad = true
				}
			}
			if bad {
				continue
			}
			if r.CreatedAt.IsZero() {
				r.CreatedAt = sc.UpdatedAt
			}
			if r.UpdatedAt.IsZero() {
				r.UpdatedAt = sc.UpdatedAt
			}
			rels[r.ID] = len(out.Relationships)
			out.Relationships = append(out.Relationships, r)
		case OpRemoveActor:
			if !hasActor(ch.ID) {
				errs.add(p+".id", "actor %s does not exist in the base", ch.ID)
				continue
			}
			actors[ch.ID] = -1
			for j := range out.Relationships {
				r := &out.Relationships[j]
				if (r.Source == ch.ID || r.Target == ch.ID) && rels[r.ID] == j {
					rels[r.ID] = -1
				}
			}
		case OpAddActor:
			a := *ch.Actor
			if hasActor(a.ID) {
				errs.add(p+".actor.id", "actor %s already exists in the base", a.ID)
				continue
			}
			if a.CreatedAt.IsZero() {
				a.CreatedAt = sc.UpdatedAt
			}
			if a.UpdatedAt.IsZero() {
				a.UpdatedAt = sc.UpdatedAt
			}
			actors[a.ID] = len(out.Actors)
			out.Actors = append(out.Actors, a)
		}
	}
	keptA := out.Actors[:0]
	for j, a := range out.Actors {
		if actors[a.ID] == j {
			keptA = append(keptA, a)
		}
	}
	out.Actors = keptA
	keptR := out.Relationships[:0]
	for j, r := range out.Relationships {
		if rels[r.ID] == j {
			keptR = append(keptR, r)
		}
	}
	out.Relationships = keptR
	return out, errs
}
