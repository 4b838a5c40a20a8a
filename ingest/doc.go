// Package ingest turns coded event data into detente relationships: GDELT
// 2.0 and 1.0 event files, PLOVER/POLECAT JSON Lines, ICEWS and ACLED
// exports are read as streams (one row in memory at a time), their actors
// resolved to the graph's actors, their event codes mapped to relationship
// types by a table shipped as data (mapping.json), and the events folded,
// per (source, target, type), into dated ties whose evidence — counts, first
// and last event, top source URLs, a sample of event ids — travels with them.
//
// The pieces, each usable on its own:
//
//   - NewReader: a Reader per format that yields Events. A row that breaks
//     the published column spec is a *RowError naming its line and column
//     (the reader moves on to the next row); input that is not the format at
//     all is a *FormatError, returned before any event.
//   - Mapping (LoadMapping, DefaultMapping): event code -> relationship type.
//     A code the table does not map is reported, never guessed. The
//     mapping in use is the one stored beside the graph (ReplaceMapping,
//     checked whole by ParseMapping; PUT /api/v1/event-mapping), else the
//     shipped one (CurrentMapping).
//   - Resolver: event actor -> actor id, by codes held on actors
//     (attributes.codes.cameo / attributes.codes.wikidata), by name or alias,
//     and, for a state itself, by its ISO 3166 alpha-3 country code.
//   - Aggregator: the folding rules, in one place (see Rules).
//   - Aggregate: GDELT events pre-aggregated by an external engine into
//     one row per day, actor pair and code (AggregateColumns), which Run
//     folds exactly as it folds the events themselves.
//   - Run: all of the above over files, the ties written through
//     graph.Store.Import and the events themselves through
//     graph.Store.PutEvents (each naming the tie it folded into), in
//     batches, answering a Summary.
//
// Derived relationships have ids of their own ("evt--source--type--target--
// first-day"), so they never overwrite a hand-curated tie, and are built
// deterministically: ingesting the same files again changes nothing.
package ingest
