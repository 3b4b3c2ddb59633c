#!/bin/sh
# maps.sh CKG OUTDIR — render the concept maps that ship in output/ into OUTDIR.
#
#   all.svg, all.png                        every paper: the overview slide
#   all-full.svg                            every paper, every concept (the poster)
#   <paper>.svg, <paper>.png                one slide per paper (ontology/papers/<paper>.yaml)
#   <paper>-full.svg                        each paper's every concept (the poster)
#   ego-new-quality-productive-forces.svg, .png
#                                           新质生产力 and the neighbours that fit a slide
#   ego-new-quality-productive-forces-full.svg
#                                           新质生产力 and all its neighbours
#   diff-peng2024-hong2024.svg              the two papers on one map (render --diff)
#   atlas.html                              the concept atlas: every map, concept and quote in
#                                           one offline page (ckg atlas); not committed, as it
#                                           carries paragraphs of the papers (.gitignore)
#
# The slides are ckg render's defaults (sfdp, radial for the ego map), arranged to be
# projected as they are; the PNGs are the same slides as cairo draws them, at the smallest
# resolution that covers a 1920x1080 slide. `make maps` renders into output/; `make check`
# renders into a temporary folder and compares bytes (PNGs too: cairo draws the same bytes
# from the same map), so output/ must be re-rendered whenever the ontology changes.
set -eu
ckg=$1
out=$2
mkdir -p "$out"
ego=new-quality-productive-forces
"$ckg" render -o "$out/all.svg"
"$ckg" render -o "$out/all.png"
"$ckg" render --top all -o "$out/all-full.svg"
for f in ontology/papers/*.yaml; do
    paper=$(basename "$f" .yaml)
    "$ckg" render --paper "$paper" -o "$out/$paper.svg"
    "$ckg" render --paper "$paper" -o "$out/$paper.png"
    "$ckg" render --paper "$paper" --top all -o "$out/$paper-full.svg"
done
"$ckg" render --focus "$ego" -o "$out/ego-$ego.svg"
"$ckg" render --focus "$ego" -o "$out/ego-$ego.png"
"$ckg" render --focus "$ego" --top all -o "$out/ego-$ego-full.svg"
"$ckg" render --diff peng2024 hong2024 -o "$out/diff-peng2024-hong2024.svg"
"$ckg" atlas --diff peng2024 hong2024 -o "$out/atlas.html"
