#!/bin/sh
# test_neighbors.sh — `ckg neighbors` on the query fixture: name resolution (every kind of
# name, folded, ambiguous, unknown), every option, depth and cycles, evidence with and
# without a corpus, JSON checked against the contract and against the YAML, CSV, color.
set -eu
. "$(dirname "$0")/lib.sh"
ONTO="$FIXTURES/query"
Q="--ontology $ONTO --corpus $ONTO/corpus"

nb() { run $Q neighbors "$@"; }

test_case evidence_listing_matches_expected
nb tfp --evidence
expect_rc 0
expect_same_as neighbors-tfp-evidence.txt
expect_out "全要素生产率 —催生→ 经济增长"
expect_out "全要素生产率 ←支撑— 数据要素"
expect_out "依托 rests on (1)"
expect_out "beta:5-6  数据要素同样支撑全要素生产率，并且持续推动全要素生产率  [part-one]  — 跨行的引文。"

test_case every_kind_of_name_finds_the_concept
# dashes count as little as spaces: T-F-P is TFP, total-factor-productivity its en name
for name in tfp 全要素生产率 "total factor productivity" TFP ＴＦＰ " Total  Factor Productivity " \
    T-F-P total-factor-productivity 全要素生產率; do
    nb "$name"
    expect_rc 0
    expect_out "全要素生产率  total factor productivity  (tfp, core)"
done

test_case ambiguous_name_lists_candidates
nb PLATFORM
expect_rc 1
expect_out_empty
expect_err "'PLATFORM' is ambiguous: it names 2 concepts"
expect_err "platform-economy  平台经济  platform  (core)"
expect_err "digital-platform  数字平台  Platform  (technology)"
expect_err "name one of them by its id"

test_case unknown_name_suggests
nb 数剧要素
expect_rc 1
expect_out_empty
expect_err "unknown concept '数剧要素' (did you mean '数据要素'?)"
nb "computing powr"
expect_rc 1
# its en name and its id fold alike (the hyphen is ignored): one suggestion, the name
expect_err_is "ckg neighbors: unknown concept 'computing powr' (did you mean 'computing power'?)"
nb 完全无关的名字
expect_rc 1
expect_err "unknown concept '完全无关的名字'"
expect_no_err "did you mean"

test_case direction_out_and_in
nb 数据要素 --direction out
expect_rc 0
expect_out "数据要素 —支撑→ 全要素生产率"
expect_no_out "←"
nb 数据要素 --direction in
expect_rc 0
expect_out "数据要素 ←支撑— 算力"
expect_no_out "—→"
nb 数据要素 --direction sideways
expect_rc 2
expect_err "--direction is in, out or both"

test_case kind_by_id_phrase_list_and_repeat
nb 数据要素 --kind promotes
expect_rc 0
expect_out "3 relations"
expect_no_out "支撑"
nb 数据要素 --kind 推动
expect_out "3 relations"
nb 数据要素 --kind supports,part_of
expect_out "3 relations"
expect_no_out "推动"
nb 数据要素 -k supports -k "is part of"
expect_out "3 relations"
nb 数据要素 --kind suports
expect_rc 1
expect_err "unknown relation kind 'suports' (did you mean 'supports'?)"

test_case paper_filter
nb 数据要素 --paper beta
expect_rc 0
expect_out "3 relations, in 1 paper"
expect_no_out "alpha"
nb 数据要素 --paper betta
expect_rc 1
expect_err "unknown paper 'betta' (did you mean 'beta'?)"

test_case theme_filter_by_id_and_name
nb 数据要素 --theme core
expect_rc 0
expect_no_out "算力"
expect_out "3 related concepts"
nb 数据要素 --theme 技术
expect_out "算力"
expect_out "1 related concept,"
nb 数据要素 --theme tech
expect_rc 1
expect_err "unknown theme 'tech'"

test_case depth_two_lists_via_concepts
nb 算力 --depth 2 --direction out
expect_rc 0
expect_out "up to 2 steps away"
expect_out "depth 2"
expect_out "数据要素 —支撑→ 全要素生产率"
expect_out "数据要素 —构成→ 数字经济"
nb 经济增长 -d 2 --direction in --kind causes,promotes
expect_out "新动能、全要素生产率 ←催生— 创新"

test_case cycles_end_the_walk
nb 数据要素 --depth 100 --direction out --format json
expect_rc 0
expect_json neighbors
if "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(not (max(n["depth"] for n in d["neighbors"]) == 2 and all(n["id"] != "data-factor" for n in d["neighbors"])))' "$WORK/out"; then pass; else fail "the cycle back to data-factor was followed"; fi

test_case bad_depth_is_a_usage_error
for d in 0 -1 two 1.5 ""; do
    nb tfp --depth "$d"
    expect_rc 2
done
expect_err "--depth wants a whole number"

test_case concept_without_relations
nb orphan
expect_rc 0
expect_out "no related concepts"
nb tfp --paper beta --kind causes
expect_out "no related concepts with these filters"

test_case json_matches_contract_and_yaml
for c in data-factor tfp digital-economy orphan; do
    nb "$c" --format json
    expect_rc 0
    expect_json neighbors "$ONTO" "$c"
done
nb 数据要素 --format json --evidence
expect_json neighbors-evidence "$ONTO" data-factor
expect_out '"line": 5,'
expect_out '"end_line": 6'
"$PY" -m json.tool "$WORK/out" >/dev/null && pass || fail "json.tool rejects the output"

test_case csv_has_one_row_per_link_or_quote
nb 数据要素 --format csv
expect_rc 0
expect_out "depth,direction,kind,phrase,via,id,zh,en,theme,papers"
rows=$("$PY" -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], encoding="utf-8"))); print(len(r) - 1, len(set(len(x) for x in r)))' "$WORK/out")
if [ "$rows" = "6 1" ]; then pass; else fail "expected 6 rows of equal width, got $rows"; fi
nb 数据要素 --format csv --evidence
expect_out '1,out,supports,支撑,data-factor,tfp,全要素生产率,total factor productivity,core,alpha;beta,beta,part-one,5,数据要素同样支撑全要素生产率'
nb 数据要素 --format yaml
expect_rc 2
expect_err "unknown format 'yaml'"

test_case evidence_without_corpus_has_no_lines
unset CKG_CORPUS
here=$(pwd)
cd "$WORK"
run --ontology "$ONTO" neighbors tfp --evidence
cd "$here"
expect_rc 0
expect_out "        alpha  全要素生产率的提高催生经济增长"
expect_err "note: 6 quotes shown without their line: no corpus folder"

test_case evidence_with_a_source_missing_from_the_corpus
mkdir -p "$WORK/half" && cp "$ONTO/corpus/alpha.txt" "$WORK/half/"
run --ontology "$ONTO" --corpus "$WORK/half" neighbors tfp --evidence
expect_rc 0
expect_out "alpha:6  全要素生产率的提高催生经济增长"
expect_out "        beta  数据要素同样支撑全要素生产率"
expect_err "note: 3 quotes shown without their line"
run --ontology "$ONTO" --corpus "$WORK/nowhere" neighbors tfp --evidence
expect_rc 0
expect_err "cannot read the corpus folder"

test_case usage_errors
nb
expect_rc 2
expect_err "which concept?"
nb tfp growth
expect_rc 2
expect_err "unexpected argument 'growth'"
nb tfp --bogus
expect_rc 2

test_case help_has_examples
nb --help
expect_rc 0
expect_out "usage: ckg neighbors CONCEPT"
expect_out "examples:"
run help neighbors
expect_rc 0
expect_out "ckg neighbors 数据要素 --evidence"

test_case color_only_on_a_terminal_and_never_with_no_color
nb tfp
expect_no_color_in_pipe
expect_color yes $Q neighbors tfp
NO_COLOR=1 expect_color no $Q neighbors tfp

test_case shipped_ontology_answers_the_everyday_question
if [ -d "${CKG_SHIPPED:-ontology}" ]; then
    run --ontology "${CKG_SHIPPED:-ontology}" neighbors 数据要素 --evidence
    expect_rc 0
    expect_out "数据要素  data as a factor of production  (data-factor, factors)"
    run --ontology "${CKG_SHIPPED:-ontology}" neighbors 数据要素 --format json --evidence
    expect_json neighbors-evidence "${CKG_SHIPPED:-ontology}" data-factor
fi

finish
