#!/bin/sh
# test_coverage.sh — `ckg coverage`: per-section shares on the fixture texts, formats, errors.
set -eu
. "$(dirname "$0")/lib.sh"
CORPUS="$FIXTURES/corpus"
cov() { run --ontology "$FIXTURES/good" --corpus "$CORPUS" coverage "$@"; }

test_case sections_follow_the_texts_own_headings
cov alpha
expect_rc 0
expect_out "alpha (alpha.txt): 99 characters, 10 quotes, 62.6% covered"
expect_out "     5    一、创新"
expect_out "     9    二、要素"
expect_out "every section has evidence"

test_case text_without_headings_is_one_section
cov beta
expect_rc 0
expect_out "beta (beta.txt): 39 characters, 6 quotes, 82.1% covered"

test_case json_has_sections_and_uncovered
cov alpha --format json
expect_rc 0
expect_out '"uncovered": []'
expect_out '"title": "创新"'
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["papers"][0]["chars"]==99' "$WORK/out" && pass || fail "json does not parse or lacks chars"

test_case csv_has_one_row_per_section
cov --format csv
expect_rc 0
expect_out 'paper,line,level,label,title,section,body,chars,covered,quotes,share'
expect_out 'alpha,5,2,一、,创新,,true,35,29,4,0.8286'

test_case uncovered_section_is_flagged_and_check_fails
o=$(fixture_with "")
mkdir -p "$WORK/corpus2" && cp "$CORPUS"/* "$WORK/corpus2/"
printf '\n## 三、无人引用的一节\n\n这一节没有任何引文，用来检验覆盖率报告。\n' >> "$WORK/corpus2/alpha.txt"
run --ontology "$o" --corpus "$WORK/corpus2" coverage alpha
expect_rc 0
expect_out "三、无人引用的一节"
expect_out "<- no evidence"
expect_out "1 section without evidence"
run --ontology "$o" --corpus "$WORK/corpus2" coverage alpha --check
expect_rc 1

test_case unknown_paper_and_bad_format
cov nope
expect_rc 1
expect_err "unknown paper 'nope'"
cov alpah
expect_rc 1
expect_err "unknown paper 'alpah' (did you mean 'alpha'?)"
cov --format xml
expect_rc 2

finish
