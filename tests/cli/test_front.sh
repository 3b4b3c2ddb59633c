#!/bin/sh
# test_front.sh — the two programs: ckg (the front) links neither igraph nor Graphviz and
# runs ckg-full for the commands it does not carry, which then print, write and exit exactly
# as ckg-full run directly; ckg-full is found through $CKG_EXEC_PATH, beside ckg, or in
# ../libexec/ckg (an installed tree, run from another folder); when it is in none of them,
# the error names every place looked and the query commands still work.
set -eu
. "$(dirname "$0")/lib.sh"
REPO=$(cd "$(dirname "$0")/../.." && pwd)
FULL="$(dirname "$CKG")/ckg-full"
ONTO="$REPO/ontology"
CORPUS="$REPO/../shared/corpus"
Q="--ontology $FIXTURES/query --corpus $FIXTURES/query/corpus"

# as PROGRAM ARGS... — run with another binary in place of $CKG.
as() {
    prog=$1
    shift
    saved=$CKG
    CKG=$prog
    run "$@"
    CKG=$saved
}

test_case the_front_links_neither_igraph_nor_graphviz
# The front is linked statically (a sanitizer build, and ckg-dynamic for valgrind,
# dynamically). Either way it holds no code of igraph, Graphviz or libxml2: nm lists its own
# symbols (one of ckg's proves the list is not empty) and none of theirs. When it is dynamic,
# ldd names none of their libraries either.
if command -v nm >/dev/null 2>&1; then
    LAST_CMD="nm $CKG"
    RC=0
    nm "$CKG" >"$WORK/out" 2>"$WORK/err" || RC=$?
    expect_rc 0
    expect_out " ontology_load_cached"
    expect_no_out " igraph_"
    expect_no_out " gvContext"
    expect_no_out " agopen"
    expect_no_out " xmlReadMemory"
fi
if command -v ldd >/dev/null 2>&1; then
    LAST_CMD="ldd $CKG"
    RC=0
    ldd "$CKG" >"$WORK/out" 2>"$WORK/err" || RC=$?
    if ! grep -q "statically linked" "$WORK/out"; then
        expect_rc 0
        expect_out "libyaml"
        expect_no_out "libigraph"
        expect_no_out "libgvc"
        expect_no_out "libcgraph"
        expect_no_out "libxml2"
    fi
    LAST_CMD="ldd $FULL"
    RC=0
    ldd "$FULL" >"$WORK/out" 2>"$WORK/err" || RC=$?
    expect_out "libigraph"
    expect_out "libgvc"
fi

test_case the_front_runs_full_commands_as_ckg_full_does
for args in "metrics --top 5" "metrics --top 5 --format json" "export --format csv --edges" \
    "compare --top 3" "diff alpha beta" "metrics --no-such-option" "metrics --help"; do
    # shellcheck disable=SC2086
    as "$FULL" $Q $args
    keep_run full
    # shellcheck disable=SC2086
    run $Q $args
    expect_same_run full
done
# the program is called ckg in the messages, not by the path it was run from
run $Q metrics --no-such-option
expect_rc 2
expect_err "ckg metrics: unknown option '--no-such-option'"
expect_no_err "ckg-full"

test_case render_through_the_front_writes_the_same_map
as "$FULL" $Q render -o "$WORK/full.svg"
expect_rc 0
run $Q render -o "$WORK/front.svg"
expect_rc 0
if cmp -s "$WORK/full.svg" "$WORK/front.svg"; then pass; else fail "the maps differ"; fi
if grep -q '<svg' "$WORK/front.svg"; then pass; else fail "no SVG written"; fi
# on the shipped ontology too, with the front's global options after the command
run render --focus 新质生产力 --format dot --ontology "$ONTO"
expect_rc 0
expect_out "digraph"
expect_out "新质生产力"

test_case the_front_answers_queries_itself
# what the front carries runs without ckg-full: an empty CKG_EXEC_PATH folder changes nothing
mkdir -p "$WORK/empty"
for args in "neighbors tfp" "show 数据要素" "search 数据" "path 算力 全要素生产率" "check --no-quotes" \
    "coverage" "--help" "--version"; do
    # shellcheck disable=SC2086
    run $Q $args
    keep_run own
    # shellcheck disable=SC2086
    CKG_EXEC_PATH="$WORK/empty" run $Q $args
    expect_same_run own
done
run --help
for c in check coverage neighbors show path search metrics diff compare export render atlas; do
    expect_out "  $c "
done

test_case ckg_exec_path_is_followed_and_named_when_wrong
mkdir -p "$WORK/elsewhere"
cp "$FULL" "$WORK/elsewhere/ckg-full"
CKG_EXEC_PATH="$WORK/elsewhere" run $Q metrics --top 3
expect_rc 0
expect_out "pagerank"
CKG_EXEC_PATH="$WORK/empty" run $Q metrics --top 3
expect_rc 3
expect_out_empty
expect_err "ckg: cannot run 'metrics': $WORK/empty/ckg-full: No such file or directory"

test_case a_lone_front_names_the_places_it_looked
mkdir -p "$WORK/lone/bin"
cp "$CKG" "$WORK/lone/bin/ckg"
as "$WORK/lone/bin/ckg" $Q render -o "$WORK/lone.svg"
expect_rc 3
expect_out_empty
expect_err "ckg: cannot run 'render': ckg-full is neither in $WORK/lone/bin nor in $WORK/lone/bin/../libexec/ckg: No such file or directory"
if [ -e "$WORK/lone.svg" ]; then fail "a file was written"; else pass; fi
as "$WORK/lone/bin/ckg" $Q neighbors tfp
expect_rc 0
expect_out "全要素生产率"
# a ckg-full that cannot be run is named with its own error, not "no such file"
printf 'not a program' >"$WORK/lone/bin/ckg-full"
chmod 644 "$WORK/lone/bin/ckg-full"
as "$WORK/lone/bin/ckg" $Q metrics
expect_rc 3
expect_err "Permission denied"
rm "$WORK/lone/bin/ckg-full"

test_case an_installed_tree_works_from_another_folder
mkdir -p "$WORK/prefix/bin" "$WORK/prefix/libexec/ckg" "$WORK/cwd"
cp "$CKG" "$WORK/prefix/bin/ckg"
cp "$FULL" "$WORK/prefix/libexec/ckg/ckg-full"
as "$FULL" $Q metrics --top 3
keep_run full
(cd "$WORK/cwd" && as "$WORK/prefix/bin/ckg" $Q metrics --top 3 && keep_run installed)
RC=$(cat "$WORK/installed.rc")
cp "$WORK/installed.out" "$WORK/out"
cp "$WORK/installed.err" "$WORK/err"
expect_same_run full
# through a symbolic link on the PATH, as a package manager may install it
mkdir -p "$WORK/path"
ln -s "$WORK/prefix/bin/ckg" "$WORK/path/ckg"
as "$WORK/path/ckg" $Q metrics --top 3
expect_same_run full

finish
