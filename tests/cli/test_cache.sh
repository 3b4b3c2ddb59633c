#!/bin/sh
# test_cache.sh — the cache of parsed ontologies seen from the command line: the query
# commands (neighbors, show, search, path, check --no-quotes, papers, themes) print the same
# bytes (and exit the same) with the cache off, cold and warm; a warm run reads the cache
# and does not rewrite it; an edited YAML file is seen at once, even one edited to the same
# size and modification time; CKG_CACHE=0 writes nothing; a cache folder that cannot be
# made, a relative XDG_CACHE_HOME and no HOME cost nothing but the cache. The cache lives in
# $WORK (lib.sh points XDG_CACHE_HOME there), never the user's.
set -eu
. "$(dirname "$0")/lib.sh"
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cp -r "$REPO/ontology" "$WORK/onto"
ONTO="$WORK/onto"
export XDG_CACHE_HOME="$WORK/xdg"
CACHE="$XDG_CACHE_HOME/ckg"

# The commands compared (one per line; word-split, so no spaces inside an argument).
QUERIES="neighbors 数据要素
neighbors 数据要素 --format json
show 数据要素
show 数据要素 --format json
search 数据
search 乘数效应 --limit 2
path 算力 高质量发展
path 算力 高质量发展 --format json
check --no-quotes
check --no-quotes --verbose
papers
themes --format json"

# cache_files — the cache files now in $CACHE, with inode and modification time.
cache_files() {
    if [ -d "$CACHE" ]; then
        (cd "$CACHE" && find . -type f -printf '%p %i %T@ %s\n' | sort)
    fi
}


test_case cold_and_warm_print_what_an_uncached_load_prints
i=0
while read -r q <&3; do
    i=$((i + 1))
    rm -rf "$XDG_CACHE_HOME"
    # shellcheck disable=SC2086
    CKG_CACHE=0 run --ontology "$ONTO" $q
    keep_run "q$i.off"
    if [ ! -s "$WORK/out" ]; then fail "$q printed nothing"; fi
    if [ -d "$CACHE" ]; then fail "CKG_CACHE=0 made $CACHE"; else pass; fi
    # shellcheck disable=SC2086
    run --ontology "$ONTO" $q # cold: writes the cache
    expect_same_run "q$i.off"
    cold=$(cache_files)
    if [ "$(echo "$cold" | grep -c 'ontology-.*\.cache')" -eq 1 ]; then pass; else
        fail "$q: expected one cache file after a cold run, found: $cold"
    fi
    for warm in 1 2; do
        # shellcheck disable=SC2086
        run --ontology "$ONTO" $q
        expect_same_run "q$i.off"
    done
    # a warm run read the cache: the file is the one the cold run wrote, not a new one
    if [ "$(cache_files)" = "$cold" ]; then pass; else
        fail "$q: a warm run rewrote the cache: $cold -> $(cache_files)"
    fi
done 3<<END
$QUERIES
END
if [ "$i" -eq 12 ]; then pass; else fail "ran $i of the 12 queries"; fi

test_case the_expected_outputs_hold_warm
rm -rf "$XDG_CACHE_HOME"
Q="--ontology $FIXTURES/query --corpus $FIXTURES/query/corpus"
for pass_no in cold warm; do
    run $Q show 数据要素
    expect_rc 0
    expect_same_as show-data-factor.txt
    run $Q search 数据
    expect_rc 0
    expect_same_as search-data.txt
    run $Q neighbors tfp --evidence
    expect_rc 0
    expect_same_as neighbors-tfp-evidence.txt
done

test_case an_edited_file_is_seen_at_once
rm -rf "$XDG_CACHE_HOME"
run --ontology "$ONTO" show 数据要素
expect_rc 0
expect_out "data as a factor of production"
run --ontology "$ONTO" show 数据要素
expect_out "data as a factor of production"
# a new English name, one byte longer
sed -i 's/en: data as a factor of production$/en: data as a factor of productions/' \
    "$ONTO/concepts/factors.yaml"
run --ontology "$ONTO" show 数据要素
expect_rc 0
expect_out "data as a factor of productions"
keep_run edited
# the same size and the same modification time: only the bytes differ (content hash)
cp -p "$ONTO/concepts/factors.yaml" "$WORK/stamp"
sed -i 's/en: data as a factor of productions$/en: data as a factor of productionz/' \
    "$ONTO/concepts/factors.yaml"
touch -r "$WORK/stamp" "$ONTO/concepts/factors.yaml"
if [ "$(stat -c '%s %y' "$ONTO/concepts/factors.yaml")" = "$(stat -c '%s %y' "$WORK/stamp")" ]; then
    pass
else
    fail "the edit changed the size or time: $(stat -c '%s %y' "$ONTO/concepts/factors.yaml" "$WORK/stamp")"
fi
run --ontology "$ONTO" show 数据要素
expect_rc 0
expect_out "data as a factor of productionz"
expect_no_out "data as a factor of productions"
# a new file, then its removal; a file removed, then put back
cat >"$ONTO/concepts/extra.yaml" <<'END'
concepts:
  - id: cache-test-concept
    zh: 缓存测试概念
    en: cache test concept
    alt: []
    theme: factors
    broader: []
    definition:
      zh: 只为测试而加的概念。
      en: A concept added only by this test.
END
run --ontology "$ONTO" show cache-test-concept
expect_rc 0
expect_out "缓存测试概念"
rm "$ONTO/concepts/extra.yaml"
run --ontology "$ONTO" show cache-test-concept
expect_rc 1
expect_err "unknown concept 'cache-test-concept'"
cp "$ONTO/concepts/factors.yaml" "$WORK/factors.yaml"
rm "$ONTO/concepts/factors.yaml"
run --ontology "$ONTO" show 数据要素
expect_rc 1
expect_err "onto/papers/conditions2024.yaml:48:14: error: unknown concept 'data-factor'"
cp "$WORK/factors.yaml" "$ONTO/concepts/factors.yaml"
run --ontology "$ONTO" show 数据要素
expect_rc 0
expect_out "data as a factor of productionz"
# an error in a file is reported with its place, cold and then again (never cached)
printf '  - id: broken\n    zh: [unclosed\n' >>"$ONTO/concepts/factors.yaml"
for k in 1 2; do
    run --ontology "$ONTO" check --no-quotes
    expect_rc 1
    expect_err "concepts/factors.yaml:"
done
cp "$WORK/factors.yaml" "$ONTO/concepts/factors.yaml"
run --ontology "$ONTO" show 数据要素
expect_rc 0
expect_out "data as a factor of productionz"

test_case ckg_cache_0_writes_and_reads_nothing
rm -rf "$XDG_CACHE_HOME"
CKG_CACHE=0 run --ontology "$ONTO" neighbors 数据要素
expect_rc 0
if [ -e "$CACHE" ]; then fail "CKG_CACHE=0 made $CACHE"; else pass; fi
run --ontology "$ONTO" neighbors 数据要素
keep_run cached
# a cache that lies (another ontology's cache copied over this one's) is not read with
# CKG_CACHE=0; with the cache on it is refused (its folder is not this one) and rewritten
f=$(cd "$CACHE" && ls ontology-*.cache)
CKG_CACHE=0 run --ontology "$ONTO" neighbors 数据要素
expect_same_run cached
cp -r "$FIXTURES/query" "$WORK/other"
run --ontology "$WORK/other" show 数据要素
g=$(cd "$CACHE" && ls ontology-*.cache | grep -v "$f")
cp "$CACHE/$g" "$CACHE/$f"
run --ontology "$ONTO" neighbors 数据要素
expect_same_run cached

test_case an_unwritable_cache_costs_only_the_cache
# a file where the cache folder should be (root writes into read-only folders, so this is
# the case every user meets)
printf 'not a folder' >"$WORK/blocked"
XDG_CACHE_HOME="$WORK/blocked" run --ontology "$ONTO" neighbors 数据要素
expect_same_run cached
XDG_CACHE_HOME="$WORK/blocked" run --ontology "$ONTO" neighbors 数据要素
expect_same_run cached
if [ "$(cat "$WORK/blocked")" = "not a folder" ]; then pass; else fail "the file in the way changed"; fi
if [ "$(id -u)" -ne 0 ]; then
    mkdir -p "$WORK/readonly" && chmod 555 "$WORK/readonly"
    XDG_CACHE_HOME="$WORK/readonly" run --ontology "$ONTO" neighbors 数据要素
    expect_same_run cached
    chmod 755 "$WORK/readonly"
fi
# a relative XDG_CACHE_HOME is ignored (XDG base directories): $HOME/.cache is used
mkdir -p "$WORK/home"
(cd "$WORK" && HOME="$WORK/home" XDG_CACHE_HOME=relative run --ontology "$ONTO" neighbors 数据要素 &&
    echo "$RC" >"$WORK/rel.rc")
RC=$(cat "$WORK/rel.rc")
expect_same_run cached
if [ -e "$WORK/relative" ]; then fail "a relative XDG_CACHE_HOME was used"; else pass; fi
if ls "$WORK/home/.cache/ckg/"ontology-*.cache >/dev/null 2>&1; then pass; else
    fail "no cache in \$HOME/.cache/ckg"
fi
# neither XDG_CACHE_HOME nor HOME: no cache, the same answer
(unset XDG_CACHE_HOME HOME && run --ontology "$ONTO" neighbors 数据要素 && echo "$RC" >"$WORK/none.rc")
RC=$(cat "$WORK/none.rc")
expect_same_run cached

finish
