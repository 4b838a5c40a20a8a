#!/usr/bin/env bash
# Runs a real Neo4j 5.26 (community, embedded in a small Java launcher, Bolt
# on 127.0.0.1, auth off) without Docker, for tests and local work.
#
#   scripts/neo4j.sh build          build the launcher (Maven Central jars)
#   scripts/neo4j.sh start [PORT]   start it in the background, wait for Bolt
#   scripts/neo4j.sh stop  [PORT]   stop it (SIGTERM, then SIGKILL)
#   scripts/neo4j.sh run   [PORT]   run it in the foreground
#
# Extra Neo4j settings: NEO4J_SETTINGS="key=value key=value". NEO4J_DATA=DIR
# keeps the database in DIR across restarts (default: a temporary directory,
# removed when Neo4j stops). NEO4J_HEAP sets the maximum heap (default 2g).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir="$here/tools/neo4j"
state="${NEO4J_STATE_DIR:-$here/tmp/neo4j}"
cmd=${1:-}
port=${2:-7687}
pidfile="$state/neo4j-$port.pid"
logfile="$state/neo4j-$port.log"

build() {
	if [ ! -d "$dir/target/lib" ] || [ "$dir/pom.xml" -nt "$dir/target/lib" ] \
		|| [ -n "$(find "$dir/src" -newer "$dir/target/lib" -print -quit)" ]; then
		echo "building the Neo4j launcher (first run downloads Neo4j from Maven Central)…" >&2
		(cd "$dir" && mvn -q -B -ntp package -DskipTests)
		touch "$dir/target/lib"
	fi
}

java_cmd() {
	local settings=()
	for s in ${NEO4J_SETTINGS:-}; do settings+=(--setting "$s"); done
	if [ -n "${NEO4J_DATA:-}" ]; then settings+=(--data "$NEO4J_DATA"); fi
	# The flags Neo4j's own launcher passes to the JVM.
	echo java -Xms256m -Xmx${NEO4J_HEAP:-2g} -XX:+UseG1GC \
		--add-opens=java.base/java.nio=ALL-UNNAMED \
		--add-opens=java.base/java.io=ALL-UNNAMED \
		--add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
		--add-opens=java.base/java.lang=ALL-UNNAMED \
		-Dio.netty.tryReflectionSetAccessible=true \
		-cp "$dir/target/classes:$dir/target/lib/*" detente.neo4j.Launcher --port "$port" "${settings[@]}"
}

case "$cmd" in
build) build ;;
run) build; exec $(java_cmd) ;;
start)
	build
	mkdir -p "$state"
	if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
		echo "neo4j already running on port $port (pid $(cat "$pidfile"))" >&2
		exit 0
	fi
	# Empty the log first: the background job truncates it only when it
	# starts, and the loop below must not find an earlier run's READY.
	: >"$logfile"
	$(java_cmd) >"$logfile" 2>&1 &
	echo $! >"$pidfile"
	for _ in $(seq 1 240); do
		if grep -q '^READY' "$logfile" 2>/dev/null; then
			echo "neo4j ready: bolt://127.0.0.1:$port" >&2
			exit 0
		fi
		if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
			echo "neo4j failed to start; its log:" >&2
			tail -50 "$logfile" >&2
			exit 1
		fi
		sleep 0.5
	done
	echo "neo4j did not open Bolt within 120 s; its log:" >&2
	tail -50 "$logfile" >&2
	exit 1
	;;
stop)
	[ -f "$pidfile" ] || exit 0
	pid=$(cat "$pidfile")
	if kill -0 "$pid" 2>/dev/null; then
		kill "$pid"
		for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
		kill -9 "$pid" 2>/dev/null || true
	fi
	rm -f "$pidfile"
	;;
*) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
