#!/bin/sh
# test_catalog.sh — `ckg papers` and `ckg themes` (text, JSON, CSV), and papers and themes
# named the same way in every command: a paper by its id or the start of it, a theme by id,
# zh or en, an unknown or ambiguous name answered with the list of valid ones.
set -eu
. "$(dirname "$0")/lib.sh"
B="$FIXTURES/metrics/bridge"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=${PYTHON:-/usr/bin/python3}

test_case papers_text
run --ontology "$B" papers
expect_rc 0
expect_same_as papers-bridge.txt

test_case papers_json_and_csv
run --ontology "$B" papers --format json
expect_rc 0
"$PY" - "$WORK/out" <<'PY' && pass || fail "papers json"
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["papers"], list(d)
p = {x["id"]: x for x in d["papers"]}
assert list(p) == ["bridge", "bridge2", "quiet"]
keys = ["id", "title", "authors", "year", "venue", "doi", "source", "sections", "concepts",
        "mentions", "relations", "quotes"]
assert all(list(x) == keys for x in d["papers"]), [list(x) for x in d["papers"]]
b = p["bridge"]
assert (b["concepts"], b["mentions"], b["relations"], b["quotes"]) == (6, 6, 7, 13), b
assert b["title"] == "两个三角形" and b["authors"] == ["测试作者"] and b["year"] == 2024
assert b["doi"] is None
assert [s["id"] for s in p["quiet"]["sections"]] == ["loud", "silent"]
assert p["quiet"]["relations"] == 0 and p["quiet"]["concepts"] == 2
PY
run --ontology "$B" papers --format csv
expect_rc 0
expect_out "id,title,authors,year,venue,doi,source,sections,concepts,mentions,relations,quotes"
expect_out "quiet,只提及不论述,测试作者,2024,"
expect_out ",loud;silent,2,2,0,2"

test_case papers_count_what_compare_counts
run papers --format csv
expect_rc 0
"$PY" - "$WORK/out" "$CKG" <<'PY' && pass || fail "papers concepts = compare's"
import csv, json, subprocess, sys
rows = {r["id"]: r for r in csv.DictReader(open(sys.argv[1]))}
cmp = json.loads(subprocess.run([sys.argv[2], "compare", "--format", "json"], check=True,
                                capture_output=True, text=True).stdout)
for s in cmp["scopes"]:
    assert int(rows[s["scope"]]["concepts"]) == s["nodes"], (s["scope"], rows[s["scope"]])
PY

test_case themes_every_format
run --ontology "$B" themes
expect_rc 0
expect_same_as themes-bridge.txt
run --ontology "$B" themes --format json
expect_rc 0
"$PY" - "$WORK/out" <<'PY' && pass || fail "themes json"
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["themes"]
t = {x["id"]: x for x in d["themes"]}
assert list(t) == ["core", "factors"]
assert list(d["themes"][0]) == ["id", "zh", "en", "description", "color", "concepts", "papers",
                                "mentions", "relations"], list(d["themes"][0])
assert t["core"]["color"] == "#E69F00" and t["factors"]["color"] == "#56B4E9"
assert (t["core"]["concepts"], t["core"]["papers"], t["core"]["mentions"],
        t["core"]["relations"]) == (4, 3, 8, 9), t["core"]
PY
run --ontology "$B" themes --format csv
expect_rc 0
expect_out "id,zh,en,color,concepts,papers,mentions,relations"
expect_out "factors,要素,factors,#56B4E9,2,3,4,5"
run --ontology "$B" themes extra
expect_rc 2
expect_err_is "ckg themes: unexpected argument 'extra' (ckg themes lists them all)"

test_case a_paper_by_the_start_of_its_id_everywhere
run metrics --paper peng --top 1
expect_rc 0
expect_out "scope peng2024:"
run export --paper HONG
expect_rc 0
expect_out '"scope": "hong2024"'
run metrics --paper forum --section yi --top 1
expect_rc 0
expect_out "scope forum2024/yi-tong:"
run diff peng hong --top 1
expect_rc 0
expect_out "peng2024 vs hong2024"
run neighbors 数据要素 --paper zhai --format csv
expect_rc 0
expect_out ",zhai2024"
run render --paper hong --theme 体制机制 --format dot
expect_rc 0
expect_out "digraph"

test_case unknown_or_ambiguous_papers_list_the_valid_ones
for cmd in "metrics --paper wang" "export --paper wang" "render --paper wang" \
    "neighbors 数据要素 --paper wang" "path 数据要素 算力 --paper wang" "coverage wang" \
    "diff wang peng2024" "compare wang"; do
    # shellcheck disable=SC2086
    run $cmd
    expect_rc 1
    expect_err_is "ckg ${cmd%% *}: unknown paper 'wang'; the papers: conditions2024, forum2024, hong2024, peng2024, zhai2024 (see 'ckg papers')"
done
run metrics --paper peng2023
expect_rc 1
expect_err_is "ckg metrics: unknown paper 'peng2023' (did you mean 'peng2024'?); the papers: conditions2024, forum2024, hong2024, peng2024, zhai2024 (see 'ckg papers')"
run --ontology "$B" metrics --paper bri
expect_rc 1
expect_err_is "ckg metrics: paper 'bri' could be bridge or bridge2 (give more of its id)"
run metrics --paper forum --section y
expect_rc 1
expect_err_is "ckg metrics: paper 'forum2024' has no section 'y' (it starts several); its sections: forum2024/liu-dongmei, forum2024/yang-ruilong, forum2024/zhu-xufeng, forum2024/yi-tong"

test_case themes_by_id_zh_or_en_everywhere
run render --theme 体制机制 --format dot
expect_rc 0
expect_out "digraph"
run metrics --theme 'Institutions and Mechanisms' --top 1 --format csv
expect_rc 0
expect_out ",institutions,"
run neighbors 数据要素 --theme 生产要素创新性配置 --format csv
expect_rc 0
for cmd in "render --format dot" "metrics" "neighbors 数据要素"; do
    # shellcheck disable=SC2086
    run $cmd --theme 体质机制
    expect_rc 1
    expect_err_is "ckg ${cmd%% *}: unknown theme '体质机制' (did you mean '体制机制'?); the themes: core 核心范畴, technology 技术革命性突破, factors 生产要素创新性配置, industry 产业深度转型升级, institutions 体制机制 (see 'ckg themes')"
done

finish
