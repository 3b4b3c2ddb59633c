#!/bin/bash
# steps.sh [-j N] [-l LOGDIR] NAME[:AFTER,...]=COMMAND... — runs the commands side by side,
# at most N at a time (default: the number of CPUs). A step starts once the steps named
# after its colon have ended well (a step after one that failed is skipped), and ready steps
# start in the order given, so the longest should come first. Each command runs in its own
# shell with its output in LOGDIR/NAME.log (default build/steps); when it ends, its log is
# printed whole under a line with its name, status, duration and CPU time (user + system of
# all its processes), so the logs of concurrent steps never interleave. At the end, a table
# of every step. Exits 1 if any step failed or was skipped, after all others have run.
#
# `make test` and `make check` run their steps through this script.
set -u
jobs=$(nproc 2>/dev/null || echo 2)
logdir=build/steps
usage() { echo "usage: steps.sh [-j N] [-l LOGDIR] NAME[:AFTER,...]=COMMAND..." >&2; exit 2; }
while getopts j:l: opt; do
    case $opt in
    j) jobs=$OPTARG ;;
    l) logdir=$OPTARG ;;
    *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ "$jobs" -ge 1 ] 2>/dev/null || { echo "steps.sh: -j needs a positive number" >&2; exit 2; }
[ $# -gt 0 ] || usage
mkdir -p "$logdir" || exit 2

names=() afters=() commands=()
declare -A index state # state: waiting, running, ok, failed, skipped
for arg; do
    head=${arg%%=*}
    name=${head%%:*}
    after=
    [ "$head" = "$name" ] || after=${head#*:}
    case $name in
    "" | *[!A-Za-z0-9_.-]*) echo "steps.sh: '$arg' is not NAME[:AFTER,...]=COMMAND" >&2; exit 2 ;;
    esac
    [ "$head" != "$arg" ] || { echo "steps.sh: '$arg' has no command" >&2; exit 2; }
    [ -z "${index[$name]:-}" ] || { echo "steps.sh: two steps named '$name'" >&2; exit 2; }
    index[$name]=${#names[@]}
    state[$name]=waiting
    names+=("$name") afters+=("${after//,/ }") commands+=("${arg#*=}")
done
for i in "${!names[@]}"; do
    for a in ${afters[$i]}; do
        [ -n "${index[$a]:-}" ] || { echo "steps.sh: ${names[$i]} waits for unknown step '$a'" >&2; exit 2; }
    done
done

declare -A step_of started
results=() failed=0 running=0
t0=$(date +%s)
now() { date +%s; }

# ready I — 0 when step I may start, 1 when it must wait, 2 when a step before it failed.
ready() {
    local a
    for a in ${afters[$1]}; do
        case ${state[$a]} in
        ok) ;;
        failed | skipped) return 2 ;;
        *) return 1 ;;
        esac
    done
    return 0
}

start() {
    local i=$1 log="$logdir/${names[$1]}.log" cpu="$logdir/${names[$1]}.cpu"
    rm -f "$log" "$cpu"
    # shellcheck disable=SC2016
    bash -c 'TIMEFORMAT="%U %S"; { time bash -c "$1" >"$2" 2>&1 </dev/null; } 2>"$3"' _ \
        "${commands[$i]}" "$log" "$cpu" &
    step_of[$!]=$i
    started[$i]=$(now)
    state[${names[$i]}]=running
    running=$((running + 1))
    echo "-- started ${names[$i]} (at $(($(now) - t0)) s)"
}

while :; do
    progress=1
    while [ "$progress" -eq 1 ]; do # skip what cannot run, start what can while slots are free
        progress=0
        for i in "${!names[@]}"; do
            [ "${state[${names[$i]}]}" = waiting ] || continue
            ready "$i"
            case $? in
            0) [ "$running" -lt "$jobs" ] && { start "$i"; progress=1; } ;;
            2) state[${names[$i]}]=skipped
               failed=1
               echo "== ${names[$i]}: skipped (a step it waits for did not succeed)"
               results+=("$(printf '%-24s %5s    %9s    %s' "${names[$i]}" - - skipped)")
               progress=1 ;;
            esac
        done
    done
    [ "$running" -gt 0 ] || break
    pid=
    wait -n -p pid
    rc=$?
    [ -n "$pid" ] || continue
    i=${step_of[$pid]}
    unset "step_of[$pid]"
    running=$((running - 1))
    took=$(($(now) - ${started[$i]}))
    cpu=$(awk '{ printf "%.0f", $1 + $2 }' "$logdir/${names[$i]}.cpu" 2>/dev/null)
    if [ "$rc" -eq 0 ]; then
        verdict=ok
        state[${names[$i]}]=ok
    else
        verdict="FAILED (exit $rc)"
        state[${names[$i]}]=failed
        failed=1
    fi
    echo "== ${names[$i]}: $verdict in $took s (cpu ${cpu:-?} s)"
    cat "$logdir/${names[$i]}.log"
    results+=("$(printf '%-24s %5s s  cpu %5s s  %s' "${names[$i]}" "$took" "${cpu:-?}" "$verdict")")
done

echo "== steps: $jobs at a time, $(($(now) - t0)) s in all; logs in $logdir/"
printf '   %s\n' "${results[@]}"
exit "$failed"
