#!/bin/sh
# test_diff.sh — `ckg diff` on the diff fixture (values worked out by hand in
# tests/unit/test_diff.c) and on the shipped papers: the one-screen text, JSON of doc/design.md,
# CSV tables, sections, empty scopes, and every usage and lookup error.
set -eu
. "$(dirname "$0")/lib.sh"
D="$FIXTURES/diff"
dif() { run --ontology "$D" diff "$@"; }

# the display column where TEXT starts on the line holding it
column_of() {
    /usr/bin/python3 - "$WORK/out" "$1" <<'PY'
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    if sys.argv[2] in line:
        i = line.index(sys.argv[2])
        print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:i]))
        break
PY
}

test_case headline_figures_and_correlations_by_hand
dif left right --measure degree
expect_rc 0
expect_out "left vs right, by degree; relations by family"
expect_out "  concepts          6         6       4     0.50"
# by family (the default): kb -> kc is causes in left and promotes in right, one claim
# (drives); ka -> kb is drives in left, conditions in right: two claims. 1 / 11.
expect_out "  relations         6         6       1     0.09"
expect_out "  relations are (from, family, to); in both by family 1, by kind 0, by pair 2"
# rho = -2 / sqrt(13.5), tau-b = -2 / sqrt(15)
expect_out "degree ranks of the 4 shared concepts: Spearman -0.54, Kendall tau-b -0.52 (opposite orders)"

test_case tops_movers_and_what_each_lacks
dif left right --measure degree
expect_out "      1  概念甲                     3.5         1  概念丙                       3"
expect_out "    5.5  概念戊                       -         5  概念庚                       -"
expect_out "      1 → 3.5      +2.5  概念甲                concept a"
expect_out "      3 → 1          -2  概念丙                concept c"
expect_out "  only in left (2)                          only in right (2)"
expect_out "    5.5  概念己                                 6  概念辛"

test_case theme_shares_and_relations_one_states
dif left right --measure degree --by pair
expect_out "left vs right, by degree; relations by pair"
expect_out "  relations         6         6       2     0.20"
expect_out "  relations are (from, to) pairs; in both by family 1, by kind 0, by pair 2"
expect_out "  core  核心           50%       50%         67%       75%"
expect_out "  industry  产业       17%        0%          8%        0%"
expect_out "relations only one states  (by pair; those between shared concepts first)"
expect_out "  only left: 4, 2 between shared                    only right: 4, 3 between shared"
expect_out "  概念甲 —drives:催生→ 概念丙                       概念丙 —drives:催生→ 概念甲"
expect_out "  概念丁 —drives:催生→ 概念戊 *"
expect_out "  概念丁 —drives:催生/推动→ 概念乙"
expect_out "  * one end is a concept the other paper does not use"
expect_no_out "≠"
# columns line up by display width: the right list starts where its heading does
a=$(column_of "only in right")
b=$(column_of "5  概念庚")
if [ "$a" = "$((b - 4))" ]; then pass; else fail "right list at column $b, heading at $a"; fi

test_case relations_by_family_and_by_kind
# by family: ka -> kb is only in each, under its own family, marked as a pair the other
# links otherwise; kd -> kb's two kinds of one family are one relation
dif left right --measure degree
expect_out "relations only one states  (by family; those between shared concepts first)"
expect_out "  only left: 5, 3 between shared                    only right: 5, 4 between shared"
expect_out "  概念甲 —drives:催生→ 概念乙 ≠                     概念丙 —drives:催生→ 概念甲"
expect_out "  概念甲 —conditions:支撑→ 概念丁                   概念甲 —conditions:支撑→ 概念乙 ≠"
expect_out "  概念己 —conditions:支撑→ 概念甲 *                 概念丁 —drives:催生/推动→ 概念乙"
expect_out "  ≠ the other paper links the pair as another family"
# by kind: nothing is in both; right has 7 relations (kd -> kb twice); kb -> kc differs
dif left right --measure degree --by kind
expect_rc 0
expect_out "  relations         6         7       0     0.00"
expect_out "  relations are (from, kind, to); in both by family 1, by kind 0, by pair 2"
expect_out "  only left: 6, 4 between shared                    only right: 7, 6 between shared"
expect_out "  概念甲 —drives:催生→ 概念乙 ≠                     概念乙 —drives:推动→ 概念丙 ≠"
expect_out "  ≠ the other paper links the pair as another kind"
dif left right --measure degree --by kind --top 10
expect_out "概念丁 —drives:推动→ 概念乙"
expect_out "概念丁 —drives:催生→ 概念乙"
dif left right --by pair --format json
/usr/bin/python3 - "$WORK/out" <<'PY' && pass || fail "json by pair"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["by"] == "pair" and abs(d["jaccard_relations"] - 0.2) < 1e-15
ab = next(r for r in d["relations"]["shared"] if (r["from"], r["to"]) == ("ka", "kb"))
assert ab["family"] is None and ab["kind"] is None  # causes (drives) vs supports (conditions)
assert ab["kinds_a"] == ["causes"] and ab["kinds_b"] == ["supports"]
PY
dif left right --by kind --format json
/usr/bin/python3 - "$WORK/out" <<'PY' && pass || fail "json by kind"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["by"] == "kind" and d["jaccard_relations"] == 0.0 and d["relations"]["shared"] == []
db = [r for r in d["relations"]["only_b"] if (r["from"], r["to"]) == ("kd", "kb")]
assert [(r["kind"], r["family"], r["kinds_b"]) for r in db] == \
    [("causes", "drives", ["causes"]), ("promotes", "drives", ["promotes"])], db
assert all(r["pair_kinds_b"] == ["causes", "promotes"] and r["pair_kinds_a"] is None for r in db)
bc = next(r for r in d["relations"]["only_a"] if (r["from"], r["to"]) == ("kb", "kc"))
assert bc["kinds_a"] == ["causes"] and bc["kinds_b"] is None and bc["pair_kinds_b"] == ["promotes"]
PY
dif left right --by fmaily
expect_rc 2
expect_err "unknown relation key 'fmaily' (family, kind or pair)"
dif left right --by
expect_rc 2

test_case json_has_the_shape_of_design
dif left right --measure degree --format json
expect_rc 0
/usr/bin/python3 - "$WORK/out" <<'PY' && pass || fail "json shape"
import json, math, sys
d = json.load(open(sys.argv[1]))
assert d["a"] == "left" and d["b"] == "right"
assert sorted(d["shared"]) == ["ka", "kb", "kc", "kd"] and d["shared"][0] == "ka"
assert d["only_a"] == ["ke", "kf"] and d["only_b"] == ["kg", "kh"]
assert d["jaccard"] == 0.5 and abs(d["jaccard_relations"] - 1 / 11) < 1e-15
assert d["by"] == "family"
assert d["shared_relations_by"] == {"family": 1, "kind": 0, "pair": 2}
assert abs(d["spearman_degree"] + 2 / math.sqrt(13.5)) < 1e-12
assert abs(d["kendall_degree"] + 2 / math.sqrt(15)) < 1e-12
assert "spearman_pagerank" in d and "kendall_pagerank" in d
ka = d["concepts"][0]
assert ka["id"] == "ka" and ka["a"]["degree"] == 4 and ka["b"]["degree"] == 2
assert ka["a"]["rank"] == 1 and ka["b"]["rank"] == 3.5 and ka["delta"]["rank"] == 2.5
assert ka["delta"]["degree"] == -2 and "pagerank" in ka["a"] and "community" not in ka["delta"]
assert d["themes"]["industry"] == {**d["themes"]["industry"], "a": 1 / 6, "b": 0.0}
bc = d["relations"]["shared"]
assert [(r["from"], r["to"], r["family"], r["kind"]) for r in bc] == [("kb", "kc", "drives", None)]
assert bc[0]["kinds_a"] == ["causes"] and bc[0]["kinds_b"] == ["promotes"]
only = {(r["from"], r["to"], r["family"]): r for r in d["relations"]["only_a"] + d["relations"]["only_b"]}
ab_a, ab_b = only[("ka", "kb", "drives")], only[("ka", "kb", "conditions")]
assert ab_a["kinds_a"] == ["causes"] and ab_a["kinds_b"] is None and ab_a["pair_kinds_b"] == ["supports"]
assert ab_b["kinds_b"] == ["supports"] and ab_b["pair_kinds_a"] == ["causes"]
assert only[("kd", "kb", "drives")]["kinds_b"] == ["causes", "promotes"]
assert only[("ka", "kc", "drives")]["pair_kinds_b"] is None
PY

test_case csv_tables
dif left right --measure degree --format csv
expect_rc 0
expect_out "id,zh,en,theme,in,rank_a,rank_b,rank_delta,degree_a,degree_b,degree_delta,"
expect_out 'ka,概念甲,concept a,core,both,1,3.5,2.5,4,2,-2,'
expect_out 'ke,概念戊,concept e,industry,left,5.5,,,1,,,'
expect_out "from,to,in,kinds_a,kinds_b,ends_shared,family,kind,pair_kinds_a,pair_kinds_b"
expect_out 'kb,kc,both,causes,promotes,1,drives,,causes,promotes'
expect_out 'ka,kb,left,causes,,1,drives,,causes,supports'
expect_out 'ka,kb,right,,supports,1,conditions,,causes,supports'
expect_out 'kd,kb,right,,causes;promotes,1,drives,,,causes;promotes'
expect_out 'core,核心,core,3,3,0.5,0.5,8,9,'
dif left right --format csv --table relations
expect_rc 0
expect_no_out "id,zh,en"
expect_out 'kg,kc,right,,supports,0,conditions,,,supports'
dif left right --format csv --table relations --by pair
expect_out 'ka,kb,both,causes,supports,1,,,causes,supports'
dif left right --format csv --table relations --by kind
expect_out 'kd,kb,right,,causes,1,drives,causes,,causes;promotes'
expect_out 'kd,kb,right,,promotes,1,drives,promotes,,causes;promotes'

test_case sections_are_paper_slash_section
dif essays/one essays/two
expect_rc 0
expect_out "essays/one vs essays/two, by pagerank; relations by family"
expect_out "  essays/one  第一篇  (测试作者甲, 2024)"
expect_out "                  one       two    both  Jaccard"
expect_out "  concepts          3         3       2     0.50"
dif essays essays/two --format json
expect_rc 0
expect_out '"b": "essays/two"'
expect_out '"section": "two"'

test_case empty_scope_says_undefined
dif mute left
expect_rc 0
expect_out "  concepts          0         6       0     0.00"
expect_out "Spearman -, Kendall tau-b - (undefined)"
dif mute mute --format json
expect_rc 0
expect_out '"jaccard": null'
expect_out '"spearman_pagerank": null'

test_case lookup_errors_exit_1
dif lft right
expect_rc 1
expect_err "unknown paper 'lft' (did you mean 'left'?)"
dif essays/twoo right
expect_rc 1
expect_err "paper 'essays' has no section 'twoo' (did you mean 'two'?); its sections: essays/one, essays/two"
dif left/one right
expect_rc 1
expect_err "paper 'left' has no sections"

test_case usage_errors_exit_2
dif left
expect_rc 2
expect_err "name two papers"
dif left right mute
expect_rc 2
dif left right --measure community
expect_rc 2
expect_err "communities are labels"
dif left right --measure pagrank
expect_rc 2
expect_err "unknown measure 'pagrank' (did you mean 'pagerank'?)"
dif left right --top 0
expect_rc 2
dif left right --format xml
expect_rc 2
dif left right --table themes
expect_rc 2
expect_err "--table goes with --format csv"
dif left right --format csv --table edges
expect_rc 2
dif left right --bogus
expect_rc 2
expect_no_crash

test_case shipped_papers_fit_one_screen_and_repeat
run diff peng2024 hong2024
expect_rc 0
expect_out "peng2024 vs hong2024, by pagerank; relations by family"
expect_out "biggest movers among the"
cp "$WORK/out" "$WORK/first.txt"
lines=$(wc -l < "$WORK/out")
if [ "$lines" -le 50 ]; then pass; else fail "$lines lines"; fi
/usr/bin/python3 - "$WORK/out" <<'PY' && pass || fail "wider than 100 columns"
import sys, unicodedata
w = max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l.rstrip("\n"))
        for l in open(sys.argv[1], encoding="utf-8"))
assert w <= 100, w
PY
if grep -q ' $' "$WORK/out"; then fail "trailing blanks"; else pass; fi
run diff peng2024 hong2024
if cmp -s "$WORK/out" "$WORK/first.txt"; then pass; else fail "two runs differ"; fi
run diff forum2024/yang-ruilong forum2024/yi-tong --measure betweenness --format json
expect_rc 0
expect_out '"spearman_betweenness"'

test_case help_and_color
dif --help
expect_rc 0
expect_out "usage: ckg diff"
expect_out "average of the ranks"
expect_out "--by K"
expect_out "(from, family, to)"
expect_out "examples:"
dif left right
expect_no_color_in_pipe
expect_color yes --ontology "$D" diff left right
NO_COLOR=1 expect_color no --ontology "$D" diff left right

finish
