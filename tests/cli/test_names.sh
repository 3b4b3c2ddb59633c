#!/bin/sh
# test_names.sh — concepts named the way people type them: an unknown name lists the
# concepts whose names contain it (up to 10) before the edit-distance suggestions;
# traditional characters fold to simplified; hyphens, dashes and spaces do not matter;
# search looks in definitions too.
set -eu
. "$(dirname "$0")/lib.sh"
Q="--ontology $FIXTURES/query --corpus $FIXTURES/query/corpus"

test_case unknown_name_lists_the_names_that_contain_it
# shellcheck disable=SC2086
run $Q neighbors 经济
expect_rc 1
expect_err_is "ckg neighbors: unknown concept '经济'
  in the names of 3 concepts: 数字经济, 经济增长, 平台经济"
expect_out_empty
# shellcheck disable=SC2086
run $Q show 生产
expect_rc 1
expect_err_is "ckg show: unknown concept '生产'
  in the names of 3 concepts: 生产率, 生产要素, 全要素生产率"
# traditional characters find the same names
# shellcheck disable=SC2086
run $Q path 經濟 创新
expect_rc 1
expect_err_is "ckg path: unknown concept '經濟'
  in the names of 3 concepts: 数字经济, 经济增长, 平台经济"

test_case with_no_name_containing_it_the_suggestions_stay_one_line
# shellcheck disable=SC2086
run $Q neighbors 数字经纪
expect_rc 1
expect_err_is "ckg neighbors: unknown concept '数字经纪' (did you mean '数字经济'?)"

test_case more_than_ten_are_cut_with_the_search_to_list_them
run neighbors 生产
expect_rc 1
expect_err "ckg neighbors: unknown concept '生产'"
expect_err "(10 of "
expect_err "; 'ckg search 生产' lists them all)"
n=$(sed -n 2p "$WORK/err" | sed 's/^.*: //; s/, \.\.\. (.*$//' | tr ',' '\n' | wc -l)
if [ "$n" -eq 10 ]; then pass; else fail "expected 10 names on the second line, got $n"; fi

test_case traditional_characters_fold_to_simplified
# shellcheck disable=SC2086
run $Q neighbors 全要素生產率 --format json
expect_rc 0
expect_out '"id": "tfp"'
run neighbors 數據要素 --format csv
expect_rc 0
expect_out "data-factor"
run show 新質生產力 --format json
expect_rc 0
expect_out '"id": "new-quality-productive-forces"'
run neighbors 創新鏈產業鏈資金鏈深度融合 --format json
expect_rc 0

test_case english_names_match_without_hyphens_or_spaces
run neighbors 'high quality development' --format json
expect_rc 0
expect_out '"id": "high-quality-development"'
run neighbors 'High–Quality Development' --format json
expect_rc 0
expect_out '"id": "high-quality-development"'
run neighbors 'data factor' --format json
expect_rc 0
expect_out '"id": "data-factor"'

test_case search_looks_in_definitions_and_folds_alike
run search 'Solow residual'
expect_rc 0
expect_out "全要素生产率"
expect_out "definition (en)"
# shellcheck disable=SC2086
run $Q search 經濟 --format csv
expect_rc 0
expect_out "growth"
expect_out "digital-economy"
run search ' - '
expect_rc 2
expect_err_is "ckg search: nothing to search for once spaces and dashes are dropped"

finish
