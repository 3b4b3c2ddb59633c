#!/bin/sh
# test_atlas.sh — `ckg atlas` on the fixtures: the page to a file (written whole and alone)
# or stdout, what it holds, its options and their errors, a missing corpus or source text, a
# quote its text lacks, output that cannot be written, and the same bytes twice. How the
# page behaves in a browser is tests/browser/check_atlas.py; hostile text, test_hostile.sh.
set -eu
. "$(dirname "$0")/lib.sh"
GOOD="$FIXTURES/good"
CORPUS="$FIXTURES/corpus"
PY=/usr/bin/python3
# the fixture's maps are small: dot lays them out quickest
ATLAS="--ontology $GOOD --corpus $CORPUS atlas --engine dot"

# expect_page FILE — FILE is the atlas page: its controls, its data (parsed as JSON) with
# every concept of the ontology, one script besides the data and the maps.
expect_page() {
    if $PY - "$1" "$GOOD" <<'PYEOF'
import json, os, re, sys, yaml
page = open(sys.argv[1], encoding="utf-8").read()
assert page.startswith("<!DOCTYPE html>"), "not an HTML page"
for needle in ('<select id="atlas-scope">', '<input id="atlas-search"', 'id="atlas-details"',
               "Content-Security-Policy", "default-src 'none'"):
    assert needle in page, "lacks " + needle
data = json.loads(re.search(r'<script type="application/json" id="atlas-data">(.*?)</script>',
                            page, re.S).group(1))
ids = []
for name in sorted(os.listdir(os.path.join(sys.argv[2], "concepts"))):
    ids += [c["id"] for c in yaml.safe_load(open(os.path.join(sys.argv[2], "concepts", name), encoding="utf-8"))["concepts"]]
assert sorted(c["id"] for c in data["concepts"]) == sorted(ids), "concepts differ"
maps = re.findall(r'<script type="application/x-ckg-map" id="atlas-map-\d+">', page)
assert len(maps) == 2 * len(data["scopes"]), "%d maps for %d scopes" % (len(maps), len(data["scopes"]))
assert page.count("<script") == len(maps) + 2, "other scripts in the page"
PYEOF
    then pass; else fail "$1 is not the atlas page"; fi
}

test_case help_lists_the_options
run atlas --help
expect_rc 0
expect_out "usage: ckg atlas"
expect_out "--diff A B"
expect_out "--no-sources"
expect_out "examples:"
run --help
expect_out "atlas "

test_case page_is_written_whole_and_alone
mkdir -p "$WORK/site"
run $ATLAS -o "$WORK/site/atlas.html"
expect_rc 0
expect_out_empty
expect_err "ckg atlas: $WORK/site/atlas.html: 7 concepts, 4 scopes (8 maps), 16 quotes (16 in their paragraph; 6 paragraphs)"
if [ "$(ls -A "$WORK/site")" = "atlas.html" ]; then pass; else fail "left: $(ls -A "$WORK/site")"; fi
expect_page "$WORK/site/atlas.html"

test_case page_to_stdout_is_the_same_page
run $ATLAS
expect_rc 0
if cmp -s "$WORK/out" "$WORK/site/atlas.html"; then pass; else fail "stdout differs from the file"; fi
expect_err "ckg atlas: 7 concepts, 4 scopes (8 maps)"

test_case same_input_gives_the_same_bytes
run $ATLAS -o "$WORK/site/again.html"
expect_rc 0
if cmp -s "$WORK/site/again.html" "$WORK/site/atlas.html"; then pass; else fail "two runs differ"; fi

test_case diff_adds_a_scope
run $ATLAS --diff alpha beta/part-one -o "$WORK/site/diff.html"
expect_rc 0
expect_err "5 scopes (10 maps)"
if grep -qF '"value":"diff:alpha:beta/part-one"' "$WORK/site/diff.html"; then pass; else fail "no diff scope in the data"; fi
run $ATLAS --diff alpha
expect_rc 2
expect_err "--diff needs two papers or sections: --diff A B"
run $ATLAS --diff alpha alpha
expect_rc 2
expect_err "a diff needs two different scopes"
run $ATLAS --diff alpha gamma
expect_rc 1
expect_err "unknown paper 'gamma'"
run $ATLAS --diff alpha beta/part-two
expect_rc 1
expect_err "part-two"

test_case options_are_checked
run $ATLAS --engine radial
expect_rc 2
expect_err "unknown engine 'radial'"
run $ATLAS --engine nope
expect_rc 2
run $ATLAS --lang fr
expect_rc 2
expect_err "unknown language 'fr' (zh or en)"
run $ATLAS extra
expect_rc 2
expect_err "unexpected argument 'extra'"
run $ATLAS -o ""
expect_rc 2
run $ATLAS --bogus
expect_rc 2
expect_err "ckg atlas: unknown option '--bogus' (see 'ckg atlas --help')"

test_case lang_sets_the_language_it_opens_in
run $ATLAS --lang en -o "$WORK/site/en.html"
expect_rc 0
if grep -q '^<html lang="en">' "$WORK/site/en.html" && grep -qF '{"lang":"en"' "$WORK/site/en.html"; then
    pass; else fail "the page does not open in English"; fi

test_case without_a_corpus_it_asks_for_one
here=$(pwd)
cd "$WORK"
CKG_CORPUS= run --ontology "$GOOD" atlas --engine dot -o "$WORK/site/none.html"
cd "$here"
expect_rc 2
expect_err "no corpus folder: the paragraphs around the quotes need it: use --corpus DIR, set CKG_CORPUS, or --no-sources"
if [ -e "$WORK/site/none.html" ]; then fail "a page was written"; else pass; fi
run --ontology "$GOOD" atlas --engine dot --no-sources -o "$WORK/site/bare.html"
expect_rc 0
expect_err "16 quotes, "
expect_no_err "in their paragraph"
expect_page "$WORK/site/bare.html"
run --ontology "$GOOD" --corpus "$WORK/no-such-folder" atlas --engine dot
expect_rc 3
expect_out_empty

test_case missing_sources_fail_and_keep_the_old_page
mkdir -p "$WORK/empty-corpus"
cp "$WORK/site/atlas.html" "$WORK/site/keep.html"
run --ontology "$GOOD" --corpus "$WORK/empty-corpus" atlas --engine dot -o "$WORK/site/keep.html"
expect_rc 1
expect_err "papers/alpha.yaml:"
expect_err "alpha.txt"
expect_err "beta.txt"
expect_err "ckg atlas: nothing written"
if cmp -s "$WORK/site/keep.html" "$WORK/site/atlas.html"; then pass; else fail "the old page changed"; fi
if [ "$(ls -A "$WORK/site" | grep -c '^\.')" -eq 0 ]; then pass; else fail "a temporary file was left: $(ls -A "$WORK/site")"; fi

test_case a_quote_its_text_lacks_is_a_warning_at_the_quote
mkdir -p "$WORK/changed"
cp "$CORPUS"/*.txt "$WORK/changed/"
sed 's/支撑效率提升/支持效率提升/' "$CORPUS/beta.txt" >"$WORK/changed/beta.txt"
run --ontology "$GOOD" --corpus "$WORK/changed" atlas --engine dot -o "$WORK/site/changed.html"
expect_rc 0
expect_err "papers/beta.yaml:"
expect_err "warning: quote not found in beta.txt; the atlas shows it without its paragraph"
expect_err_count 3 "warning: quote not found in beta.txt"
expect_err "16 quotes (13 in their paragraph"

test_case an_ontology_with_errors_gives_no_page
run --ontology "$(fixture_with dangling-refs)" --corpus "$CORPUS" atlas --engine dot -o "$WORK/site/bad.html"
expect_rc 1
if [ -e "$WORK/site/bad.html" ]; then fail "a page was written"; else pass; fi

test_case a_page_that_cannot_be_written_is_an_io_error
run $ATLAS -o "$WORK/no-such-dir/atlas.html"
expect_rc 3
expect_err "cannot write '$WORK/no-such-dir/atlas.html'"
if [ -w /dev/full ]; then
    LAST_CMD="ckg $ATLAS >/dev/full"
    set +e
    # shellcheck disable=SC2086
    ${CKG_WRAP:-} "$CKG" $ATLAS >/dev/full 2>"$WORK/err"
    RC=$?
    set -e
    : >"$WORK/out"
    expect_rc 3
    expect_err "No space left on device"
fi

finish
