#!/bin/sh
# run.sh [NAME...] — runs tests/cli/test_NAME.sh (default: every test_*.sh) against $CKG;
# exits non-zero if any check failed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
status=0
if [ $# -eq 0 ]; then
    set -- "$here"/test_*.sh
else
    for name; do shift; set -- "$@" "$here/test_$name.sh"; done
fi
for t; do
    echo "== $(basename "$t")"
    sh "$t" || status=1
done
exit $status
