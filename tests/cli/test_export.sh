#!/bin/sh
# test_export.sh — `ckg export`: each format, chosen by --format or the file's name, one CSV
# table at a time (with a BOM for Excel), scopes, -o written whole (through a link, into a
# FIFO), and the errors.
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
expect_err_is "ckg export: --table goes with CSV (the other formats hold nodes and edges together)"
exp --format csv --nodes --edges
expect_rc 2
expect_err_is "ckg export: --nodes and --edges exclude each other (a CSV file holds one table)"
exp --section loud
expect_rc 2
exp --paper quiet --section lod
expect_rc 1
expect_err "did you mean 'loud'"
exp stray
expect_rc 2
expect_no_crash

test_case shipped_ontology_exports_every_format
for fmt in json graphml gexf dot; do
    run export --format "$fmt"
    expect_rc 0
done
for table in nodes edges; do
    run export --format csv --table "$table"
    expect_rc 0
done
run export --paper forum2024 --section yi-tong --format graphml
expect_rc 0
expect_out '<data key="g_scope">forum2024/yi-tong</data>'

test_case the_file_name_chooses_the_format
for ext in json graphml gexf dot csv; do
    case $ext in csv) extra="--table edges" ;; *) extra="" ;; esac
    # shellcheck disable=SC2086
    exp -o "$WORK/g.$ext" $extra
    expect_rc 0
    expect_out_empty
    # shellcheck disable=SC2086
    exp --format "$ext" $extra
    if cmp -s "$WORK/out" "$WORK/g.$ext"; then pass; else fail "-o g.$ext is not --format $ext"; fi
done
exp -o "$WORK/G.GraphML"
expect_rc 0
if grep -q "<graphml" "$WORK/G.GraphML"; then pass; else fail ".GraphML is not graphml"; fi
# --format says what a name without a known ending cannot
exp -o "$WORK/graph.xml" --format graphml
expect_rc 0
if grep -q "<graphml" "$WORK/graph.xml"; then pass; else fail "--format graphml into graph.xml"; fi

test_case a_name_and_a_format_that_disagree_are_a_usage_error
echo old > "$WORK/all.graphml"
exp -o "$WORK/all.graphml" --format json
expect_rc 2
expect_err_is "ckg export: '$WORK/all.graphml' names a graphml file but --format is json (drop --format, or name the file for it)"
if [ "$(cat "$WORK/all.graphml")" = old ]; then pass; else fail "a refused export touched the file"; fi
exp -o "$WORK/graph.xml"
expect_rc 2
expect_err_is "ckg export: cannot tell the format from the name '$WORK/graph.xml': end it in .json, .graphml, .gexf, .dot or .csv, or give --format"
exp -o "$WORK/graph"
expect_rc 2
expect_err "cannot tell the format from the name '$WORK/graph'"
exp --format GEXF
expect_rc 0
expect_out '<gexf xmlns="http://gexf.net/1.3"'

test_case csv_is_one_table_at_a_time
exp --format csv
expect_rc 2
expect_err_is "ckg export: a CSV file holds one table: add --table nodes or --table edges"
exp -o "$WORK/all.csv"
expect_rc 2
expect_err_is "ckg export: a CSV file holds one table: add --table nodes or --table edges"
exp -o "$WORK/nodes.csv" --table nodes
expect_rc 0
expect_out_empty
if head -1 "$WORK/nodes.csv" | grep -q '^id,label,zh,en,theme,alt,papers,color,definition_zh,definition_en,n_papers,evidence,degree,in_degree,out_degree,betweenness,harmonic,pagerank,hub,authority,coreness,community$'; then
    pass; else fail "nodes table header: $(head -1 "$WORK/nodes.csv")"; fi
exp --format csv --table Edges
expect_rc 0
expect_out "source,target,type,weight,kinds,label,papers,evidence"
expect_out "tri-c,tri-a,Directed,2,causes;supports,催生、支撑,bridge;bridge2,2"
exp --format csv --table both
expect_rc 2
expect_err_is "ckg export: unknown table 'both' (nodes or edges)"
exp --format csv --nodes --table nodes
expect_rc 2
expect_err_is "ckg export: --nodes is --table nodes: give one of them"

test_case bom_for_excel
exp --format csv --table nodes --bom
expect_rc 0
if [ "$(head -c 3 "$WORK/out" | od -An -tx1 | tr -d ' ')" = efbbbf ]; then pass; else
    fail "no byte order mark"; fi
tail -c +4 "$WORK/out" > "$WORK/nobom"
exp --format csv --table nodes
if cmp -s "$WORK/out" "$WORK/nobom"; then pass; else fail "--bom changed more than the mark"; fi
exp --format graphml --bom
expect_rc 2
expect_err_is "ckg export: --bom goes with CSV (for Excel)"

test_case gexf_opens_as_a_finished_map
exp -o "$WORK/g.gexf"
expect_rc 0
/usr/bin/python3 "$(dirname "$0")/../crosscheck/gexf_check.py" "$WORK/g.gexf" >"$WORK/gexf_check" 2>&1 && pass ||
    fail "gexf_check: $(cat "$WORK/gexf_check")"
grep -c "<viz:position " "$WORK/g.gexf" > "$WORK/n"
if [ "$(cat "$WORK/n")" -eq 6 ]; then pass; else fail "$(cat "$WORK/n") positions for 6 nodes"; fi
exp -o "$WORK/g2.gexf"
if cmp -s "$WORK/g.gexf" "$WORK/g2.gexf"; then pass; else fail "two GEXF exports differ"; fi

test_case help_has_examples
exp --help
expect_rc 0
expect_out "usage: ckg export"
expect_out "examples:"

finish
