#!/bin/sh
# variants.sh OUTDIR — maps that do not ship but must read as well as those that do: other
# languages, engines, scopes and filters, and the hostile fixture. `make browser-test` checks
# them in Chromium along with output/; those named slide-*.svg are default slides and are
# also measured on a 1920x1080 slide (check_maps.py --slide slide).
set -eu
: "${CKG:?set CKG to the ckg binary}"
out=$1
here=$(cd "$(dirname "$0")" && pwd)
hostile="$here/../fixtures/render/hostile"
mkdir -p "$out"
"$CKG" render --lang en -o "$out/slide-all-en.svg"
"$CKG" render --paper zhai2024 --lang both -o "$out/slide-zhai2024-both.svg"
"$CKG" render --paper peng2024 --hide new-quality-productive-forces -o "$out/slide-peng2024-hidden-hub.svg"
"$CKG" render --theme 技术革命性突破 -o "$out/slide-technology.svg"
"$CKG" render --engine sfdp --top all --lang en -o "$out/all-en.svg"
"$CKG" render --min-papers 3 --top all -o "$out/all-min-papers-3.svg"
"$CKG" render --paper peng2024 --engine dot --top all -o "$out/peng2024-dot.svg"
"$CKG" render --paper hong2024 --engine neato --size-by betweenness -o "$out/hong2024-neato.svg"
"$CKG" render --paper conditions2024 --engine fdp --size-by degree -o "$out/conditions2024-fdp.svg"
"$CKG" render --paper forum2024 --engine circo --top all -o "$out/forum2024-circo.svg"
"$CKG" render --theme technology --engine twopi --lang both --top all -o "$out/technology-twopi.svg"
"$CKG" render --focus data-factor --depth 2 --lang both -o "$out/ego-data-factor-2.svg"
"$CKG" render --focus digital-economy --ties --engine dot -o "$out/ego-digital-economy-dot.svg"
"$CKG" render --diff forum2024/yang-ruilong forum2024/yi-tong --lang both --engine dot -o "$out/diff-forum-dot.svg" 2>/dev/null
"$CKG" render --diff zhai2024 conditions2024 --focus new-quality-productive-forces \
    -o "$out/diff-ego-radial.svg" 2>/dev/null
"$CKG" --ontology "$hostile" render --lang both --engine dot -o "$out/hostile-dot.svg"
"$CKG" --ontology "$hostile" render --lang both -o "$out/hostile-sfdp.svg"
"$CKG" --ontology "$hostile" render --lang both --focus script-concept -o "$out/hostile-radial.svg"
"$CKG" --ontology "$hostile" render --lang both --diff hostile hostile-b/part -o "$out/hostile-diff.svg" 2>/dev/null
