#!/bin/sh
# test_quiz.sh — `ckg quiz`: seeded and reproducible, a different seed a different quiz;
# every format read back (GIFT by a small GIFT reader, the Anki CSV by Python's csv); the
# invariant (every wrong choice unstated, no pair twice) checked against `ckg export`;
# GIFT's special characters and HTML escaped on an ontology full of them; options and errors.
# The loops over seeds run on a sample of their cases unless CKG_TEST_SWEEP=full (lib.sh,
# sweep), as `make check` runs them.
set -eu
. "$(dirname "$0")/lib.sh"
ONTO="$FIXTURES/teach"
T="--ontology $ONTO --corpus $ONTO/corpus"
PY=${PYTHON:-/usr/bin/python3}
CHECK="$(dirname "$0")/teach_check.py"

# check NAME ARGS... — runs teach_check.py; passes when it does.
check() {
    if "$PY" "$CHECK" "$@" >"$WORK/check" 2>&1; then pass; else fail "teach_check $1: $(cat "$WORK/check")"; fi
}

test_case same_seed_same_quiz_other_seed_other
run $T quiz --seed 7 --count 6 --format json
expect_rc 0
cp "$WORK/out" "$WORK/a.json"
run $T quiz --seed 7 --count 6 --format json
if cmp -s "$WORK/out" "$WORK/a.json"; then pass; else fail "seed 7 twice gave two quizzes"; fi
run $T quiz --seed 8 --count 6 --format json
if cmp -s "$WORK/out" "$WORK/a.json"; then fail "seeds 7 and 8 gave the same quiz"; else pass; fi
run $T quiz --count 6 --format json
expect_out '"seed": 1'

test_case markdown_questions_then_the_key
run $T quiz --seed 3 --count 4
expect_rc 0
expect_out "# 测验 · Quiz — all"
expect_out "4 items (blanks: mix, seed 3)"
expect_out "**1.** "
expect_out "- A. "
expect_out "## 答案 · Answer key"
n=$(grep -c '^   > \(alpha\|beta\):[0-9]* 「' "$WORK/out" || true)
if [ "$n" -ge 4 ]; then pass; else fail "the answer key cites $n quotes with paper:line"; fi

test_case invariant_against_the_export_for_many_seeds
run $T export --format json
cp "$WORK/out" "$WORK/export.json"
cases=""
for seed in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    cases="$cases $seed:concept $seed:phrase $seed:mix"
done
# shellcheck disable=SC2086
for c in $(sweep 4 $cases); do
    run $T quiz --seed "${c%%:*}" --count 50 --blank "${c#*:}" --format json
    expect_rc 0
    cp "$WORK/out" "$WORK/q.json"
    check invariant "$WORK/q.json" "$WORK/export.json" "$ONTO/relations.yaml"
done
run $T quiz --blank phrase --count 50 --format json
if grep -q '"blank": "\(from\|to\)"' "$WORK/out"; then fail "a concept blank in a phrase quiz"; else pass; fi
run $T quiz --blank concept --count 50 --format json
if grep -q '"blank": "kind"' "$WORK/out"; then fail "a phrase blank in a concept quiz"; else pass; fi
expect_err "note: 14 questions of 50 asked: 15 propositions in scope"

test_case gift_and_anki_read_back
for seed in 1 2 3; do
    run $T quiz --seed $seed --count 8 --format json
    cp "$WORK/out" "$WORK/q.json"
    run $T quiz --seed $seed --count 8 --format gift
    expect_rc 0
    cp "$WORK/out" "$WORK/q.gift"
    check gift "$WORK/q.gift" "$WORK/q.json"
    run $T quiz --seed $seed --count 8 --format csv
    expect_rc 0
    cp "$WORK/out" "$WORK/q.csv"
    check anki "$WORK/q.csv" "$WORK/q.json"
done
run $T quiz --seed 1 --count 2 --format gift
expect_out "// ckg quiz: 2 items from all, blanks mix, seed 1"
expect_out "::Q1::[html]"
expect_out "alpha\:"

test_case gift_escapes_every_special_character
rm -rf "$WORK/hostile"
cp -r "$ONTO" "$WORK/hostile"
sed -i "s/^    zh: 人才$/    zh: '人才~={#}:\\\\<b>\&amp;\"x'/; s/^    zh: 资本$/    zh: '资本 \/\/ {=~}'/; s/^    zh: 全要素生产率$/    zh: '全要素:生产率#1'/" "$WORK/hostile/concepts/factors.yaml"
sed -i "s/^    zh: 支撑$/    zh: '支撑{=}'/" "$WORK/hostile/relations.yaml"
H="--ontology $WORK/hostile --corpus $ONTO/corpus"
run $H check
expect_rc 0
n_special=0
for seed in $(sweep 3 1 2 3 4 5 6 7 8); do
    run $H quiz --seed $seed --count 20 --format json
    expect_rc 0
    cp "$WORK/out" "$WORK/h.json"
    run $H quiz --seed $seed --count 20 --format gift
    cp "$WORK/out" "$WORK/h.gift"
    check gift "$WORK/h.gift" "$WORK/h.json"
    if grep -q '人才\\~\\=\\{\\#\\}\\:\\\\&lt;b&gt;&amp;amp;&quot;x' "$WORK/h.gift"; then n_special=$((n_special + 1)); fi
    run $H quiz --seed $seed --count 20
    if grep -q '<b>' "$WORK/out"; then fail "markdown passes <b> through"; else pass; fi
    run $H quiz --seed $seed --count 20 --format csv
    cp "$WORK/out" "$WORK/h.csv"
    check anki "$WORK/h.csv" "$WORK/h.json"
done
if [ "$n_special" -gt 0 ]; then pass; else fail "no quiz showed the hostile name escaped"; fi

test_case options_and_errors
run $T quiz --count 0
expect_rc 2
expect_err "--count wants a whole number"
run $T quiz --seed -1
expect_rc 2
expect_err "--seed wants a whole number from 0 to 2^63-1"
run $T quiz --seed 9223372036854775808
expect_rc 2
run $T quiz --seed 9223372036854775807 --count 2 --format json
expect_rc 0
expect_out '"seed": 9223372036854775807'
run $T quiz --blank word
expect_rc 2
run $T quiz --choices 2
expect_rc 2
run $T quiz --choices 3 --count 3 --format json
expect_rc 0
if "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert all(len(i["choices"])==3 for i in d["items"])' "$WORK/out"; then pass; else fail "--choices 3"; fi
run $T quiz --paper beta --section part-two --format json --count 5
expect_rc 0
expect_out '"scope": "beta/part-two"'
run $T quiz --format pdf
expect_rc 2
run $T quiz --count 3 -o "$WORK/q.gift" --format gift
expect_rc 0
expect_out_empty
if grep -q "^::Q3::" "$WORK/q.gift"; then pass; else fail "-o did not write the quiz"; fi

test_case the_shipped_ontology
run export --format json
cp "$WORK/out" "$WORK/shipped.json"
for seed in $(sweep 1 1 2 3); do
    run quiz --count 60 --seed $seed --format json
    expect_rc 0
    cp "$WORK/out" "$WORK/s.json"
    check invariant "$WORK/s.json" "$WORK/shipped.json" ontology/relations.yaml
    run quiz --count 60 --seed $seed --format gift
    cp "$WORK/out" "$WORK/s.gift"
    check gift "$WORK/s.gift" "$WORK/s.json"
done

test_case the_invariant_check_fails_on_a_stated_wrong_choice
# the checker above must be able to fail: a wrong concept replaced by one the ontology relates
# to the shown concept, a wrong phrase by the phrase of a kind of the stated kind's family
run $T quiz --seed 2 --count 20 --format json
cp "$WORK/out" "$WORK/good.json"
check invariant "$WORK/good.json" "$WORK/export.json" "$ONTO/relations.yaml"
for blank in concept kind; do
    if "$PY" - "$WORK/good.json" "$WORK/export.json" "$ONTO/relations.yaml" "$blank" >"$WORK/bad.json" <<'PY'
import json, sys, yaml
quiz, exp = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
kinds = yaml.safe_load(open(sys.argv[3]))["relations"]
zh = {c["id"]: c["zh"] for c in exp["concepts"]}
for it in quiz["items"]:
    rel = it["relation"]
    wrong = [i for i, c in enumerate(it["choices"]) if c != it["answer"]]
    if sys.argv[4] == "kind" and it["blank"] == "kind":
        family = {k["id"]: k["family"] for k in kinds}[rel["kind"]]
        other = [k["zh"] for k in kinds if k["family"] == family and k["id"] != rel["kind"]]
        if other and other[0] not in it["choices"]:
            it["choices"][wrong[0]] = other[0]
            break
    if sys.argv[4] == "concept" and it["blank"] in ("from", "to"):
        shown = rel["to"] if it["blank"] == "from" else rel["from"]
        answer = rel["from"] if it["blank"] == "from" else rel["to"]
        near = [r["to"] if r["from"] == shown else r["from"] for r in exp["relations"]
                if shown in (r["from"], r["to"])]
        near = [c for c in near if c != answer and zh[c] not in it["choices"]]
        if near:
            it["choices"][wrong[0]] = zh[near[0]]
            break
else:
    sys.exit(1)
json.dump(quiz, sys.stdout, ensure_ascii=False)
PY
    then
        if "$PY" "$CHECK" invariant "$WORK/bad.json" "$WORK/export.json" "$ONTO/relations.yaml" >"$WORK/check" 2>&1; then
            fail "teach_check passed a quiz with a stated wrong choice ($blank)"
        else
            pass
        fi
    else
        fail "no item of seed 2 to tamper with ($blank)"
    fi
done

test_case no_question_possible
rm -rf "$WORK/tiny"
mkdir -p "$WORK/tiny/concepts" "$WORK/tiny/papers"
cp "$ONTO/relations.yaml" "$ONTO/themes.yaml" "$WORK/tiny/"
cat >"$WORK/tiny/concepts/core.yaml" <<'YAML'
concepts:
  - {id: a, zh: 甲, en: a, theme: core, definition: {zh: 甲。, en: A.}}
  - {id: b, zh: 乙, en: b, theme: core, definition: {zh: 乙。, en: B.}}
YAML
cat >"$WORK/tiny/papers/p.yaml" <<'YAML'
paper: {id: p, source: p.txt, title: 小, authors: [某], venue: 刊, year: 2024}
mentions:
  - {concept: a, evidence: [{quote: 甲推动乙}]}
  - {concept: b, evidence: [{quote: 甲推动乙}]}
relations:
  - {from: a, kind: promotes, to: b, evidence: [{quote: 甲推动乙}]}
YAML
run --ontology "$WORK/tiny" --corpus "$WORK/tiny" quiz --blank concept
expect_rc 1
expect_out_empty
expect_err "no question can be made"

finish
