#!/bin/sh
# atlas.sh OUTDIR — the concept atlas in Chromium (check_atlas.py): the shipped ontology's
# atlas as `make maps` builds it, checked against what $CKG says, then the hostile fixture's
# atlas, built from source texts that wrap every quote in markup (hostile_corpus.py). Part
# of `make browser-test`; pass --shots DIR after OUTDIR to keep screenshots.
set -eu
: "${CKG:?set CKG to the ckg binary}"
out=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-/usr/bin/python3}
hostile="$here/../fixtures/render/hostile"
mkdir -p "$out"
"$CKG" atlas --diff peng2024 hong2024 -o "$out/atlas.html"
"$py" "$here/check_atlas.py" --ckg "$CKG" --diff peng2024 hong2024 "$@" "$out/atlas.html"
"$py" "$here/../cli/hostile_corpus.py" "$hostile" "$out/hostile-corpus"
"$CKG" --ontology "$hostile" --corpus "$out/hostile-corpus" atlas --engine dot \
    --diff hostile hostile-b/part -o "$out/hostile.html"
"$py" "$here/check_atlas.py" --hostile "$hostile" "$@" "$out/hostile.html"
