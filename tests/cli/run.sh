#!/bin/sh
# run.sh — runs every tests/cli/test_*.sh against $CKG; exits non-zero if any check failed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
status=0
for t in "$here"/test_*.sh; do
    echo "== $(basename "$t")"
    sh "$t" || status=1
done
exit $status
