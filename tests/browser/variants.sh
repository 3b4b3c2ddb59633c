#!/bin/sh
# variants.sh OUTDIR — maps that do not ship but must read as well as those that do: other
# languages, engines and scopes, and the hostile fixture. `make browser-test` checks them in
# Chromium along with output/.
set -eu
: "${CKG:?set CKG to the ckg binary}"
out=$1
here=$(cd "$(dirname "$0")" && pwd)
hostile="$here/../fixtures/render/hostile"
mkdir -p "$out"
"$CKG" render --engine sfdp --lang en -o "$out/all-en.svg"
"$CKG" render --paper zhai2024 --engine sfdp --lang both -o "$out/zhai2024-both.svg"
"$CKG" render --paper peng2024 -o "$out/peng2024-dot.svg"
"$CKG" render --paper hong2024 --engine neato --size-by betweenness -o "$out/hong2024-neato.svg"
"$CKG" render --paper conditions2024 --engine fdp --size-by degree -o "$out/conditions2024-fdp.svg"
"$CKG" render --paper forum2024 --engine circo -o "$out/forum2024-circo.svg"
"$CKG" render --theme technology --engine twopi --lang both -o "$out/technology-twopi.svg"
"$CKG" render --focus data-factor --depth 2 --engine radial --lang both -o "$out/ego-data-factor-2.svg"
"$CKG" render --focus digital-economy --ties -o "$out/ego-digital-economy-dot.svg"
"$CKG" render --diff forum2024/yang-ruilong forum2024/yi-tong --lang both -o "$out/diff-forum-dot.svg"
"$CKG" render --diff zhai2024 conditions2024 --focus new-quality-productive-forces --engine radial \
    -o "$out/diff-ego-radial.svg"
"$CKG" --ontology "$hostile" render --lang both -o "$out/hostile-dot.svg"
"$CKG" --ontology "$hostile" render --lang both --engine sfdp -o "$out/hostile-sfdp.svg"
"$CKG" --ontology "$hostile" render --lang both --diff hostile hostile-b/part -o "$out/hostile-diff.svg"
