#!/usr/bin/env bash
# make bench: measure detente against a peer in the same run and (re)write
# BENCHMARKS.md. On a fresh machine it installs what it needs itself
# (make test-deps: the Python peers in .venv; scripts/neo4j.sh builds and
# starts Neo4j 5.26), builds the detente binary and the driver
# (cmd/detente-bench), runs everything, and stops its Neo4j on exit.
#
#   BENCH_QUICK=1        the 10^4/10^5 graph only (a few minutes, not ~25)
#   BENCH_NEO4J=0        leave Neo4j out (its targets are then "not measured")
#   BENCH_ONLY=a,b       only these parts: http, analysis, signed, influence, embedded, startup, neo4j
#   BENCH_NEO4J_PORT=N   Bolt port of the benchmark's own Neo4j (default: a free one)
#   BENCH_WORK=DIR       graphs, data, logs and results.json (default tmp/bench)
#   BENCH_OUT=FILE       the report (default BENCHMARKS.md)
#   NEO4J_HEAP           the benchmark Neo4j's heap (default 4g: a 10^6 import is one transaction)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=${BENCH_WORK:-tmp/bench}
mkdir -p "$work/bin"
work=$(cd "$work" && pwd)
out=${BENCH_OUT:-BENCHMARKS.md}
quick=${BENCH_QUICK:-0}
cmds=("make bench${BENCH_QUICK:+ BENCH_QUICK=$BENCH_QUICK}")

echo "== make test-deps" >&2
make --no-print-directory test-deps
cmds+=("make test-deps")

echo "== go build" >&2
go build -o "$work/bin/detente" .
go build -o "$work/bin/detente-bench" ./cmd/detente-bench
cmds+=("go build -o ${work#"$root"/}/bin/detente . && go build -o ${work#"$root"/}/bin/detente-bench ./cmd/detente-bench")

args=(-bin "$work/bin/detente" -python "$root/.venv/bin/python" -peers "$root/bench/peers.py"
	-neo4j-script "$root/scripts/neo4j.sh" -work "$work" -out "$out")
[ "$quick" = 1 ] && args+=(-quick)
[ -n "${BENCH_ONLY:-}" ] && args+=(-only "$BENCH_ONLY")

if [ "${BENCH_NEO4J:-1}" != 0 ] && { [ -z "${BENCH_ONLY:-}" ] || [[ ",$BENCH_ONLY," == *,neo4j,* ]]; }; then
	port=${BENCH_NEO4J_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
	# A Neo4j of its own (a fresh temporary database each start), apart
	# from any that tests or a developer run.
	export NEO4J_STATE_DIR="$work/neo4j" NEO4J_HEAP=${NEO4J_HEAP:-4g}
	export NEO4J_SETTINGS="${NEO4J_SETTINGS:-dbms.cypher.forbid_exhaustive_shortestpath=true}"
	trap 'scripts/neo4j.sh stop "$port"' EXIT
	echo "== scripts/neo4j.sh start $port" >&2
	scripts/neo4j.sh start "$port"
	cmds+=("NEO4J_STATE_DIR=${NEO4J_STATE_DIR#"$root"/} NEO4J_HEAP=$NEO4J_HEAP NEO4J_SETTINGS=$NEO4J_SETTINGS scripts/neo4j.sh start $port   # the driver restarts it (stop + start) for a fresh database before each import")
	args+=(-neo4j-port "$port")
fi

echo "== detente-bench" >&2
"$work/bin/detente-bench" "${args[@]}" -commands "$(printf '%s\n' "${cmds[@]}")"
