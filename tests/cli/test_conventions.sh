#!/bin/sh
# test_conventions.sh — what every command does with a mistake: an unknown command or option
# gets the one meant (did you mean), in one line and exit 2, never the whole help; choices
# ignore case; counts are whole numbers from 1 to a maximum, with a plain message otherwise.
set -eu
. "$(dirname "$0")/lib.sh"
GOOD="$FIXTURES/good"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

test_case unknown_command_gets_the_one_meant
run --ontology "$GOOD" neighbours 数据要素
expect_rc 2
expect_err_is "ckg: unknown command 'neighbours' (did you mean 'neighbors'?)"
expect_out_empty
run --ontology "$GOOD" Neighbors 数据要素
expect_rc 2
expect_err_is "ckg: unknown command 'Neighbors' (did you mean 'neighbors'?)"
run help neighbours
expect_rc 2
expect_err_is "ckg: unknown command 'neighbours' (did you mean 'neighbors'?)"
run frobnicate
expect_rc 2
expect_err_is "ckg: unknown command 'frobnicate' (see 'ckg --help')"
run --versoin
expect_rc 2
expect_err_is "ckg: unknown option '--versoin' (did you mean '--version'?)"
run --format json neighbors x
expect_rc 2
expect_err_is "ckg: unknown option '--format' (a command's options go after its name: 'ckg COMMAND --help')"

test_case unknown_option_gets_the_one_meant_not_the_help
run --ontology "$GOOD" neighbors 数据要素 --depht 2
expect_rc 2
expect_err_is "ckg neighbors: unknown option '--depht' (did you mean '--depth'?)"
expect_out_empty
run --ontology "$GOOD" neighbors 数据要素 --depht=2
expect_rc 2
expect_err_is "ckg neighbors: unknown option '--depht' (did you mean '--depth'?)"
run --ontology "$GOOD" neighbors 数据要素 --ontolgy x
expect_rc 2
expect_err_is "ckg neighbors: unknown option '--ontolgy' (did you mean '--ontology'?)"
run --ontology "$GOOD" metrics --frobnicate
expect_rc 2
expect_err_is "ckg metrics: unknown option '--frobnicate' (see 'ckg metrics --help')"
run --ontology "$GOOD" neighbors 数据要素 -x
expect_rc 2
expect_err_is "ckg neighbors: unknown option '-x' (see 'ckg neighbors --help')"
run --ontology "$GOOD" neighbors 数据要素 -ex
expect_rc 2
expect_err_is "ckg neighbors: unknown option '-x' (see 'ckg neighbors --help')"
# after a long flag, an unknown letter in a cluster is still the letter
run --ontology "$GOOD" neighbors 数据要素 --evidence -ex
expect_rc 2
expect_err_is "ckg neighbors: unknown option '-x' (see 'ckg neighbors --help')"

test_case abbreviations_values_and_flags
run --ontology "$GOOD" neighbors 数据要素 --d 2
expect_rc 2
expect_err_is "ckg neighbors: '--d' could be --depth or --direction"
run --ontology "$GOOD" neighbors 数据要素 --dep 2 --format json
expect_rc 0
run --ontology "$GOOD" neighbors 数据要素 --depth
expect_rc 2
expect_err_is "ckg neighbors: --depth needs a value (see 'ckg neighbors --help')"
run --ontology "$GOOD" neighbors 数据要素 -d
expect_rc 2
expect_err_is "ckg neighbors: --depth needs a value (see 'ckg neighbors --help')"
run --ontology "$GOOD" neighbors 数据要素 --evidence=yes
expect_rc 2
expect_err_is "ckg neighbors: --evidence takes no value, not 'yes'"
run --ontology "$GOOD" neighbors 数据要素 --help
expect_rc 0
expect_out "usage: ckg neighbors"

test_case choices_ignore_case
run --ontology "$GOOD" neighbors 数据要素 --format JSON
expect_rc 0
expect_out '"neighbors"'
run --ontology "$GOOD" neighbors 数据要素 --direction Out --format Csv
expect_rc 0
expect_out "depth,direction,kind"
run --ontology "$GOOD" metrics --format Xml
expect_rc 2
expect_err_is "ckg metrics: unknown format 'Xml' (text, csv or json)"

test_case counts_are_checked_with_a_plain_message
run --ontology "$GOOD" metrics --top -3
expect_rc 2
expect_err_is "ckg metrics: --top wants a whole number from 1 to 1000000, not '-3'"
run --ontology "$GOOD" metrics --top 0
expect_rc 2
expect_err_is "ckg metrics: --top wants a whole number from 1 to 1000000, not '0'"
run --ontology "$GOOD" metrics --top 99999999999999999999999
expect_rc 2
expect_err_is "ckg metrics: --top can be at most 1000000, not '99999999999999999999999'"
run --ontology "$GOOD" metrics --top 1000001
expect_rc 2
expect_err_is "ckg metrics: --top can be at most 1000000, not '1000001'"
run --ontology "$GOOD" metrics --top 1000000
expect_rc 0
for bad in abc 1.5 3x "" " 3" 0x10; do
    run --ontology "$GOOD" metrics --top "$bad"
    expect_rc 2
    expect_err_is "ckg metrics: --top wants a whole number, not '$bad'"
done
run --ontology "$GOOD" neighbors 数据要素 --depth 0
expect_rc 2
expect_err_is "ckg neighbors: --depth wants a whole number from 1 to 1000000, not '0'"
run --ontology "$GOOD" render --focus 数据要素 --depth 101
expect_rc 2
expect_err_is "ckg render: --depth can be at most 100, not '101'"
run --ontology "$GOOD" metrics --threads 65
expect_rc 2
expect_err_is "ckg metrics: --threads can be at most 64, not '65'"
run --ontology "$GOOD" search 数据 --limit=-1
expect_rc 2
expect_err_is "ckg search: --limit wants a whole number from 1 to 1000000, not '-1'"

test_case long_or_binary_output_is_not_poured_onto_a_terminal
M="$FIXTURES/metrics/bridge"
if run_on_terminal --ontology "$ROOT/ontology" export; then
    expect_rc 2
    expect_out "ckg export: the output is "
    expect_out "lines ("
    expect_out "KiB), too long for a terminal: write it with -o FILE (or -o - to send it here anyway)"
    expect_no_out '"concepts"'
    run_on_terminal --ontology "$ROOT/ontology" render --focus 数据要素
    expect_rc 2
    expect_out "too long for a terminal: write it with -o FILE (or -o - to send it here anyway)"
    expect_no_out "<svg"
    # -o - asks for it anyway; a short export is shown; a file is written as usual
    run_on_terminal --ontology "$ROOT/ontology" export -o -
    expect_rc 0
    expect_out '"concepts"'
    run_on_terminal --ontology "$M" export --format dot
    expect_rc 0
    expect_out 'digraph ckg {'
    run_on_terminal --ontology "$ROOT/ontology" export -o "$WORK/all.json"
    expect_rc 0
    if grep -q '"concepts"' "$WORK/all.json"; then pass; else fail "export -o FILE on a terminal"; fi
fi
# a pipe or a file takes everything, however long
run --ontology "$ROOT/ontology" export
expect_rc 0
expect_out '"relations"'
run --ontology "$ROOT/ontology" render --focus 数据要素
expect_rc 0
expect_out '</svg>'

finish
