#!/bin/sh
# test_install.sh — `make install` into a temporary prefix, used as a newcomer would use it:
# from another folder, with a clean environment; the ontology found by every rule and, when
# nowhere, every place named; the man page rendered without a warning; bash completion
# driven as bash drives it; a library program built with pkg-config; the tree moved; and
# `make uninstall` leaving the prefix empty.
#
#   sh tests/install/test_install.sh BUILD     (make install-test; BUILD: build/ or build/asan)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "$ROOT/${1:-build}" && pwd)
CKG=$BUILD/ckg
. "$ROOT/tests/cli/lib.sh"

# expect_out_same FILE — stdout is exactly FILE's contents.
expect_out_same() {
    if cmp -s "$WORK/out" "$1"; then pass; else
        fail "stdout differs from $1: $(diff "$1" "$WORK/out" | head -10)"
    fi
}

PREFIX=$WORK/prefix
AWAY=$WORK/away # a folder with no ontology and no ../shared
mkdir -p "$PREFIX" "$AWAY/x"
# the environment of a newcomer's shell: no CKG_*, a home of their own
clean() {
    env -i PATH=/usr/bin:/bin HOME="$WORK/home" LC_ALL=C.UTF-8 \
        ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} ${LSAN_OPTIONS:+LSAN_OPTIONS=$LSAN_OPTIONS} "$@"
}
# inst ARGS... — the installed ckg, from $AWAY/x, clean; like run()
inst() {
    LAST_CMD="(cd away/x) ckg $*"
    set +e
    (cd "$AWAY/x" && clean "$PREFIX/bin/ckg" "$@") >"$WORK/out" 2>"$WORK/err"
    RC=$?
    set -e
}

test_case make_install
make -s -C "$ROOT" BUILD="${1:-build}" install PREFIX="$PREFIX" >"$WORK/install.log" 2>&1 ||
    { cat "$WORK/install.log" >&2; fail "make install failed"; }
for f in bin/ckg lib/libckg.a include/ckg/ontology.h include/ckg/export.h \
    share/ckg/ontology/themes.yaml share/ckg/ontology/relations.yaml \
    share/ckg/ontology/papers/peng2024.yaml share/man/man1/ckg.1 \
    share/bash-completion/completions/ckg lib/pkgconfig/ckg.pc; do
    if [ -f "$PREFIX/$f" ]; then pass; else fail "make install did not put $f"; fi
done
if [ -x "$PREFIX/bin/ckg" ]; then pass; else fail "bin/ckg is not executable"; fi
n_headers=$(ls "$ROOT"/include/ckg/*.h | wc -l)
n_installed=$(ls "$PREFIX"/include/ckg/*.h | wc -l)
if [ "$n_headers" -eq "$n_installed" ]; then pass; else
    fail "$n_installed of $n_headers headers installed"; fi
if diff -r "$ROOT/ontology" "$PREFIX/share/ckg/ontology" >/dev/null; then pass; else
    fail "the installed ontology differs from ontology/"; fi

test_case the_installed_ckg_answers_from_another_folder_as_from_the_repository
(cd "$ROOT" && "$CKG" neighbors 数据要素) >"$WORK/from-repo"
inst neighbors 数据要素
expect_rc 0
expect_out_same "$WORK/from-repo"
inst show 数据要素 --format json
expect_rc 0
expect_out '"id": "data-factor"'
inst papers --format csv
expect_rc 0
expect_out "peng2024,"

test_case ckg_ontology_wins_over_the_installed_one
inst --ontology "$ROOT/tests/fixtures/good" neighbors 数据要素 >/dev/null
cp "$WORK/out" "$WORK/fixture-by-option"
LAST_CMD="CKG_ONTOLOGY=fixtures/good ckg neighbors 数据要素"
set +e
(cd "$AWAY/x" && clean CKG_ONTOLOGY="$ROOT/tests/fixtures/good" "$PREFIX/bin/ckg" neighbors 数据要素) \
    >"$WORK/out" 2>"$WORK/err"
RC=$?
set -e
expect_rc 0
expect_out_same "$WORK/fixture-by-option"
if cmp -s "$WORK/out" "$WORK/from-repo"; then fail "CKG_ONTOLOGY was not used"; else pass; fi
# ./ontology of the working folder comes before the installed one
mkdir -p "$AWAY/own" && cp -r "$ROOT/tests/fixtures/good" "$AWAY/own/ontology"
LAST_CMD="(cd own) ckg neighbors 数据要素"
set +e
(cd "$AWAY/own" && clean "$PREFIX/bin/ckg" neighbors 数据要素) >"$WORK/out" 2>"$WORK/err"
RC=$?
set -e
expect_rc 0
expect_out_same "$WORK/fixture-by-option"
# a variable naming a missing folder is an error, not a reason to read another ontology
set +e
(cd "$AWAY/x" && clean CKG_ONTOLOGY="$WORK/nowhere" "$PREFIX/bin/ckg" neighbors 数据要素) \
    >"$WORK/out" 2>"$WORK/err"
RC=$?
set -e
expect_rc 3
expect_err "cannot open the ontology folder '$WORK/nowhere'"
expect_err 'that folder is what $CKG_ONTOLOGY names'
expect_out_empty

test_case no_ontology_anywhere_names_every_place_in_order
mv "$PREFIX/share/ckg/ontology" "$WORK/ontology-aside"
inst neighbors 数据要素
mv "$WORK/ontology-aside" "$PREFIX/share/ckg/ontology"
expect_rc 3
installed=$PREFIX/share/ckg/ontology
w=${#installed}
expect_err_is "ckg: no ontology folder: use --ontology DIR or set CKG_ONTOLOGY
  looked in, in order:
$(printf '    1. %-*s  not given\n' "$w" --ontology)
$(printf '    2. %-*s  not set\n' "$w" '$CKG_ONTOLOGY')
$(printf '    3. %-*s  (in the working folder): no such folder\n' "$w" ontology)
    4. $installed  (installed with ckg): no such folder"

test_case no_corpus_anywhere_names_every_place_in_order
inst check
expect_rc 2
expect_err "ckg check: no corpus folder: use --corpus DIR or set CKG_CORPUS"
expect_err "    1. --corpus"
expect_err "    2. \$CKG_CORPUS"
expect_err "3. ../shared/corpus"
expect_err "4. $WORK/home/.local/share/ckg/corpus"
expect_err "5. $PREFIX/share/ckg/corpus"
expect_err_count 5 '^    [0-9]\. '
# the user's own copy is found, and so is one beside the ontology named
mkdir -p "$WORK/home/.local/share/ckg" && cp -r "$ROOT/tests/fixtures/corpus" \
    "$WORK/home/.local/share/ckg/corpus"
inst --ontology "$ROOT/tests/fixtures/good" check
expect_rc 0
expect_out "ckg check: ok"
rm -rf "$WORK/home/.local"
mkdir -p "$WORK/checkout/shared" "$WORK/checkout/ckg"
cp -r "$ROOT/tests/fixtures/corpus" "$WORK/checkout/shared/corpus"
cp -r "$ROOT/tests/fixtures/good" "$WORK/checkout/ckg/ontology"
inst --ontology "$WORK/checkout/ckg/ontology" check
expect_rc 0
expect_out "ckg check: ok"

test_case the_man_page_renders_without_warnings
for width in 80 60; do
    MANWIDTH=$width man --warnings -l "$PREFIX/share/man/man1/ckg.1" >"$WORK/man.txt" 2>"$WORK/man.err" || true
    if [ -s "$WORK/man.err" ]; then fail "man at width $width warns: $(head -3 "$WORK/man.err")"; else pass; fi
done
groff -ww -man -Tutf8 "$PREFIX/share/man/man1/ckg.1" >/dev/null 2>"$WORK/groff.err" || true
if [ -s "$WORK/groff.err" ]; then fail "groff warns: $(head -3 "$WORK/groff.err")"; else pass; fi
# every command, every option of its help, and the hand-written sections
for section in NAME SYNOPSIS DESCRIPTION "GLOBAL OPTIONS" COMMANDS FILES ENVIRONMENT \
    "EXIT STATUS" EXAMPLES; do
    if grep -qx "$section" "$WORK/man.txt"; then pass; else fail "no section $section"; fi
done
commands=$("$CKG" --help | awk '/^commands:/ { f = 1; next } /^$/ { f = 0 } f { print $1 }')
n=0
for c in $commands; do
    n=$((n + 1))
    if grep -qx "   ckg $c" "$WORK/man.txt"; then pass; else fail "the man page lacks 'ckg $c'"; fi
    "$CKG" "$c" --help | grep -oE '^ +(-[A-Za-z0-9], )?--[a-z][a-z0-9-]*' | sed 's/.*--/--/' |
        while read -r opt; do
            # the option's entry in that command's subsection
            if awk -v c="   ckg $c" -v o="$opt" '$0 == c { f = 1; next } /^   ckg / { f = 0 }
                   f && index($0, o) { found = 1 } END { exit !found }' "$WORK/man.txt"; then :; else
                echo "FAIL [$CURRENT] the man page lacks $opt of ckg $c" >&2; echo x; fi
        done >"$WORK/missing"
    if [ -s "$WORK/missing" ]; then fail "options missing for $c"; else pass; fi
done
if [ "$n" -ge 17 ]; then pass; else fail "only $n commands in 'ckg --help'"; fi
# options print as ASCII hyphens (copyable), not as U+2010
if grep -q '‐‐' "$WORK/man.txt"; then fail "options rendered with U+2010 hyphens"; else pass; fi
expect_file_has() { if grep -qF -- "$2" "$1"; then pass; else fail "$1 lacks: $2"; fi; }
expect_file_has "$WORK/man.txt" "ckg neighbors CONCEPT [--depth N]"
expect_file_has "$WORK/man.txt" "CKG_ONTOLOGY"
expect_file_has "$WORK/man.txt" "$(printf 'ckg neighbors 数据要素 --evidence')"

test_case bash_completion_completes_commands_options_and_names
cat >"$WORK/complete.bash" <<'EOF'
source "$1"
complete -p ckg
c() {
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _ckg
    printf '%s|' "$*"; printf ' %s' "${COMPREPLY[@]}"; echo
}
c ckg ne
c ckg neighbors --d
c ckg neighbors --direction ''
c ckg neighbors 数据要
c ckg neighbors data-f
c ckg render --paper ''
c ckg metrics --paper pe
c ckg render --theme 体制
c ckg diff peng2024 forum2024/y
c ckg metrics --sort pa
c ckg render --format=p
c ckg help sc
c ckg --on
c ckg path 算力 --avoid 新质生产力 高质量
c ckg --ontology TESTS/fixtures/good show 数
EOF
sed -i "s|TESTS|$ROOT/tests|" "$WORK/complete.bash"
(cd "$AWAY/x" && clean PATH="$PREFIX/bin:/usr/bin:/bin" bash "$WORK/complete.bash" \
    "$PREFIX/share/bash-completion/completions/ckg") >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc 0
expect_out "complete -F _ckg ckg"
expect_out "ckg ne| neighbors"
expect_out "ckg neighbors --d| --depth --direction"
expect_out "ckg neighbors --direction | in out both"
expect_out "ckg neighbors 数据要| 数据要素 数据要素乘数效应 数据要素市场"
expect_out "ckg neighbors data-f| data-factor data-factor-market"
expect_out "ckg render --paper | conditions2024 forum2024 hong2024 peng2024 zhai2024"
expect_out "ckg metrics --paper pe| peng2024"
expect_out "ckg render --theme 体制| 体制机制"
expect_out "ckg diff peng2024 forum2024/y| forum2024/yang-ruilong forum2024/yi-tong"
expect_out "ckg metrics --sort pa| pagerank"
expect_out "ckg render --format=p| --format=png --format=pdf"
expect_out "ckg help sc| score"
expect_out "ckg --on| --ontology"
expect_out "ckg path 算力 --avoid 新质生产力 高质量| 高质量发展"
# --ontology on the line is the ontology the names come from
if grep -qx "ckg --ontology $ROOT/tests/fixtures/good show 数| 数据要素" "$WORK/out"; then pass; else
    fail "the names do not come from the --ontology of the line"; fi
if [ -s "$WORK/err" ]; then fail "completion wrote to stderr"; else pass; fi

test_case a_program_builds_against_the_installed_library
cat >"$WORK/prog.c" <<'EOF'
#include <ckg/diag.h>
#include <ckg/ontology.h>
#include <stdio.h>
int main(int argc, char **argv)
{
    diag_list d;
    ckg_ontology *o = NULL;
    diag_list_init(&d);
    int rc = argc > 1 ? ontology_load(argv[1], &d, &o) : 1;
    printf("%d\n", rc);
    ontology_free(o);
    diag_list_free(&d);
    return rc != 0;
}
EOF
# with the flags of the build (a sanitizer build's library needs its runtime)
# shellcheck disable=SC2086
if PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig" cc ${CFLAGS:-} ${LDFLAGS:-} -o "$WORK/prog" "$WORK/prog.c" \
    $(PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig" pkg-config --cflags --libs ckg) 2>"$WORK/cc.err"; then
    pass
    if "$WORK/prog" "$PREFIX/share/ckg/ontology" >"$WORK/prog.out"; then pass; else
        fail "the program could not load the installed ontology"; fi
else
    fail "cannot build against the installed library: $(head -3 "$WORK/cc.err")"
fi

test_case a_moved_tree_still_finds_its_ontology
mv "$PREFIX" "$WORK/moved"
set +e
(cd "$AWAY/x" && clean "$WORK/moved/bin/ckg" neighbors 数据要素) >"$WORK/out" 2>"$WORK/err"
RC=$?
set -e
mv "$WORK/moved" "$PREFIX"
expect_rc 0
expect_out_same "$WORK/from-repo"

test_case uninstall_leaves_the_prefix_empty
make -s -C "$ROOT" BUILD="${1:-build}" uninstall PREFIX="$PREFIX" >"$WORK/uninstall.log" 2>&1 ||
    fail "make uninstall failed: $(cat "$WORK/uninstall.log")"
left=$(find "$PREFIX" -mindepth 1 | head -5)
if [ -z "$left" ]; then pass; else fail "left in the prefix: $left"; fi
# what someone else put in a folder ckg made stays, and the folder with it
make -s -C "$ROOT" BUILD="${1:-build}" install PREFIX="$PREFIX" >/dev/null 2>&1
echo mine >"$PREFIX/share/ckg/notes.txt"
make -s -C "$ROOT" BUILD="${1:-build}" uninstall PREFIX="$PREFIX" >"$WORK/uninstall.log" 2>&1
left=$(cd "$PREFIX" && find . -type f)
if [ "$left" = "./share/ckg/notes.txt" ]; then pass; else fail "after uninstall: $left"; fi
if grep -q "kept $PREFIX/share/ckg" "$WORK/uninstall.log"; then pass; else
    fail "uninstall did not say what it kept: $(cat "$WORK/uninstall.log")"; fi

finish
