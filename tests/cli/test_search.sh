#!/bin/sh
# test_search.sh — `ckg search` on the query fixture: ranking (exact > prefix > contains >
# definition > quote), folding, quotes grouped with their uses and lines, limits, JSON and
# CSV, nothing found (exit 1); help; color.
set -eu
. "$(dirname "$0")/lib.sh"
ONTO="$FIXTURES/query"
Q="--ontology $ONTO --corpus $ONTO/corpus"
search() { run $Q search "$@"; }

test_case concepts_and_quotes_ranked
search 数据
expect_rc 0
expect_same_as search-data.txt
expect_out "  数据要素      data as a factor of production  data-factor      exact (alt), 3 quotes"
expect_out "  全要素生产率  total factor productivity       tfp              quote, 1 quote"
expect_out "  alpha:3  数据要素支撑全要素生产率的提高"
expect_out "      for 数据要素; 全要素生产率; 数据要素 —支撑→ 全要素生产率"

test_case folding_finds_width_case_and_spaced_text
search ＴＦＰ
expect_rc 0
expect_out "tfp  exact (id)"
search "Total Factor"
expect_out "starts (en)"
search "数字 经济"
expect_out "  数字经济"

test_case limit_and_all
search 全要素生产率 --limit 1
expect_rc 0
expect_out "… 3 more (--all)"
expect_out "… 6 more (--all)"
search 全要素生产率 --all
expect_no_out "more (--all)"
search 全要素生产率 --limit 0
expect_rc 2

test_case json_and_csv
search 数据 --format json
expect_rc 0
expect_json search
expect_out '"match": "exact"'
expect_out '"type": "relation"'
search 数据 --format csv
expect_rc 0
expect_out "type,rank,id,zh,en,theme,match,field,paper,line,text"
expect_out 'concept,1,data-factor,数据要素,data as a factor of production,factors,exact,alt,,,数据'
expect_out 'quote,1,,,,,,,alpha,4,算力支撑数据要素的开发利用'

test_case nothing_found_and_nothing_to_find
search 没有这个词
expect_rc 1
expect_out "concepts (0)"
search "  "
expect_rc 2
expect_err "nothing to search for"
search "$(printf 'a\377b')"
expect_rc 2
expect_err "not valid UTF-8"
search
expect_rc 2

test_case help_and_color
search --help
expect_rc 0
expect_out "examples:"
search 数据
expect_no_color_in_pipe
expect_color yes $Q search 数据
NO_COLOR=1 expect_color no $Q search 数据

finish
