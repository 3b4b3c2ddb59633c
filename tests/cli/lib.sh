# lib.sh — helpers for the command-line tests (sourced by run.sh).
#
# Each test runs the real binary ($CKG, optionally under $CKG_WRAP, e.g. valgrind) and checks
# its exit code and output. A failing expectation prints the command and what came out.

: "${CKG:?set CKG to the ckg binary}"
FIXTURES=${FIXTURES:-$(cd "$(dirname "$0")/../fixtures" && pwd)}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ckg-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# ckg keeps a cache of parsed ontologies in $XDG_CACHE_HOME/ckg: the tests' own, never the
# user's, and a new one for each test file.
export XDG_CACHE_HOME="$WORK/xdg-cache"
unset CKG_CACHE
PASSED=0
FAILED=0
CURRENT=""

# run ARGS... — runs ckg; sets $RC, stdout in $WORK/out, stderr in $WORK/err.
run() {
    LAST_CMD="ckg $*"
    set +e
    # shellcheck disable=SC2086
    ${CKG_WRAP:-} "$CKG" "$@" >"$WORK/out" 2>"$WORK/err"
    RC=$?
    set -e
}

fail() {
    FAILED=$((FAILED + 1))
    echo "FAIL [$CURRENT] $*" >&2
    echo "  command: $LAST_CMD (exit $RC)" >&2
    sed 's/^/  stdout: /' "$WORK/out" | head -20 >&2
    sed 's/^/  stderr: /' "$WORK/err" | head -20 >&2
}

pass() { PASSED=$((PASSED + 1)); }

# test_case NAME — names the checks that follow in failure reports.
test_case() { CURRENT=$1; }

expect_rc() {
    if [ "$RC" -eq "$1" ]; then pass; else fail "expected exit $1, got $RC"; fi
}

# expect_err TEXT / expect_out TEXT — the stream contains TEXT (fixed string).
expect_err() {
    if grep -qF -- "$1" "$WORK/err"; then pass; else fail "stderr lacks: $1"; fi
}
expect_out() {
    if grep -qF -- "$1" "$WORK/out"; then pass; else fail "stdout lacks: $1"; fi
}
# expect_err_is TEXT — stderr is exactly TEXT (lines joined by newlines, no more).
expect_err_is() {
    printf '%s\n' "$1" >"$WORK/want_err"
    if cmp -s "$WORK/want_err" "$WORK/err"; then pass; else
        fail "stderr is not exactly: $1"
    fi
}
expect_no_err() {
    if grep -qF -- "$1" "$WORK/err"; then fail "stderr has: $1"; else pass; fi
}
# expect_err_count N PATTERN — PATTERN (extended regex) matches exactly N lines of stderr.
expect_err_count() {
    n=$(grep -cE -- "$2" "$WORK/err" || true)
    if [ "$n" -eq "$1" ]; then pass; else fail "expected $1 lines matching '$2' on stderr, got $n"; fi
}
expect_out_empty() {
    if [ -s "$WORK/out" ]; then fail "stdout is not empty"; else pass; fi
}
expect_no_out() {
    if grep -qF -- "$1" "$WORK/out"; then fail "stdout has: $1"; else pass; fi
}
# keep_run NAME / expect_same_run NAME — save the last run (exit code, stdout, stderr) as
# NAME; then: the last run exited and printed exactly as the one saved as NAME.
keep_run() {
    echo "$RC" >"$WORK/$1.rc"
    cp "$WORK/out" "$WORK/$1.out"
    cp "$WORK/err" "$WORK/$1.err"
}
expect_same_run() {
    if [ "$RC" = "$(cat "$WORK/$1.rc")" ] && cmp -s "$WORK/out" "$WORK/$1.out" &&
        cmp -s "$WORK/err" "$WORK/$1.err"; then
        pass
    else
        fail "differs from the run kept as $1 (exit $(cat "$WORK/$1.rc")): $(diff "$WORK/$1.out" "$WORK/out" | head -5) $(diff "$WORK/$1.err" "$WORK/err" | head -5)"
    fi
}
# expect_same_as FILE — stdout is exactly tests/cli/expected/FILE.
EXPECTED=$(cd "$(dirname "$0")" && pwd)/expected
expect_same_as() {
    if cmp -s "$WORK/out" "$EXPECTED/$1"; then pass; else
        fail "stdout differs from expected/$1: $(diff "$EXPECTED/$1" "$WORK/out" | head -10)"
    fi
}
# expect_json SHAPE [ONTOLOGY CONCEPT] — stdout passes tests/cli/check_json.py (parsed by
# Python's json module, shape checked; see there).
PY=${PYTHON:-/usr/bin/python3}
CHECK_JSON=$(cd "$(dirname "$0")" && pwd)/check_json.py
expect_json() {
    if "$PY" "$CHECK_JSON" "$1" "$WORK/out" ${2:+"$2"} ${3:+"$3"} 2>"$WORK/json_err"; then pass; else
        fail "JSON check: $(cat "$WORK/json_err")"
    fi
}
# expect_color yes|no ARGS... — runs ckg ARGS on a terminal (script(1)) and checks for
# escape sequences; skipped where script is missing.
expect_color() {
    want=$1
    shift
    command -v script >/dev/null 2>&1 || return 0
    LAST_CMD="ckg $* (on a terminal)"
    RC=0
    script -qec "$CKG $*" /dev/null >"$WORK/tty" 2>&1 || true
    if grep -q "$(printf '\033')\[" "$WORK/tty"; then got=yes; else got=no; fi
    if [ "$got" = "$want" ]; then pass; else fail "color on a terminal: expected $want, got $got"; fi
}
# run_on_terminal ARGS... — runs ckg with stdout and stderr on a terminal (script(1)); sets
# $RC, both streams in $WORK/tty (and $WORK/out, so expect_out reads them). Returns 1 where
# script is missing (the caller skips the checks).
run_on_terminal() {
    command -v script >/dev/null 2>&1 || return 1
    LAST_CMD="ckg $* (on a terminal)"
    cmd="$CKG"
    for a; do cmd="$cmd '$a'"; done
    set +e
    script -qec "$cmd" /dev/null >"$WORK/tty" 2>&1 </dev/null
    RC=$?
    set -e
    tr -d '\r' <"$WORK/tty" >"$WORK/out"
    : >"$WORK/err"
}
expect_no_color_in_pipe() {
    if grep -q "$(printf '\033')" "$WORK/out"; then fail "color in a pipe"; else pass; fi
}
# Sanitizers and valgrind report on stderr; a crash shows as an exit code above 128.
expect_no_crash() {
    if [ "$RC" -ge 128 ] || [ "$RC" -eq 99 ] || grep -qE 'AddressSanitizer|runtime error:|LeakSanitizer' "$WORK/err"; then
        fail "crashed or sanitizer report"
    else
        pass
    fi
}

# fixture_with CASE — a copy of the good ontology in $WORK/onto with the files of
# tests/fixtures/bad/CASE laid over it (a file named X.remove deletes X). Prints the folder.
fixture_with() {
    rm -rf "$WORK/onto"
    cp -r "$FIXTURES/good" "$WORK/onto"
    if [ -n "${1:-}" ]; then
        (cd "$FIXTURES/bad/$1" && find . -type f) | while read -r f; do
            case "$f" in
            *.remove) rm -rf "$WORK/onto/${f%.remove}" ;;
            *) mkdir -p "$WORK/onto/$(dirname "$f")" && cp "$FIXTURES/bad/$1/$f" "$WORK/onto/$f" ;;
            esac
        done
    fi
    echo "$WORK/onto"
}

# sweep K WORD... — prints the words a repeated check runs on, one a line: all of them with
# CKG_TEST_SWEEP=full (as `make check` runs the tests), else K of them (`make test`), picked
# without repeats by a generator seeded with CKG_TEST_SEED (default 1) and kept in their
# order, so a run repeats and another seed covers others. Says on stderr which it took.
sweep() {
    s_k=$1
    shift
    if [ "${CKG_TEST_SWEEP:-sample}" = full ]; then
        printf '%s\n' "$@"
        return
    fi
    s_seed=${CKG_TEST_SEED:-1}
    printf '%s\n' "$@" | awk -v seed="$s_seed" -v k="$s_k" '
        { w[NR] = $0; at[NR] = NR }
        END { # a partial Fisher-Yates shuffle of the places, then the k picked in order
            x = seed % 2147483648
            n = (k < NR) ? k : NR
            for (i = 1; i <= n; i++) {
                x = (x * 1103515245 + 12345) % 2147483648
                j = i + int(x / 65536) % (NR - i + 1)
                t = at[i]; at[i] = at[j]; at[j] = t
            }
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
                if (at[j] < at[i]) { t = at[i]; at[i] = at[j]; at[j] = t }
            for (i = 1; i <= n; i++) print w[at[i]]
        }'
    echo "  ($CURRENT: $s_k of $# cases, seed $s_seed; CKG_TEST_SWEEP=full for all)" >&2
}

finish() {
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}
