#!/bin/sh
# test_compare.sh — `ckg compare` on the diff fixture (values worked out by hand in
# tests/unit/test_diff.c) and on the shipped papers: figures, the Jaccard and correlation
# matrices, the rank matrix and its order; sections and named scopes; JSON and CSV; errors.
set -eu
. "$(dirname "$0")/lib.sh"
D="$FIXTURES/diff"
cmp_() { run --ontology "$D" compare "$@"; }

test_case figures_matrices_and_ranks_by_hand
cmp_ --measure degree
expect_rc 0
expect_out "4 papers, by degree"
expect_out "  left           6          6   0.2000      0.2083  概念甲、概念乙、概念丙、概念丁、概念戊"
expect_out "  mute           0          0   0.0000           -"
# concepts: left-right 4/8, left-essays and right-essays 4/6; relations by family (the
# default): left-right 1/11 (kb -> kc: causes and promotes, both drives), left-essays 2/7,
# right-essays 2/7 (ka -> kb is conditions in right, drives in essays)
expect_out "  essays       ·    0.67    0.00    0.67"
expect_out "  left      0.67       ·    0.00    0.50"
expect_out "shared relations (Jaccard of the (from, family, to) relations)"
expect_out "  essays       ·    0.29    0.00    0.29"
expect_out "  left      0.29       ·    0.00    0.09"
# Spearman of degree: right-essays 4 / sqrt(18), left-right -2 / sqrt(13.5); none with mute
expect_out "  right     0.94   -0.54       -       ·"
# by best rank, then by how many papers hold the concept, then id
expect_out "  概念甲      3.5       1       -     3.5"
expect_out "  概念丙      1.5       3       -       1"
expect_out "  概念辛        -       -       -       6"
/usr/bin/python3 - "$WORK/out" <<'PY' && pass || fail "rank matrix order"
import sys
rows = [l.split()[0] for l in open(sys.argv[1], encoding="utf-8") if l.startswith("  概念")]
assert rows == ["概念甲", "概念丙", "概念乙", "概念丁", "概念庚", "概念戊", "概念己", "概念辛"], rows
PY
if grep -q ' $' "$WORK/out"; then fail "trailing blanks"; else pass; fi

test_case relations_by_kind_and_by_pair
# by pair: left-right 2/10, right-essays 3/6
cmp_ --measure degree --by pair
expect_rc 0
expect_out "shared relations (Jaccard of the (from, to) pairs)"
expect_out "  essays       ·    0.29    0.00    0.50"
expect_out "  left      0.29       ·    0.00    0.20"
# by kind: right states kd -> kb with two kinds (7 relations); left-right 0, right-essays 1/9
cmp_ --measure degree --by kind
expect_rc 0
expect_out "shared relations (Jaccard of the (from, kind, to) relations)"
expect_out "  right          6          7   0.2000      0.0000"
expect_out "  essays       ·    0.29    0.00    0.11"
expect_out "  left      0.29       ·    0.00    0.00"
cmp_ --by kind --format json
/usr/bin/python3 - "$WORK/out" <<'PY' && pass || fail "json by kind"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["by"] == "kind"
right = next(s for s in d["scopes"] if s["scope"] == "right")
assert right["relations"] == 7 and right["edges"] == 6, right
p = next(p for p in d["pairs"] if (p["a"], p["b"]) == ("essays", "right"))
assert p["shared_relations"] == 1 and abs(p["jaccard_relations"] - 1 / 9) < 1e-15, p
PY
cmp_ --by verb
expect_rc 2
expect_err "unknown relation key 'verb' (family, kind or pair)"

test_case top_and_all
cmp_ --measure degree --top 2
expect_rc 0
expect_out "(2 of 8 concepts; --top N or --all for more, --format csv for ids)"
cmp_ --all
expect_rc 0
expect_no_out "of 8 concepts"

test_case sections_and_named_scopes
cmp_ --sections essays
expect_rc 0
expect_out "2 sections, by pagerank"
expect_out "  one           3          2   0.3333"
expect_out "             one     two"
cmp_ left essays/two --format json
expect_rc 0
expect_out '"scope": "essays/two"'
expect_out '"section": "two"'

test_case json_shape
cmp_ --measure degree --format json
expect_rc 0
/usr/bin/python3 - "$WORK/out" <<'PY' && pass || fail "json shape"
import json, math, sys
d = json.load(open(sys.argv[1]))
names = [s["scope"] for s in d["scopes"]]
assert names == ["essays", "left", "mute", "right"], names
assert d["measure"] == "degree" and len(d["pairs"]) == 6 and d["by"] == "family"
assert [s["relations"] for s in d["scopes"]] == [3, 6, 0, 6]
assert d["jaccard"]["concepts"][1][3] == 0.5 and d["jaccard"]["concepts"][3][3] == 1.0
assert d["jaccard"]["concepts"][2][2] is None  # mute with itself: both sets empty
assert abs(d["spearman_degree"][3][0] - 4 / math.sqrt(18)) < 1e-12
assert abs(d["kendall_degree"][3][0] - 4 / math.sqrt(20)) < 1e-12
assert d["spearman_degree"][2][1] is None
ka = d["concepts"][0]
assert ka["id"] == "ka" and ka["ranks"] == {"essays": 3.5, "left": 1.0, "mute": None, "right": 3.5}
assert ka["values"]["left"] == 4
assert len(d["concepts"]) == 8
assert [t["id"] for t in d["scopes"][1]["top"]] == ["ka", "kb", "kc", "kd", "ke"]
PY

test_case csv_tables
cmp_ --measure degree --format csv
expect_rc 0
expect_out 'id,zh,en,theme,essays,left,mute,right'
expect_out 'ka,概念甲,concept a,core,3.5,1,,3.5'
expect_out "a,b,shared_concepts,jaccard,shared_relations,jaccard_relations,n,spearman_degree,kendall_degree"
expect_out 'left,right,4,0.5,1,0.090909090909090912,4,'
expect_out "scope,nodes,edges,density,communities,modularity,top,relations"
expect_out 'right,6,6,0.20000000000000001,2,0,kc;kb;ka;kd;kg,6'
cmp_ --measure degree --format csv --by pair
expect_out 'left,right,4,0.5,2,0.20000000000000001,4,'
cmp_ --measure degree --format csv --by kind
expect_out 'right,6,6,0.20000000000000001,2,0,kc;kb;ka;kd;kg,7'
expect_out 'mute,0,0,0,0,,'
cmp_ --format csv --table figures
expect_rc 0
expect_no_out "id,zh,en"

test_case errors
cmp_ --sections left
expect_rc 1
expect_err "paper 'left' declares no sections"
cmp_ --sections lft
expect_rc 1
expect_err "unknown paper 'lft' (did you mean 'left'?)"
cmp_ left essays/twoo
expect_rc 1
expect_err "did you mean 'two'?"
cmp_ left --sections essays
expect_rc 2
cmp_ --top 3 --all
expect_rc 2
cmp_ --measure community
expect_rc 2
cmp_ --table ranks
expect_rc 2
cmp_ --format csv --table nodes
expect_rc 2
cmp_ --top 0
expect_rc 2
expect_no_crash

test_case shipped_papers_and_essays
run compare
expect_rc 0
expect_out "5 papers, by pagerank"
expect_out "(25 of "
run compare --sections forum2024 --measure betweenness
expect_rc 0
expect_out "4 sections, by betweenness"
expect_out "  yang-ruilong"

test_case help_and_color
cmp_ --help
expect_rc 0
expect_out "usage: ckg compare"
expect_out "--by K"
expect_out "examples:"
cmp_
expect_no_color_in_pipe
expect_color yes --ontology "$D" compare
NO_COLOR=1 expect_color no --ontology "$D" compare

finish
