#!/usr/bin/env python3
"""Pre-aggregates GDELT event files into detente's aggregate format with DuckDB.

    python3 bench/aggregate_gdelt.py [--gdelt1] OUT.tsv FILE...

FILE are GDELT 2.0 event files (61 tab-separated columns, no header; .gz
and globs as DuckDB reads them), or GDELT 1.0 files with --gdelt1. OUT is
the aggregate format (ingest.AggregateColumns, package ingest's
aggrows.go): one row per day, actor pair and event code, with what
`detente ingest --format aggregate` needs to fold it exactly as it folds
the events themselves. Prints {"rows_in", "rows_out", "seconds"} as JSON.

The same query, by hand: see README, "A year of GDELT".
"""
import argparse
import json
import sys
import time

import duckdb

# 0-based positions of the columns used, the same in GDELT 2.0 and 1.0.
ID, DAY, A1, A2, CODE, GOLDSTEIN, MENTIONS, SOURCES = 0, 1, 5, 15, 26, 30, 31, 32
ACTOR = {"code": 0, "name": 1, "country": 2, "known_group": 3, "type1": 7}


def query(files, ncols):
    cols = ", ".join("'c%d': 'VARCHAR'" % i for i in range(ncols))
    src = "read_csv([%s], delim='\t', header=false, quote='', escape='', columns={%s}, null_padding=true)" % (
        ", ".join("'%s'" % f.replace("'", "''") for f in files), cols)
    actors = []
    for a, base in (("actor1", A1), ("actor2", A2)):
        for name, off in ACTOR.items():
            actors.append("coalesce(c%d, '') AS %s_%s" % (base + off, a, name))
    keys = ["day"] + [a.split(" AS ")[1] for a in actors] + ["event_code"]
    k = ", ".join(keys)
    url = "coalesce(c%d, '')" % (ncols - 1)
    return f"""
WITH ev AS (
  SELECT c{ID} AS id, c{DAY} AS day, {", ".join(actors)}, c{CODE} AS event_code,
         abs(CAST(c{GOLDSTEIN} AS DOUBLE)) AS gs, CAST(c{MENTIONS} AS BIGINT) AS mentions,
         CAST(c{SOURCES} AS BIGINT) AS nsrc, {url} AS url,
         CASE WHEN regexp_matches({url}, '^https?://')
              THEN regexp_replace(lower(regexp_extract({url}, '^https?://(?:[^/?#@]*@)?([^/?#:]+)', 1)), '^www[.]', '')
              ELSE '' END AS host
  FROM {src}
),
-- each URL's best event (an event without URL stands alone), then the groups' best of those
per_url AS (
  SELECT *, row_number() OVER (PARTITION BY {k}, CASE WHEN url = '' THEN 'id:' || id ELSE url END
                               ORDER BY mentions DESC, id) AS rn
  FROM ev
),
cites AS (
  SELECT {k}, '[' || string_agg(json_array(mentions, id, url)::VARCHAR, ',' ORDER BY mentions DESC, url, id) || ']' AS cites
  FROM (SELECT *, row_number() OVER (PARTITION BY {k} ORDER BY mentions DESC, url, id) AS top
        FROM per_url WHERE rn = 1)
  WHERE top <= 5
  GROUP BY {k}
),
groups AS (
  SELECT {k}, count(*) AS events, sum(gs) AS goldstein_abs_sum, max(nsrc) AS max_sources,
         to_json(coalesce(list_sort(list_distinct(list(host) FILTER (WHERE host <> ''))), [])::VARCHAR[]) AS hosts,
         to_json(list(id ORDER BY id)[1:10]) AS event_ids
  FROM ev GROUP BY {k}
)
SELECT '{{FORMAT}}' AS format, {k.replace("event_code", "g.event_code").replace("day", "g.day", 1)}, events, goldstein_abs_sum, max_sources, hosts, event_ids, c.cites
FROM groups g JOIN cites c USING ({k})
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gdelt1", action="store_true")
    ap.add_argument("out")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    ncols = 58 if a.gdelt1 else 61
    q = query(a.files, ncols).replace("{FORMAT}", "gdelt1" if a.gdelt1 else "gdelt")
    con = duckdb.connect()
    t0 = time.perf_counter()
    con.execute("COPY (%s) TO '%s' (DELIMITER '\t', HEADER, QUOTE '', ESCAPE '')" % (q, a.out.replace("'", "''")))
    secs = time.perf_counter() - t0
    rows_out = con.execute("SELECT count(*) FROM read_csv('%s', delim='\t', header=true, quote='', escape='', all_varchar=true)"
                           % a.out.replace("'", "''")).fetchone()[0]
    rows_in = con.execute("SELECT count(*) FROM read_csv([%s], delim='\t', header=false, quote='', escape='', all_varchar=true, null_padding=true)"
                          % ", ".join("'%s'" % f.replace("'", "''") for f in a.files)).fetchone()[0]
    json.dump({"rows_in": rows_in, "rows_out": rows_out, "seconds": secs}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
