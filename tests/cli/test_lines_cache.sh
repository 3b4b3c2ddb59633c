#!/bin/sh
# test_lines_cache.sh — the cache of quote lines seen from the command line: `show`, `path`
# and `search` (text and JSON, and `neighbors --evidence`) print the same bytes and exit the
# same with the cache off (CKG_CACHE=0), cold and warm, on the query fixture and on the
# shipped ontology and corpus; a cold run writes one lines-*.cache per source text it shows
# quotes of, a warm run reads them and does not rewrite them; a corpus file edited to the
# same size and modification time is seen at once; a truncated or corrupt cache file, a
# cache folder that cannot be made, a source text that is missing and no corpus at all
# change nothing but the cache. The cache lives in $WORK (lib.sh points XDG_CACHE_HOME
# there), never the user's.
set -eu
. "$(dirname "$0")/lib.sh"
REPO=$(cd "$(dirname "$0")/../.." && pwd)
export XDG_CACHE_HOME="$WORK/xdg"
CACHE="$XDG_CACHE_HOME/ckg"

# lines_files — the lines cache files now in $CACHE, with inode, modification time and size.
lines_files() {
    if [ -d "$CACHE" ]; then
        (cd "$CACHE" && find . -type f -name 'lines-*' -printf '%p %i %T@ %s\n' | sort)
    fi
}

# off_cold_warm NAME ARGS... — ckg ARGS with the cache off, then cold (from no cache at all),
# then warm twice: the same exit code, stdout and stderr each time; the cold run wrote lines
# caches, the warm runs left them as they were. The run with the cache off is kept as NAME.
off_cold_warm() {
    name=$1
    shift
    rm -rf "$XDG_CACHE_HOME"
    CKG_CACHE=0 run "$@"
    keep_run "$name"
    if [ ! -s "$WORK/out" ]; then fail "$* printed nothing"; fi
    if [ -d "$CACHE" ]; then fail "CKG_CACHE=0 made $CACHE"; else pass; fi
    run "$@"
    expect_same_run "$name"
    cold=$(lines_files)
    if [ -n "$cold" ]; then pass; else fail "$*: no lines cache after a cold run"; fi
    for warm in 1 2; do
        run "$@"
        expect_same_run "$name"
    done
    if [ "$(lines_files)" = "$cold" ]; then pass; else
        fail "$*: a warm run rewrote the lines cache: $cold -> $(lines_files)"
    fi
}

Q="--ontology $FIXTURES/query --corpus $FIXTURES/query/corpus"

test_case off_cold_and_warm_print_the_same_on_the_fixture
i=0
while read -r q <&3; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    off_cold_warm "fx$i" $Q $q
    expect_rc 0
done 3<<END
show 数据要素
show 数据要素 --format json
path 算力 经济增长
path 算力 经济增长 --format json
search 数据
search 数据 --format json
neighbors tfp --evidence
END
if [ "$i" -eq 7 ]; then pass; else fail "ran $i of the 7 queries"; fi
# the lines are there, and are the text's
run $Q show 数据要素
expect_same_as show-data-factor.txt
expect_out "      beta:5  数据要素同样支撑全要素生产率  [part-one]"
run $Q search 数据
expect_same_as search-data.txt

if [ -d "$REPO/../shared/corpus" ]; then
    cp -r "$REPO/ontology" "$WORK/onto"
    cp -r "$REPO/../shared/corpus" "$WORK/corpus"
    chmod -R u+w "$WORK/corpus"
    S="--ontology $WORK/onto --corpus $WORK/corpus"

    test_case off_cold_and_warm_print_the_same_on_the_shipped_ontology
    i=0
    while read -r q <&3; do
        i=$((i + 1))
        # shellcheck disable=SC2086
        off_cold_warm "sh$i" $S $q
        expect_rc 0
    done 3<<END
show 数据要素
show 数据要素 --format json
path 算力 高质量发展
path 算力 高质量发展 --format json
search 数据
search 数据 --format json
search 乘数效应 --limit 2
END
    if [ "$i" -eq 7 ]; then pass; else fail "ran $i of the 7 queries"; fi
    run $S show 数据要素
    expect_out "      conditions2024:438-440  数据已经成为国家基础性战略资源和关键性生产要素"
    expect_out "      forum2024:67  数据成为构成生产力的新型生产要素  [yi-tong]"
    if [ "$(lines_files | wc -l)" -eq 5 ]; then pass; else
        fail "expected one lines cache per paper's text: $(lines_files)"
    fi

    test_case a_corpus_file_edited_to_the_same_size_and_time_is_seen
    # the text of forum2024 (its quote above), one character for another of as many bytes,
    # and its old modification time put back
    src=$(grep -l '数据成为构成生产力的新型生产要素' "$WORK"/corpus/*.txt | head -1)
    cp -p "$src" "$WORK/stamp"
    sed -i 's/数据成为构成生产力的新型生产要素/数据成为构成生产力的新型生产资料/' "$src"
    touch -r "$WORK/stamp" "$src"
    if [ "$(stat -c '%s %y' "$src")" = "$(stat -c '%s %y' "$WORK/stamp")" ] &&
        ! cmp -s "$src" "$WORK/stamp"; then
        pass
    else
        fail "the edit changed the size or time, or nothing: $(stat -c '%s %y' "$src" "$WORK/stamp")"
    fi
    CKG_CACHE=0 run $S show 数据要素
    keep_run edited
    expect_no_out "forum2024:67  数据成为构成生产力的新型生产要素"
    expect_out "      forum2024  数据成为构成生产力的新型生产要素  [yi-tong]"
    run $S show 数据要素
    expect_same_run edited
    run $S show 数据要素
    expect_same_run edited
    cp -p "$WORK/stamp" "$src"
    run $S show 数据要素
    expect_same_run sh1
fi

test_case broken_cache_files_change_nothing
rm -rf "$XDG_CACHE_HOME"
run $Q show 数据要素
expect_same_run fx1
for f in "$CACHE"/lines-*.cache; do
    head -c 100 "$f" >"$f.cut" && mv "$f.cut" "$f"
done
run $Q show 数据要素
expect_same_run fx1
for f in "$CACHE"/lines-*.cache; do
    printf 'not a cache at all' >"$f"
done
run $Q show 数据要素
expect_same_run fx1
# a byte changed in the middle of each: the payload's hash catches it
for f in "$CACHE"/lines-*.cache; do
    n=$(stat -c %s "$f")
    printf '\377' | dd of="$f" bs=1 seek=$((n / 2)) conv=notrunc status=none
done
run $Q search 数据
expect_same_run fx5
run $Q show 数据要素
expect_same_run fx1

test_case what_cannot_be_cached_changes_nothing
# a file where the cache folder should be
printf 'not a folder' >"$WORK/blocked"
XDG_CACHE_HOME="$WORK/blocked" run $Q show 数据要素
expect_same_run fx1
if [ "$(cat "$WORK/blocked")" = "not a folder" ]; then pass; else fail "the file in the way changed"; fi
# a source text that is missing: the note on quotes without lines, cold and warm
cp -r "$FIXTURES/query/corpus" "$WORK/half"
rm "$WORK/half/beta.txt"
rm -rf "$XDG_CACHE_HOME"
CKG_CACHE=0 run --ontology "$FIXTURES/query" --corpus "$WORK/half" show 数据要素
keep_run half
expect_err "note: "
expect_err "beta.txt"
for k in cold warm; do
    run --ontology "$FIXTURES/query" --corpus "$WORK/half" show 数据要素
    expect_same_run half
done
# no corpus folder at all
CKG_CACHE=0 run --ontology "$FIXTURES/query" --corpus "$WORK/nowhere" show 数据要素
keep_run nowhere
expect_err "cannot read the corpus folder"
run --ontology "$FIXTURES/query" --corpus "$WORK/nowhere" show 数据要素
expect_same_run nowhere

finish
