#!/bin/sh
# test_propositions.sh — `ckg propositions`: the handout in text order with the paper's
# sections and quote lines, theme order, languages, a paper and a section as scope, CSV read
# back, JSON checked against `ckg export` (one entry per relation), errors, -o written whole.
set -eu
. "$(dirname "$0")/lib.sh"
ONTO="$FIXTURES/teach"
T="--ontology $ONTO --corpus $ONTO/corpus"
PY=${PYTHON:-/usr/bin/python3}
CHECK="$(dirname "$0")/teach_check.py"

test_case handout_in_text_order_with_sections_and_lines
run $T propositions --paper alpha
expect_rc 0
expect_out "# 命题 · Propositions — 新质生产力测试文本"
expect_out "甲作者 (2024) · alpha · 10 propositions, ordered by the text's sections."
expect_out "## 一、科技创新与新质生产力"
expect_out "1. **科技创新** —催生→ **新质生产力**"
expect_out "   算力是人工智能的前提。"
expect_out "   Computing power is a prerequisite of artificial intelligence."
expect_out "   > alpha:13 「数据要素以数字技术为载体」"
# alpha's YAML lists nqpf -> hq-development first; the text says it on line 19, after 一 and 二
first=$(grep -n "新质生产力推动高质量发展。" "$WORK/out" | cut -d: -f1)
sec3=$(grep -n "## 三、发展目标" "$WORK/out" | cut -d: -f1)
if [ "$first" -gt "$sec3" ]; then pass; else fail "proposition of line 19 is not under 三、"; fi
expect_no_err "note"

test_case every_paper_under_its_own_heading
run $T propositions
expect_rc 0
expect_out "all · 15 propositions"
expect_out "## 新质生产力测试文本 (alpha)"
expect_out "## 测试文本乙 (beta)"
expect_out "### 第一部分"

test_case languages_and_theme_order
run $T propositions --lang zh
expect_rc 0
expect_no_out "Scientific and technological"
expect_out "科技创新催生新质生产力。"
run $T propositions --lang en --order theme
expect_rc 0
expect_out "# Propositions — all papers"
expect_out "## core notions"
expect_out "1. **new quality productive forces** —drives→ **high-quality development**"
expect_no_out "科技创新催生新质生产力。"
run $T propositions --lang fr
expect_rc 2
expect_err "--lang is zh, en or both"

test_case section_scope
run $T propositions --paper beta --section part-two --format csv
expect_rc 0
expect_out "n,papers,section,from,kind,to,zh,en,evidence"
expect_out "1,beta,第二部分,nqpf,promotes,growth,新质生产力推动经济增长。,New quality productive forces drives economic growth.,beta:11 新质生产力推动经济增长"
if [ "$(wc -l <"$WORK/out")" -eq 3 ]; then pass; else fail "two propositions in part-two"; fi
run $T propositions --section part-two
expect_rc 2
expect_err "--section needs --paper"
run $T propositions --paper beta --section part-3
expect_rc 1
expect_err "paper 'beta' has no section 'part-3'"
run $T propositions --paper gamma
expect_rc 1
expect_err "unknown paper 'gamma'"

test_case csv_reads_back
run $T propositions --format csv
expect_rc 0
if "$PY" -c 'import csv,sys; rows=list(csv.reader(open(sys.argv[1],encoding="utf-8"))); assert len(rows)==16 and all(len(r)==9 for r in rows), rows; assert rows[1][3:6]==["sti","causes","nqpf"]' "$WORK/out"; then pass; else fail "CSV does not read back"; fi

test_case json_one_entry_per_relation_of_the_export
for scope in "" "--paper alpha" "--paper beta --section part-one"; do
    # shellcheck disable=SC2086
    run $T propositions $scope --format json
    expect_rc 0
    cp "$WORK/out" "$WORK/props.json"
    # shellcheck disable=SC2086
    run $T export $scope --format json
    cp "$WORK/out" "$WORK/export.json"
    if "$PY" "$CHECK" propositions "$WORK/props.json" "$WORK/export.json" >"$WORK/check" 2>&1; then pass; else fail "$(cat "$WORK/check")"; fi
done
run $T propositions --paper alpha --format json
expect_out '"line": 5'
expect_out '"section": "一、科技创新与新质生产力"'

test_case without_a_corpus_quotes_have_no_line
run --ontology "$ONTO" --corpus "$WORK/none" propositions --paper alpha --format json
expect_rc 0
expect_out '"line": null'
expect_err "ckg propositions: note: 10 quotes shown without their line"

test_case output_file_whole_or_not_at_all
run $T propositions -o "$WORK/handout.md"
expect_rc 0
expect_out_empty
if grep -q "## 测试文本乙 (beta)" "$WORK/handout.md"; then pass; else fail "handout not written"; fi
run $T propositions -o "$WORK/no-such-dir/handout.md"
expect_rc 3
run $T propositions --format xml
expect_rc 2
expect_err "unknown format 'xml'"

test_case the_shipped_ontology
run propositions --paper peng2024
expect_rc 0
expect_out "## (一)前置条件"
expect_no_err "note"

finish
