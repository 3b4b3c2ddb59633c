#!/bin/sh
# maps.sh CKG OUTDIR — render the concept maps that ship in output/ into OUTDIR.
#
#   all.svg                                 every paper, sfdp (194 concepts read best spread out)
#   <paper>.svg                             one per paper (ontology/papers/<paper>.yaml), sfdp
#   ego-new-quality-productive-forces.svg   新质生产力 and its neighbours, radial
#   diff-peng2024-hong2024.svg              the two papers on one map (render --diff), sfdp
#   atlas.html                              the concept atlas: every map, concept and quote in
#                                           one offline page (ckg atlas); not committed, as it
#                                           carries paragraphs of the papers (.gitignore)
#
# `make maps` renders into output/; `make check` renders into a temporary folder and
# compares bytes, so output/ must be re-rendered whenever the ontology changes.
set -eu
ckg=$1
out=$2
mkdir -p "$out"
"$ckg" render --engine sfdp -o "$out/all.svg"
for f in ontology/papers/*.yaml; do
    paper=$(basename "$f" .yaml)
    "$ckg" render --paper "$paper" --engine sfdp -o "$out/$paper.svg"
done
"$ckg" render --focus new-quality-productive-forces --engine radial \
    -o "$out/ego-new-quality-productive-forces.svg"
"$ckg" render --diff peng2024 hong2024 --engine sfdp -o "$out/diff-peng2024-hong2024.svg"
"$ckg" atlas --diff peng2024 hong2024 -o "$out/atlas.html"
