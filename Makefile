# detente — the targets a contributor needs, one screen.
#   make run        the API on the embedded store, seeded (http://127.0.0.1:8080)
#   make test       everything CI runs: format, vet, docs check, all tests with
#                   the race detector against the embedded store AND a real Neo4j
#   make neo4j      start a local Neo4j (Bolt on 127.0.0.1:7687), make neo4j-stop
#   make docs       regenerate the OpenAPI description in docs/ from the annotations
#   make client-python  regenerate the Python client (clients/python) from them
#   make bench      benchmarks; writes BENCHMARKS.md
#   make test-long  the long variants: 30 s load, schemathesis with 200 examples,
#                   the whole injection corpus on Neo4j, then make fuzz FUZZTIME=1000000x
#   make fuzz       the fuzz targets in api/, FUZZTIME each (default 100000x)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
GO ?= go
NEO4J_PORT ?= 7687
TEST_TIMEOUT ?= 20m
GOFILES = $(shell git ls-files '*.go' | grep -v '^docs/')
SWAG = $(GO) tool swag
SWAG_FLAGS = init --generalInfo api/doc.go --dir ./ --output docs --outputTypes go,json,yaml --parseInternal --quiet
# What swag writes invalid (parameter examples, an empty host) corrected
# after it, by make docs and make docs-check alike: internal/docsfix.
DOCSFIX = $(GO) run ./internal/docsfix

.PHONY: run test lint docs docs-check client-python client-python-check go-test go-test-run go-test-browser go-test-report neo4j neo4j-stop neo4j-build deps test-deps chromium gephi-reader bench clean fuzz fuzz-smoke test-long

run:
	$(GO) run . serve

deps:
	$(GO) mod download

# Test tools a fresh machine lacks: a Python virtual environment (NetworkX,
# schemathesis, igraph), the Node packages of the browser and consumer
# tests and of the generated TypeScript clients, and Debian's Chromium.
test-deps: .venv/.installed web/test/node_modules/.package-lock.json clients/typescript/node_modules/.package-lock.json chromium gephi-reader

.venv/.installed: requirements-test.txt clients/python/pyproject.toml
	python3 -m venv .venv
	.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	.venv/bin/pip install --quiet --disable-pip-version-check -e clients/python
	touch $@

web/test/node_modules/.package-lock.json: web/test/package-lock.json web/test/package.json
	npm ci --prefix web/test --no-audit --no-fund

# The TypeScript client generators and tsc (TestGeneratedTypeScriptClients).
clients/typescript/node_modules/.package-lock.json: clients/typescript/package-lock.json clients/typescript/package.json
	npm ci --prefix clients/typescript --no-audit --no-fund

# Gephi's own importer (gephi-toolkit from Maven Central) behind a small
# reader that prints what Gephi made of a file (viz: TestConsumersGephi).
GEPHI_READER = tools/gephi/target/lib/gephi-toolkit-0.10.1-all.jar
gephi-reader: $(GEPHI_READER)

$(GEPHI_READER): tools/gephi/pom.xml $(wildcard tools/gephi/src/main/java/detente/*.java)
	cd tools/gephi && mvn -q -B -ntp package -DskipTests
	touch $@

chromium:
	@command -v chromium >/dev/null || { apt-get update && apt-get install -y chromium; }

neo4j-build:
	scripts/neo4j.sh build

neo4j:
	scripts/neo4j.sh start $(NEO4J_PORT)

neo4j-stop:
	scripts/neo4j.sh stop $(NEO4J_PORT)

lint:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	@$(GO) mod tidy -diff >/dev/null || { echo "go.mod/go.sum are not tidy: run 'go mod tidy' and commit the result"; $(GO) mod tidy -diff; exit 1; }

docs:
	$(SWAG) $(SWAG_FLAGS)
	$(DOCSFIX) docs

# The committed docs/ must be what the annotations generate.
docs-check:
	@tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	$(SWAG) $(subst --output docs,--output $$tmp/docs,$(SWAG_FLAGS)) >/dev/null; \
	$(DOCSFIX) $$tmp/docs; \
	if ! diff -r -q docs $$tmp/docs >/dev/null; then \
		echo "docs/ is stale: run 'make docs' and commit the result"; diff -r docs $$tmp/docs | head -40; exit 1; fi; \
	echo "docs/ matches the annotations"

# The Python client's generated half (clients/python/detente_api_client):
# openapi-python-client, default settings, over the OpenAPI 3 document the
# server serves (written by api/internal/openapi3gen, no server needed).
# Its formatting runs ruff from the venv (pinned in requirements-test.txt).
PY_CLIENT = clients/python/detente_api_client
gen-python-client = $(GO) run ./api/internal/openapi3gen -o $(1)/openapi.json && \
	{ PATH="$$PWD/.venv/bin:$$PATH" .venv/bin/openapi-python-client generate --path $(1)/openapi.json \
		--output-path $(1)/out >$(1)/log 2>&1 || { cat $(1)/log; exit 1; }; }

# make docs first: the document is read from docs/, which the annotations
# make (client-python-check needs no such step: docs-check runs before it).
client-python: docs .venv/.installed
	@tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	$(call gen-python-client,$$tmp); \
	rm -rf $(PY_CLIENT); cp -r $$tmp/out/detente_api_client $(PY_CLIENT); \
	echo "$(PY_CLIENT) regenerated"

# The committed client must be what the annotations generate.
client-python-check: .venv/.installed
	@tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	$(call gen-python-client,$$tmp); \
	if ! diff -r -q -x __pycache__ $(PY_CLIENT) $$tmp/out/detente_api_client >/dev/null; then \
		echo "$(PY_CLIENT) is stale: run 'make client-python' and commit the result"; \
		diff -r -x __pycache__ $(PY_CLIENT) $$tmp/out/detente_api_client | head -40; exit 1; fi; \
	echo "$(PY_CLIENT) matches the annotations"

# Starts Neo4j for the run unless NEO4J_URI points at one already, runs the
# suite, stops Neo4j, then runs the browser test on its own (below).
go-test: test-deps
	@mkdir -p tmp
	@status=0; \
	if [ -z "$${NEO4J_URI:-}" ]; then \
		trap 'scripts/neo4j.sh stop $(NEO4J_PORT)' EXIT; \
		NEO4J_SETTINGS="dbms.cypher.forbid_exhaustive_shortestpath=true" scripts/neo4j.sh start $(NEO4J_PORT); \
		NEO4J_URI=bolt://127.0.0.1:$(NEO4J_PORT) NEO4J_REQUIRE_FORBID_EXHAUSTIVE=1 \
			$(MAKE) --no-print-directory go-test-run || status=$$?; \
		scripts/neo4j.sh stop $(NEO4J_PORT); \
	else $(MAKE) --no-print-directory go-test-run || status=$$?; fi; \
	$(MAKE) --no-print-directory go-test-browser || status=$$?; \
	$(MAKE) --no-print-directory go-test-report STATUS=$$status

# The browser test times page loads and frames, so it runs after the rest
# rather than beside the race-instrumented suite on the same two cores
# (measured beside it, the explorer's cold load took 1.1 s in one run where
# the same page alone took 0.7-0.95 s), and after Neo4j has stopped (it
# uses the embedded store). It is still part of every make test.
BROWSER_TEST = ^TestExplorerInBrowser$$

go-test-run:
	@echo "go test -race ./... (NEO4J_URI=$$NEO4J_URI), the browser test after it"
	@$(GO) test -race -count=1 -timeout $(TEST_TIMEOUT) -v -skip '$(BROWSER_TEST)' $(GO_TEST_ARGS) > tmp/go-test.log 2>&1

go-test-browser:
	@if [ "$(GO_TEST_ARGS)" = "./..." ]; then \
		echo "go test -run '$(BROWSER_TEST)' . (alone)"; \
		$(GO) test -count=1 -timeout 15m -v -run '$(BROWSER_TEST)' . >> tmp/go-test.log 2>&1; fi

# The summary of tmp/go-test.log; exits with STATUS, the runs' status.
go-test-report:
	@grep -E '^(ok|FAIL|panic:|--- FAIL)|^\s+--- FAIL|^\s{4}--- (PASS|FAIL|SKIP): Test[A-Za-z]*Conformance/[a-z0-9]+ |^\s+\S+_test\.go:[0-9]+: figure: ' tmp/go-test.log || true; \
	passed=$$(grep -cE '^\s*--- PASS' tmp/go-test.log || true); failed=$$(grep -cE '^\s*--- FAIL' tmp/go-test.log || true); \
	skipped=$$(grep -cE '^\s*--- SKIP' tmp/go-test.log || true); \
	echo "go: $$passed passed, $$failed failed, $$skipped skipped"; \
	if [ "$(STATUS)" != 0 ]; then echo "full log: tmp/go-test.log"; tail -60 tmp/go-test.log; fi; exit $(STATUS)

test: lint docs-check client-python-check go-test fuzz-smoke

# What go-test-run passes to go test (test-long narrows it).
GO_TEST_ARGS ?= ./...

# Fuzzing (api/fuzz_test.go): each target for FUZZTIME; an input that fails
# is kept in api/testdata/fuzz/ and runs as a seed from then on. make test
# runs 20000 executions of each (fuzz-smoke, about 10 s a target here).
# The budgets are counts of executions, not durations: with a duration,
# Go 1.26's fuzz coordinator can fail a target that found nothing with
# "context deadline exceeded" when the deadline fires while a worker is
# busy (go.dev/issue/75804, fixed in Go 1.27); a count has no deadline to
# race, so on a slow machine the run takes longer instead of failing.
FUZZTIME ?= 100000x
FUZZ_TARGETS = FuzzImport FuzzDecodeBatch FuzzBodies FuzzPathQuery FuzzInfluenceQuery
fuzz:
	@for f in $(FUZZ_TARGETS); do \
		echo "go test ./api -fuzz $$f -fuzztime $(FUZZTIME)"; \
		$(GO) test ./api -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=20000x

# The long variants of the operational tests (DETENTE_TEST_LONG=1: see
# ops_test.go, api/injection_test.go), with Neo4j as go-test starts it,
# then a million executions of each fuzz target (several minutes each here).
test-long:
	DETENTE_TEST_LONG=1 $(MAKE) --no-print-directory go-test \
		GO_TEST_ARGS="-run '^(TestLoad|TestSchemathesis|TestInjectionCorpus|TestNeo4jOutage)' . ./api"
	$(MAKE) --no-print-directory fuzz FUZZTIME=1000000x

bench:
	scripts/bench.sh

clean:
	rm -rf tmp data tools/neo4j/target tools/gephi/target
