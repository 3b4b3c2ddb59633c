#!/bin/sh
# test_path.sh — `ckg path` on the query fixture: undirected by default, --directed,
# --all-shortest and --max, filters, a concept to itself, no path (exit 1), evidence per step,
# JSON checked by check_json.py; lookup failures; help; color.
set -eu
. "$(dirname "$0")/lib.sh"
ONTO="$FIXTURES/query"
Q="--ontology $ONTO --corpus $ONTO/corpus"
path() { run $Q path "$@"; }

test_case shortest_path_with_evidence
path 算力 新动能
expect_rc 0
expect_same_as path-computing-power-new-momentum.txt
expect_out "算力 → 新动能: 3 steps; 2 shortest paths"
expect_out "relations followed either way"
# each arrow of the chain points the way its step's relations run (both ways: ↔)
expect_out "算力 → 数据要素 ↔ 数字经济 → 新动能"
expect_out "        alpha:4  算力支撑数据要素的开发利用"
expect_out "1 of 2 shortest paths shown"

test_case all_shortest_and_max
path 算力 新动能 --all-shortest
expect_rc 0
expect_out "path 1  算力 → 数据要素 ↔ 数字经济 → 新动能"
expect_out "path 2  算力 → 数据要素 ← 经济增长 ← 新动能"
expect_out "  经济增长 ←推动— 新动能"
expect_no_out "shortest paths shown"
path 算力 新动能 -a --max 1
expect_out "1 of 2 shortest paths shown"
path 算力 新动能 -a --max 0
expect_rc 2

test_case directed_follows_cause_to_effect
path 算力 新动能 --directed
expect_rc 0
expect_out "3 steps; 1 shortest path"
expect_out "relations followed from cause to effect"
path 新动能 算力 --directed
expect_rc 1
expect_out_empty
expect_err "no chain of relations links 新动能 (new-momentum) and 算力 (computing-power) from cause to effect"

test_case filters
path 算力 全要素生产率 --kind supports
expect_rc 0
expect_no_out "推动"
path 算力 全要素生产率 --paper beta
expect_rc 1
expect_err "with these filters"
path 算力 全要素生产率 --kind bogus
expect_rc 1
expect_err "unknown relation kind 'bogus'"

test_case no_evidence_and_itself_and_no_path
path 算力 新动能 --no-evidence
expect_rc 0
expect_no_out "alpha:4"
path tfp 全要素生产率
expect_rc 0
expect_out "0 steps; 1 shortest path"
path orphan tfp
expect_rc 1
expect_err "no chain of relations links 孤立概念 (orphan) and 全要素生产率 (tfp)"

test_case json_shape
path 算力 新动能 --all-shortest --format json
expect_rc 0
expect_json path
expect_out '"total": 2'
expect_out '"evidence": ['
path orphan tfp --format json
expect_rc 1
expect_json path
expect_out '"found": false'

test_case lookup_and_usage_failures
path platform tfp
expect_rc 1
expect_err "'platform' is ambiguous"
path tfp 数剧要素
expect_rc 1
expect_err "did you mean '数据要素'?"
path tfp
expect_rc 2
path a b c
expect_rc 2

test_case help_and_color
path --help
expect_rc 0
expect_out "examples:"
path 算力 新动能
expect_no_color_in_pipe
expect_color yes $Q path 算力 新动能
NO_COLOR=1 expect_color no $Q path 算力 新动能

test_case directed_chain_points_forward
path 算力 经济增长 --directed --no-evidence
expect_rc 0
expect_out "relations followed from cause to effect"
if grep -q "←" "$WORK/out"; then fail "a directed path shows a step running back"; else pass; fi

test_case avoid_goes_around_a_concept
# 算力's one relation is with 数据要素
path 算力 新动能 --avoid 经济增长 --avoid 数据要素 --no-evidence
expect_rc 1
expect_out_empty
expect_err_is "ckg path: no chain of relations links 算力 (computing-power) and 新动能 (new-momentum) with these filters"
path 数字经济 全要素生产率 --no-evidence
expect_rc 0
expect_out "数字经济 → 全要素生产率: 2 steps; 1 shortest path"
path 数字经济 全要素生产率 --avoid 数据要素 --no-evidence
expect_rc 0
expect_out "数字经济 → 全要素生产率: 3 steps; 2 shortest paths"
expect_out "relations followed either way; arrows show their direction; avoiding 数据要素"
expect_no_out "数据要素 "
path 数字经济 全要素生产率 --avoid 全要素生产率
expect_rc 2
expect_err_is "ckg path: --avoid 全要素生产率 names an end of the path"
path 数字经济 全要素生产率 --avoid 数据要数
expect_rc 1
expect_err_is "ckg path: unknown concept '数据要数' (did you mean '数据要素'?)"

test_case k_shortest_paths
path 数字经济 全要素生产率 --k 4 --no-evidence
expect_rc 0
expect_same_as path-k4-digital-economy-tfp.txt
expect_out "数字经济 → 全要素生产率: the 4 shortest paths, 2 to 3 steps"
expect_out "path 1  数字经济 ↔ 数据要素 → 全要素生产率"
expect_out "path 2 (3 steps)  "
path 算力 数据要素 --k 5 --no-evidence
expect_rc 0
expect_out "算力 → 数据要素: 1 path (no more exist), 1 step"
path 数字经济 全要素生产率 --k 4 --avoid 数据要素 --format json
expect_rc 0
/usr/bin/python3 - "$WORK/out" <<'PY' && pass || fail "k paths json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["k"] == 4 and d["avoid"] == ["data-factor"] and d["directed"] is False, d
# only two simple paths keep clear of data-factor
assert d["found"] and d["total"] == len(d["paths"]) == 2, (d["total"], len(d["paths"]))
lens = [p["length"] for p in d["paths"]]
assert lens == sorted(lens) and d["length"] == lens[0] == 3, lens
for p in d["paths"]:
    assert p["concepts"][0] == "digital-economy" and p["concepts"][-1] == "tfp"
    assert "data-factor" not in p["concepts"] and len(set(p["concepts"])) == len(p["concepts"])
    assert len(p["steps"]) == p["length"] and all(s["relations"] for s in p["steps"])
PY
path 数字经济 全要素生产率 --k 2 --all-shortest
expect_rc 2
expect_err_is "ckg path: --k and --all-shortest exclude each other (--k lists the k shortest paths of any length)"
path 数字经济 全要素生产率 --k 0
expect_rc 2
expect_err_is "ckg path: --k wants a whole number from 1 to 1000, not '0'"

finish
