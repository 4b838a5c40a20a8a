package graph

import (
	"context"
	"slices"
)

// CreateScenario stores a new scenario after checking it: its fields, its
// base (which must exist; scenarios stack at most MaxScenarioDepth deep)
// and that every change applies to that base as it is now. EINVALID (each
// problem at its JSON path), ECONFLICT (id taken).
func (s *Store) CreateScenario(ctx context.Context, sc Scenario) (Scenario, error) {
	now := s.now()
	sc.CreatedAt, sc.UpdatedAt = now, now
	if err := s.checkScenario(ctx, &sc); err != nil {
		return Scenario{}, err
	}
	err := s.d.UpdateScenario(ctx, sc.ID, func(cur *Scenario) (*Scenario, error) {
		if cur != nil {
			return nil, Errorf(ECONFLICT, "scenario %s already exists", sc.ID)
		}
		return &sc, nil
	})
	if err != nil {
		return Scenario{}, err
	}
	return sc, nil
}

// GetScenario returns one scenario; ENOTFOUND.
func (s *Store) GetScenario(ctx context.Context, id string) (Scenario, error) {
	return s.d.GetScenario(ctx, id)
}

// ReplaceScenario replaces scenario id's name, description, base and
// changes with next's, checked as CreateScenario checks them, when rev is
// set only while the scenario is at that revision. ENOTFOUND, EINVALID,
// EPRECONDITION.
func (s *Store) ReplaceScenario(ctx context.Context, id string, next Scenario, rev Revision) (Scenario, error) {
	cur, err := s.d.GetScenario(ctx, id)
	if err != nil {
		return Scenario{}, err
	}
	if err := rev.check(cur); err != nil {
		return Scenario{}, err
	}
	next.ID, next.CreatedAt, next.UpdatedAt = id, cur.CreatedAt, s.now()
	if err := s.checkScenario(ctx, &next); err != nil {
		return Scenario{}, err
	}
	err = s.d.UpdateScenario(ctx, id, func(now *Scenario) (*Scenario, error) {
		if now == nil {
			return nil, Errorf(ENOTFOUND, "scenario %s not found", id)
		}
		// Checked against cur above: a write in between fails the
		// condition rather than being overwritten unseen.
		if ETag(*now) != ETag(cur) {
			return nil, Errorf(EPRECONDITION, "scenario %s changed while this update was checked; read it again", id)
		}
		return &next, nil
	})
	if err != nil {
		return Scenario{}, err
	}
	return next, nil
}

// DeleteScenario removes a scenario, when rev is set only while it is at
// that revision. A scenario that another stacks on is ECONFLICT.
// ENOTFOUND, EPRECONDITION.
func (s *Store) DeleteScenario(ctx context.Context, id string, rev Revision) error {
	if on, err := s.stackedOn(ctx, id); err != nil {
		return err
	} else if on != "" {
		return Errorf(ECONFLICT, "scenario %s stacks on scenario %s; delete it or change its base first", on, id)
	}
	return s.d.UpdateScenario(ctx, id, func(cur *Scenario) (*Scenario, error) {
		if cur == nil {
			return nil, Errorf(ENOTFOUND, "scenario %s not found", id)
		}
		return nil, rev.check(*cur)
	})
}

// stackedOn returns the id of a scenario whose base is id, or "".
func (s *Store) stackedOn(ctx context.Context, id string) (string, error) {
	after := ""
	for {
		page, err := s.d.ListScenarios(ctx, after, 1000)
		if err != nil {
			return "", err
		}
		for _, sc := range page {
			if sc.Base == id {
				return sc.ID, nil
			}
		}
		if len(page) < 1000 {
			return "", nil
		}
		after = page[len(page)-1].ID
	}
}

// ListScenarios returns a page of scenarios ordered by id; EINVALID (a
// bad cursor).
func (s *Store) ListScenarios(ctx context.Context, cursor string, limit int) (Page[Scenario], error) {
	limit, _ = pageLimit(limit)
	after, err := DecodeCursor(cursor)
	if err != nil {
		return Page[Scenario]{}, err
	}
	list, err := s.d.ListScenarios(ctx, after, limit+1)
	if err != nil {
		return Page[Scenario]{}, err
	}
	return pageOf(list, limit, func(sc *Scenario) string { return sc.ID }), nil
}

// ScenarioChain returns the scenarios that make up scenario id's graph:
// its bases, the deepest first, then the scenario itself. ENOTFOUND (id),
// EINVALID (a base is missing, the stack is too deep or loops).
func (s *Store) ScenarioChain(ctx context.Context, id string) ([]Scenario, error) {
	var chain []Scenario
	seen := map[string]bool{}
	for next := id; next != ""; {
		sc, err := s.d.GetScenario(ctx, next)
		if err != nil {
			if next != id && ErrorCode(err) == ENOTFOUND {
				return nil, Invalid("scenario "+id+" stacks on a missing scenario", FieldError{Path: "$.base", Message: "scenario " + next + " does not exist"})
			}
			return nil, err
		}
		if seen[sc.ID] || len(chain) == MaxScenarioDepth {
			return nil, Invalid("scenario "+id+" stacks too deep", FieldError{Path: "$.base", Message: "scenarios stack at most " + itoa(MaxScenarioDepth) + " deep, without loops"})
		}
		seen[sc.ID] = true
		chain = append(chain, sc)
		next = sc.Base
	}
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	return chain, nil
}

// ScenarioGraph returns the graph on scenario id: the store's export with
// every scenario of its chain applied, the deepest base first, and the
// changes that no longer apply because the graph changed since they were
// written (each at its path in the scenario that holds it, prefixed by
// that scenario's id); they are left out of the graph.
func (s *Store) ScenarioGraph(ctx context.Context, id string) (Batch, []FieldError, error) {
	chain, err := s.ScenarioChain(ctx, id)
	if err != nil {
		return Batch{}, nil, err
	}
	b, err := s.d.Export(ctx)
	if err != nil {
		return Batch{}, nil, err
	}
	reg, err := s.d.RelationshipTypes(ctx)
	if err != nil {
		return Batch{}, nil, err
	}
	var stale []FieldError
	for i := range chain {
		var errs []FieldError
		b, errs = chain[i].Apply(b, reg, chain[i].ID)
		stale = append(stale, errs...)
	}
	return b, stale, nil
}

// checkScenario validates sc and checks that its changes apply to its
// base as the base is now.
func (s *Store) checkScenario(ctx context.Context, sc *Scenario) error {
	reg, err := s.d.RelationshipTypes(ctx)
	if err != nil {
		return err
	}
	// Every problem at once: the changes that are valid in themselves
	// are also checked against the base.
	errs, bad := validateScenario(sc, reg, "$")
	valid := *sc
	valid.Changes = slices.Clone(sc.Changes)
	for i := range bad {
		if bad[i] {
			valid.Changes[i] = Change{} // Apply passes over a change without an op
		}
	}
	var base Batch
	if sc.Base == "" {
		if base, err = s.d.Export(ctx); err != nil {
			return err
		}
	} else {
		var stale []FieldError
		base, stale, err = s.ScenarioGraph(ctx, sc.Base)
		switch {
		case ErrorCode(err) == ENOTFOUND:
			return Invalid("invalid scenario", append(errs, FieldError{Path: "$.base", Message: "scenario " + sc.Base + " does not exist"})...)
		case err != nil:
			return err
		case len(stale) > 0:
			return Invalid("the base scenario has changes that no longer apply; fix it first", stale...)
		}
		chain, _ := s.ScenarioChain(ctx, sc.Base)
		for _, b := range chain {
			if b.ID == sc.ID {
				return Invalid("invalid scenario", append(errs, FieldError{Path: "$.base", Message: "scenario " + sc.Base + " stacks on this one: scenarios cannot loop"})...)
			}
		}
		if len(chain) >= MaxScenarioDepth {
			return Invalid("invalid scenario", append(errs, FieldError{Path: "$.base", Message: "scenarios stack at most " + itoa(MaxScenarioDepth) + " deep"})...)
		}
	}
	if _, applyErrs := valid.Apply(base, reg, "$"); len(applyErrs) > 0 || len(errs) > 0 {
		return Invalid("invalid scenario", append(errs, applyErrs...)...)
	}
	return nil
}
