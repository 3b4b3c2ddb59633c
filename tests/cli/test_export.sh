#!/bin/sh
# test_export.sh — `ckg export`: each format, scopes, -o written whole (through a link, into
# a FIFO), and the errors.
set -eu
. "$(dirname "$0")/lib.sh"
M="$FIXTURES/metrics"
exp() { run --ontology "$M/bridge" export "$@"; }

test_case json_by_default_with_relations_per_kind
exp
expect_rc 0
expect_out '"scope": "all"'
/usr/bin/python3 - "$WORK/out" <<'PY' && pass || fail "json shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert [p["id"] for p in d["papers"]] == ["bridge", "bridge2", "quiet"]
assert all({"id", "source", "title"} <= set(p) for p in d["papers"])
assert all({"id", "zh", "en", "alt", "theme", "papers"} <= set(c) for c in d["concepts"])
rel = {(r["from"], r["to"], r["kind"]): r["papers"] for r in d["relations"]}
assert rel[("tri-c", "tri-a", "causes")] == ["bridge"]
assert rel[("tri-c", "tri-a", "supports")] == ["bridge2"]
assert rel[("tri-c", "tri-d", "supports")] == ["bridge", "bridge2"]
PY

test_case graphml_dot_csv
exp --format graphml
expect_rc 0
expect_out '<graph id="ckg" edgedefault="directed">'
expect_out '<data key="e_weight">2</data>'
exp --format dot
expect_rc 0
expect_out '"tri-c" -> "tri-a" [weight=2, kinds="causes;supports", label="催生、支撑", papers="bridge;bridge2"];'
exp --format csv --edges
expect_rc 0
expect_out "source,target,type,weight,kinds,label,papers"
if grep -q "^id,label" "$WORK/out"; then fail "--edges printed the nodes table"; else pass; fi
exp --format csv --nodes --paper bridge2
expect_rc 0
expect_out "tri-a,角甲,角甲,vertex a,core,,bridge2"

test_case output_file_is_written_whole
exp --format graphml -o "$WORK/g.graphml"
expect_rc 0
expect_out_empty
if grep -q "</graphml>" "$WORK/g.graphml"; then pass; else fail "file incomplete"; fi
ls -a "$WORK" | grep -q '^\.g\.graphml\.' && fail "temporary file left" || pass
echo old > "$WORK/keep.json"
exp --paper nope -o "$WORK/keep.json"
expect_rc 1
if [ "$(cat "$WORK/keep.json")" = old ]; then pass; else fail "a failed export touched the target"; fi

# -o through a symbolic link replaces the file it names and keeps the link; -o to a FIFO (as
# to a device such as /dev/null) writes into it, where a rename would have put a regular
# file in its place.
test_case output_through_a_link_or_into_a_fifo
echo old > "$WORK/real.json"
ln -s real.json "$WORK/link.json"
exp -o "$WORK/link.json"
expect_rc 0
if [ -L "$WORK/link.json" ]; then pass; else fail "the link was replaced by a file"; fi
if grep -q '"scope": "all"' "$WORK/real.json"; then pass; else fail "the linked file was not written"; fi
ls -a "$WORK" | grep -q '^\.real\.json\.\|^\.link\.json\.' && fail "temporary file left" || pass
mkfifo "$WORK/pipe"
timeout 20 cat "$WORK/pipe" >"$WORK/from-pipe" &
reader=$!
exp -o "$WORK/pipe"
expect_rc 0
wait "$reader" || true
if [ -p "$WORK/pipe" ]; then pass; else fail "the FIFO was replaced by a file"; fi
if grep -q '"scope": "all"' "$WORK/from-pipe"; then pass; else fail "nothing came through the FIFO"; fi

test_case unwritable_output_is_an_io_error
exp -o "$WORK/no/such/dir/g.json"
expect_rc 3
expect_err "cannot write"
exp -o "$WORK/"
expect_rc 2

test_case usage_and_lookup_errors
exp --format xml
expect_rc 2
exp --nodes
expect_rc 2
expect_err "--nodes and --edges go with --format csv"
exp --format csv --nodes --edges
expect_rc 2
exp --section loud
expect_rc 2
exp --paper quiet --section lod
expect_rc 1
expect_err "did you mean 'loud'"
exp stray
expect_rc 2
expect_no_crash

test_case shipped_ontology_exports_every_format
for fmt in json graphml dot csv; do
    run export --format "$fmt"
    expect_rc 0
done
run export --paper forum2024 --section yi-tong --format graphml
expect_rc 0
expect_out '<data key="g_scope">forum2024/yi-tong</data>'

test_case help_has_examples
exp --help
expect_rc 0
expect_out "usage: ckg export"
expect_out "examples:"

finish
