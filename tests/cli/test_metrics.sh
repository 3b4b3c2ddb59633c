#!/bin/sh
# test_metrics.sh — `ckg metrics`: the aligned table, sorting and filters, CSV and the JSON of
# doc/design.md, scopes, determinism, and every usage and lookup error.
set -eu
. "$(dirname "$0")/lib.sh"
M="$FIXTURES/metrics"
met() { run --ontology "$M/bridge" metrics "$@"; }

test_case table_has_figures_and_rows_aligned_by_display_width
met
expect_rc 0
expect_out "scope all: 6 concepts, 7 edges (7 undirected), density 0.2333"
expect_out "1 component (largest: 6 concepts), diameter 3 (undirected, in edges)"
expect_out "2 communities (leiden, seed 1), modularity 0.3571; modularity of the themes 0.0306"
expect_out "#  concept  zh    theme    deg  in  out  betweenness  harmonic  pagerank    hub  authority  core  comm"
expect_out "1  tri-d    角丁  factors    3   2    1       0.6000    0.8000   0.26889  0.000      1.000     2     2"
expect_out "4  tri-c    角丙  core       3   1    2       0.6000    0.8000   0.09281  1.000      0.000     2     1"

test_case mixed_width_names_keep_columns_aligned
run --ontology "$M/escape" metrics --sort id
expect_rc 0
# sorted by id, # is the rank by pagerank
expect_out '4  path-a   路甲<&>"'"'"'  core       1'
expect_out "3  path-b   路乙       core       2"
expect_out "(4 of 4 concepts, by id; # is the rank by pagerank)"
# every row's theme starts at the same display column as the header's
/usr/bin/python3 - "$WORK/out" <<'PY' && pass || fail "columns drift"
import sys, unicodedata
rows = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")
        if not l.startswith("(")][5:]
def col(line, word):
    i = line.index(word)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:i])
starts = {col(r, " core ") if " core " in r else col(r, " factors ") for r in rows[1:]}
assert starts == {col(rows[0], " theme ")}, starts
PY

test_case top_sort_and_theme_select_rows
# tri-c and tri-d have one betweenness: they share rank 1.5, in every format
met --top 2 --sort betweenness
expect_rc 0
expect_out "1.5  tri-c "
expect_out "1.5  tri-d "
expect_out "(2 of 6 concepts, by betweenness)"
met --top 2 --sort betweenness --format csv
expect_rc 0
expect_out "1.5,tri-c,"
expect_out "1.5,tri-d,"
met --sort betweenness --format json
expect_rc 0
/usr/bin/python3 - "$WORK/out" <<'PY' && pass || fail "json ranks share ties"
import json, sys
rows = {c["id"]: c["rank"] for c in json.load(open(sys.argv[1]))["concepts"]}
assert rows["tri-c"] == rows["tri-d"] == 1.5, rows
assert sorted(rows.values()) == [1.5, 1.5, 4.5, 4.5, 4.5, 4.5], rows
PY
met --theme factors
expect_rc 0
expect_out "tri-d"
expect_out "tri-e"
if grep -q "tri-a" "$WORK/out"; then fail "theme filter kept a core concept"; else pass; fi
met --sort community --format csv
expect_rc 0
# rows by community, ranks by pagerank
if sed -n 2p "$WORK/out" | grep -q '^6,tri-a,' && tail -1 "$WORK/out" | grep -q '^3,tri-f,'; then
    pass; else fail "community order with pagerank ranks"; fi

test_case weighted_degrees_are_strengths
met --weighted --sort degree --top 1
expect_rc 0
expect_out "weighted: an edge weighs the papers stating it"
expect_out "1  tri-c    角丙  core     5   1    4       0.6000    1.2667"

test_case csv_has_every_measure_at_full_precision
met --format csv --sort id
expect_rc 0
expect_out "rank,id,zh,en,theme,degree,in_degree,out_degree,betweenness,harmonic,pagerank,hub,authority,coreness,community"
expect_out '4,tri-c,角丙,vertex c,core,3,1,2,0.59999999999999998,0.80000000000000004,'

test_case json_has_the_shape_of_design
met --format json
expect_rc 0
/usr/bin/python3 - "$WORK/out" <<'PY' && pass || fail "json shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["scope"] == "all" and d["nodes"] == 6 and d["edges"] == 7
keys = {"id", "zh", "degree", "in_degree", "out_degree", "betweenness", "harmonic", "pagerank",
        "hub", "authority", "coreness", "community"}
assert all(keys <= set(c) for c in d["concepts"]) and len(d["concepts"]) == 6
assert {"density", "communities", "modularity", "theme_modularity"} <= set(d["graph"])
assert isinstance(d["concepts"][0]["degree"], int) and isinstance(d["concepts"][0]["pagerank"], float)
assert abs(d["graph"]["modularity"] - 5 / 14) < 1e-12
PY

test_case scopes_paper_section_and_empty
met --paper bridge2 --format json
expect_rc 0
expect_out '"scope": "bridge2"'
met --paper quiet
expect_rc 0
expect_out "modularity -; modularity of the themes -"
met --paper quiet --section silent --format json
expect_rc 0
expect_out '"concepts": []'
expect_out '"modularity": null'

test_case runs_repeat_exactly_on_the_shipped_ontology
run metrics --format json
expect_rc 0
cp "$WORK/out" "$WORK/first.json"
run metrics --format json --threads 3
expect_rc 0
if cmp -s "$WORK/out" "$WORK/first.json"; then pass; else fail "two runs differ"; fi
run metrics --top 10
expect_rc 0
expect_out "1  new-quality-productive-forces"
run metrics --paper forum2024 --section yi-tong --method louvain --top 3
expect_rc 0
expect_out "scope forum2024/yi-tong:"
expect_out "(louvain, seed 1)"

test_case lookup_errors_exit_1
met --paper bridg
expect_rc 1
expect_err_is "ckg metrics: paper 'bridg' could be bridge or bridge2 (give more of its id)"
met --paper bridgr
expect_rc 1
expect_err_is "ckg metrics: unknown paper 'bridgr' (did you mean 'bridge'?); the papers: bridge, bridge2, quiet (see 'ckg papers')"
met --paper qu --top 1
expect_rc 0
expect_out "scope quiet:"
met --paper quiet --section silnt
expect_rc 1
expect_err "paper 'quiet' has no section 'silnt' (did you mean 'silent'?)"
met --theme factor
expect_rc 1
expect_err_is "ckg metrics: unknown theme 'factor' (did you mean 'factors'?); the themes: core 核心, factors 要素 (see 'ckg themes')"

test_case usage_errors_exit_2
met --sort pagrank
expect_rc 2
expect_err "unknown measure 'pagrank' (did you mean 'pagerank'?)"
met --top 0
expect_rc 2
met --top ten
expect_rc 2
met --format xml
expect_rc 2
met --section silent
expect_rc 2
expect_err "--section needs --paper"
met --method spectral
expect_rc 2
met --threads 0
expect_rc 2
met extra
expect_rc 2
met --bogus
expect_rc 2
expect_no_crash

test_case help_has_examples
met --help
expect_rc 0
expect_out "usage: ckg metrics"
expect_out "examples:"

finish
