#!/bin/sh
# run.sh BUILD — `make install` gives a usable library: installed into a scratch DESTDIR, every
# public header compiles on its own with nothing but the install prefix and the packages'
# own flags (so no public header includes a private one from src/), and use_libckg.c, built
# against the installed headers and libckg.a alone, loads and checks the good fixture with
# the counts that BUILD/ckg reports for it; the installed ckg and its ckg-full
# (PREFIX/libexec/ckg) run from another folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$1
ckg=$build/ckg
: "${CC:=cc}" "${PKG_CONFIG:=pkg-config}" "${MAKE:=make}"
pkgs="yaml-0.1 igraph libgvc libcgraph libutf8proc jansson"
work=$(mktemp -d "${TMPDIR:-/tmp}/ckg-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "install-check: $*" >&2; exit 1; }

"$MAKE" -s -C "$root" install BUILD="$build" DESTDIR="$work/dest" PREFIX=/usr >/dev/null
inc="$work/dest/usr/include"
lib="$work/dest/usr/lib"
[ -x "$work/dest/usr/bin/ckg" ] || fail "no bin/ckg installed"
[ -f "$lib/libckg.a" ] || fail "no lib/libckg.a installed"
cflags="-std=c11 -Wall -Wextra -Werror -I$inc $($PKG_CONFIG --cflags $pkgs)"

n=0
for h in "$inc"/ckg/*.h; do
    name=ckg/$(basename "$h")
    printf '#include <%s>\n#include <%s>\n' "$name" "$name" >"$work/one.c"
    $CC $cflags -fsyntax-only "$work/one.c" 2>"$work/err" ||
        { cat "$work/err" >&2; fail "$name does not compile on its own from the install prefix"; }
    n=$((n + 1))
done
for h in "$root"/src/*.h; do
    [ ! -e "$inc/ckg/$(basename "$h")" ] || fail "private header $(basename "$h") is installed"
done

$CC $cflags -o "$work/use_libckg" "$here/use_libckg.c" "$lib/libckg.a" \
    $($PKG_CONFIG --libs $pkgs) -lm -pthread
good="$root/tests/fixtures/good" corpus="$root/tests/fixtures/corpus"
got=$("$work/use_libckg" "$good" "$corpus") || fail "use_libckg failed: $got"
# ckg check: ok: 0 errors, 0 warnings; 2 papers, 7 concepts, 11 mentions, 5 relations; 16 of 16 quotes found
want=$("$ckg" --ontology "$good" --corpus "$corpus" check |
    sed -n 's/^ckg check: ok: \([0-9]*\) errors.*; \([0-9]*\) papers, \([0-9]*\) concepts,.*; \([0-9]*\) of \([0-9]*\) quotes found$/\2 papers, \3 concepts; \4 of \5 quotes found; \1 errors/p')
metrics=$("$ckg" --ontology "$good" metrics --format json)
nodes=$(echo "$metrics" | sed -n 's/^  "nodes": \([0-9]*\),$/\1/p')
edges=$(echo "$metrics" | sed -n 's/^  "edges": \([0-9]*\),$/\1/p')
want="$want; $nodes nodes, $edges edges"
[ "$got" = "$want" ] || fail "use_libckg printed '$got', ckg says '$want'"

# The installed front, run from a folder outside the checkout, answers a query itself and
# hands metrics to PREFIX/libexec/ckg/ckg-full: both print what build/ckg-full prints.
[ -x "$work/dest/usr/libexec/ckg/ckg-full" ] || fail "no libexec/ckg/ckg-full installed"
mkdir "$work/elsewhere"
query="$root/tests/fixtures/query"
for args in "neighbors tfp" "metrics --top 3"; do
    # shellcheck disable=SC2086
    (cd "$work/elsewhere" && XDG_CACHE_HOME="$work/cache" "$work/dest/usr/bin/ckg" \
        --ontology "$query" $args) >"$work/front" 2>&1 ||
        fail "the installed ckg failed on '$args': $(cat "$work/front")"
    # shellcheck disable=SC2086
    "$build/ckg-full" --ontology "$query" $args >"$work/full" 2>&1
    cmp -s "$work/front" "$work/full" ||
        fail "the installed ckg printed otherwise than ckg-full on '$args'"
done
echo "install-check: $n public headers compile alone from the install prefix; use_libckg: $got;" \
    "the installed ckg and ckg-full run from another folder"
