#!/bin/sh
# test_score.sh — `ckg score`: a CmapTools map (a linking phrase fanning out to two concepts,
# inverse phrases, English names, a typo, an unknown phrase, unknown elements) and the same
# map as CSV give the same verdicts; every verdict with its evidence; the scope and what
# other papers state; the feedback sheet; JSON checked for its shape and consistency;
# hostile and malformed maps (XXE proven not to open the file, billion laughs, external DTD,
# depth, malformed XML and CSV) fail at file:line with exit 1.
set -eu
. "$(dirname "$0")/lib.sh"
ONTO="$FIXTURES/teach"
MAPS="$ONTO/maps"
T="--ontology $ONTO --corpus $ONTO/corpus"
PY=${PYTHON:-/usr/bin/python3}
CHECK="$(dirname "$0")/teach_check.py"

test_case cxl_verdicts_with_evidence
run $T score "$MAPS/student1.cxl"
expect_rc 0
expect_out "student1.cxl: 12 propositions against all (15 propositions)"
expect_out "    41  stated           Scientific and Technological Innovation —催生→ 新质生产力"
expect_out "                         alpha:5  科技创新催生新质生产力"
expect_out "    42  unstated         Scientific and Technological Innovation —催生→ 经济增长"
expect_out "    44  stated           Scientific and Technological Innovation —依托→ 人才  (inverse phrase: read the other way round)"
expect_out "    46  reversed         高质量发展 —推动→ 新质生产力"
expect_out "the text: 新质生产力 —推动→ 高质量发展"
expect_out "    48  other-kind       AI —制约→ 全要素生产率"
expect_out "the text: 人工智能 —推动→ 全要素生产率"
expect_out "    52  stated           算力 —is a prerequisite of→ AI"
expect_out "    54  unknown-concept  数剧要素 —支撑→ 新质生产力"
expect_out "'数剧要素' is no concept (did you mean '数据要素'?)"
expect_out "    56  stated           体制障碍 —相互关联→ 新质生产力  (phrase not recognised: compared with every kind)"
expect_out "    60  stated           数据 —支撑着→ 全要素生产率"
expect_out "    61  stated           数据 —支撑着→ 新质生产力"
expect_out "8 stated, 1 reversed, 1 other-kind, 1 unstated, 1 unknown-concept"
expect_out "precision 0.73 (8 of 11), recall 0.60 (9 of 15)"
expect_out "structure (Novak-Gowin): 8 valid, 2 levels, 1 cross-link: score 28"
expect_out "concepts without a proposition: 资本"
expect_out "key propositions missed (5 of 6 missed, most central first)"
expect_no_err "warning"

test_case csv_gives_the_same_verdicts_as_cxl
run $T score "$MAPS/student1.cxl" --format json
cp "$WORK/out" "$WORK/cxl.json"
run $T score "$MAPS/student1.csv" --format json
expect_rc 0
cp "$WORK/out" "$WORK/csv.json"
if "$PY" -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
norm = lambda k, v: " ".join(v.split()) if k.endswith("_label") else v
strip = lambda d: [{k: norm(k, v) for k, v in p.items() if k != "line"} for p in d["propositions"]]
assert strip(a) == strip(b), "propositions differ"
assert {k: v for k, v in a["summary"].items() if k != "structure"} == {k: v for k, v in b["summary"].items() if k != "structure"}
assert a["summary"]["structure"] == b["summary"]["structure"]
' "$WORK/cxl.json" "$WORK/csv.json"; then pass; else fail "CXL and CSV verdicts differ"; fi

test_case json_shape_and_consistency
for m in student1.cxl student1.csv english.csv; do
    run $T score "$MAPS/$m" --format json
    expect_rc 0
    cp "$WORK/out" "$WORK/s.json"
    if "$PY" "$CHECK" score "$WORK/s.json" >"$WORK/check" 2>&1; then pass; else fail "$(cat "$WORK/check")"; fi
done
run $T score "$MAPS/student1.cxl" --format json --key 2
expect_out '"verdict": "reversed"'
expect_out '"from_label": "Scientific and Technological\nInnovation"'
expect_out '"from": "sti"'
expect_out '"phrase_recognised": false'
expect_out '"precision": 0.72727272727272729'
expect_out '"recall": 0.59999999999999998'
expect_out '"suggestions": {'
expect_out '"数据要素"'
if [ "$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["summary"]["key_missed"]))' "$WORK/out")" = 2 ]; then pass; else fail "--key 2"; fi

test_case a_kind_of_the_same_family_is_stated
cat >"$WORK/family.csv" <<'CSV'
人才,赋能,科技创新
科技创新,依赖于,人才
人才,推动,科技创新
CSV
run $T score "$WORK/family.csv" --format json
expect_rc 0
if "$PY" - "$WORK/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
v = [(p["verdict"], p["kind"], p["inverse"], [e["kind"] for e in p["evidence"]]) for p in d["propositions"]]
# enables where the text states supports (both conditions); requires read backward; promotes
# (drives) is another family
assert v == [("stated", "enables", False, ["supports"]), ("stated", "requires", True, ["supports"]),
             ("other-kind", "promotes", False, ["supports"])], v
PY
then pass; else fail "same-family verdicts"; fi
run $T score "$WORK/family.csv"
expect_out "the text: 人才 —支撑→ 科技创新"

test_case english_names_and_phrases
run $T score "$MAPS/english.csv"
expect_rc 0
expect_out "     2  stated           computing power —is a prerequisite of→ artificial intelligence"
expect_out "     4  stated           new quality productive forces —is driven by→ Scientific and Technological Innovation  (inverse phrase"
expect_out "     5  stated           Total Factor Productivity —is the core of→ new quality productive forces"
expect_out "'data as a factor of producton' is no concept (did you mean 'data as a factor of production'?)"

test_case scope_paper_and_elsewhere
run $T score "$MAPS/student1.cxl" --paper alpha
expect_rc 0
expect_out "student1.cxl: 12 propositions against alpha (10 propositions)"
expect_out "not in the text; stated in beta"
run $T score "$MAPS/student1.cxl" --paper alpha --all
expect_rc 2
run $T score "$MAPS/student1.cxl" --paper zeta
expect_rc 1
expect_err "unknown paper 'zeta'"

test_case feedback_sheet
run $T score "$MAPS/student1.cxl" --format md -o "$WORK/feedback.md"
expect_rc 0
expect_out_empty
for s in "# 概念图反馈 · Concept map feedback" "| stated | 文中有据 | 8 |" \
         "Structure (Novak–Gowin): 8 valid propositions, 2 levels of hierarchy, 1 cross-link: 8 + 5 × 2 + 10 × 1 = **28** (root: 新质生产力)." \
         "4. **高质量发展** —推动→ **新质生产力** — 方向相反 reversed (line 46)" \
         "   the text states it the other way round:" \
         "   「数剧要素」 is no concept of the papers; did you mean 数据要素?" \
         "## 遗漏的关键命题 · Key propositions missed (5 of 6 missed)"; do
    if grep -qF -- "$s" "$WORK/feedback.md"; then pass; else fail "feedback sheet lacks: $s"; fi
done
run $T score "$MAPS/student1.cxl" -o "$WORK/x.txt"
expect_rc 2

test_case xxe_never_reads_the_file
echo "SECRET-$$-MARKER" >"$WORK/secret.txt"
cat >"$WORK/xxe.cxl" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE cmap [<!ENTITY leak SYSTEM "file://$WORK/secret.txt">]>
<cmap xmlns="http://cmap.ihmc.us/xml/cmap/"><map>
<concept-list><concept id="1" label="&leak;"/><concept id="2" label="新质生产力"/></concept-list>
<linking-phrase-list><linking-phrase id="3" label="推动"/></linking-phrase-list>
<connection-list><connection id="4" from-id="1" to-id="3"/><connection id="5" from-id="3" to-id="2"/></connection-list>
</map></cmap>
XML
run $T score "$WORK/xxe.cxl" --format json
expect_rc 1
expect_out_empty
expect_err "xxe.cxl:2: error: a <!DOCTYPE> in a map is refused"
expect_no_err "SECRET-$$"
if command -v strace >/dev/null 2>&1; then
    strace -f -e trace=open,openat -o "$WORK/trace" "$CKG" $T score "$WORK/xxe.cxl" >/dev/null 2>&1 || true
    if grep -q "secret.txt" "$WORK/trace"; then fail "ckg score opened the file an entity names"; else pass; fi
    if grep -q "xxe.cxl" "$WORK/trace"; then pass; else fail "strace saw nothing (the check cannot fail)"; fi
fi

test_case billion_laughs_neither_expands_nor_hangs
start=$(date +%s)
run $T score "$MAPS/billion-laughs.cxl"
expect_rc 1
expect_err "billion-laughs.cxl:2: error: a <!DOCTYPE> in a map is refused"
if [ $(( $(date +%s) - start )) -lt 10 ]; then pass; else fail "took too long"; fi
# within 400 MB of address space (not under AddressSanitizer, which reserves terabytes)
if [ -z "${ASAN_OPTIONS:-}" ]; then
    (ulimit -v 400000; "$CKG" $T score "$MAPS/billion-laughs.cxl" >/dev/null 2>&1 && echo 0 || echo $?) >"$WORK/rc"
    if [ "$(cat "$WORK/rc")" = 1 ]; then pass; else fail "under a 400 MB limit: exit $(cat "$WORK/rc")"; fi
fi

test_case malformed_and_hostile_maps_fail_at_their_place
run $T score "$MAPS/external-dtd.cxl"
expect_rc 1
expect_err "external-dtd.cxl:2: error: a <!DOCTYPE> in a map is refused"
run $T score "$MAPS/malformed.cxl"
expect_rc 1
expect_err "malformed.cxl:7:20: error: malformed XML: Opening and ending tag mismatch: concept line 6 and concept-list"
expect_err "ckg score: $MAPS/malformed.cxl: the map cannot be read (errors above)"
expect_out_empty
run $T score "$MAPS/not-a-cmap.cxl"
expect_rc 1
expect_err "not-a-cmap.cxl:2: error: not a CmapTools map: the root element is <graphml>, not <cmap>"
run $T score "$MAPS/malformed.csv"
expect_rc 1
expect_err "malformed.csv:3:8: error: text after a closing quote"
expect_err "malformed.csv:4:1: error: a row has 2 fields; a map's rows are from,phrase,to"
"$PY" -c 'import sys; sys.stdout.write("<cmap>" + "<x>" * 50000 + "</x>" * 50000 + "</cmap>")' >"$WORK/deep.cxl"
run $T score "$WORK/deep.cxl"
expect_rc 1
expect_err "deep.cxl:1:"
expect_err "malformed XML: Excessive depth in document: 256"
printf 'a,推动,b\n\377\376,x,y\n' >"$WORK/latin.csv"
run $T score "$WORK/latin.csv"
expect_rc 1
expect_err "latin.csv:2:1: error: invalid UTF-8 (byte 0xff); save the map as UTF-8"
: >"$WORK/empty.csv"
run $T score "$WORK/empty.csv"
expect_rc 0
expect_out "empty.csv: 0 propositions against all (15 propositions)"
expect_out "precision -, recall 0.00 (0 of 15)"
expect_no_crash

test_case files_that_are_not_maps
run $T score "$WORK/no-such.cxl"
expect_rc 3
expect_err "no-such.cxl: error: cannot read the map: No such file or directory"
run $T score "$WORK"
expect_rc 3
expect_err "not a regular file (a folder)"
mkfifo "$WORK/fifo.csv"
run $T score "$WORK/fifo.csv"
expect_rc 3
expect_err "not a regular file"
run $T score
expect_rc 2
expect_err "which map?"
run $T score a.cxl b.cxl
expect_rc 2

test_case the_shipped_ontology
cat >"$WORK/peng.csv" <<'CSV'
from,phrase,to
科技成果转化,催生,新质生产力
新质生产力,属于,先进生产力
关键核心技术,是前提,新质生产力
CSV
run score "$WORK/peng.csv" --paper peng2024
expect_rc 0
expect_out "3 propositions against peng2024"
expect_out "3 stated, 0 reversed, 0 other-kind, 0 unstated, 0 unknown-concept"
# the vocabulary's phrases: an inverse synonym (依赖), the frame 是…的X, a synonym of
# another kind of the family (是基础 of supports where the text states enables), kinds of
# other families (other-kind), and what the text states shown beside its quotes
run score "$FIXTURES/teach/maps/peng2024-student.csv" --paper peng2024
expect_rc 0
expect_out "     2  stated           新质生产力 —依赖→ 关键核心技术  (inverse phrase: read the other way round)"
expect_out "     3  stated           数字技术 —是…的基础→ 新质生产力"
expect_out "                         the text: 数字技术 —赋能→ 新质生产力"
expect_out "     4  stated           数字技术 —是一种→ 通用目的技术"
expect_out "     5  other-kind       数字技术 —为…提供条件→ 数字经济"
expect_out "     6  other-kind       人才 —推动→ 新质生产力"
expect_out "     7  reversed         数字经济 —是核心→ 数据要素"
expect_out "                         not in the text; stated in hong2024"
expect_out "'关键核心枝术' is no concept (did you mean '关键核心技术'?)"
expect_out "3 stated, 1 reversed, 2 other-kind, 1 unstated, 1 unknown-concept"

finish
