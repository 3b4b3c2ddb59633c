#!/bin/sh
# seeds.sh OUT — seed corpora for the fuzz targets, built from the test fixtures:
#   OUT/fuzz_load/  the good fixture ontology and each bad fixture laid over it, every
#                   ontology as one buffer of files separated by "#--8<--" lines;
#   OUT/fuzz_text/  each fixture text (and each text of $CKG_CORPUS or ../shared/corpus when
#                   present) with quotes from the fixture papers, as fuzz_text reads them:
#                   two bytes of quote length, the text, the quote.
set -eu
out=$1
here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../fixtures"
rm -rf "$out/fuzz_load" "$out/fuzz_text"
mkdir -p "$out/fuzz_load" "$out/fuzz_text"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

files="themes.yaml relations.yaml concepts/core.yaml concepts/factors.yaml concepts/technology.yaml papers/alpha.yaml papers/beta.yaml"
pack() { # pack DIR > buffer
    first=1
    for f in $files; do
        [ $first -eq 1 ] || printf '\n#--8<--\n'
        first=0
        [ -f "$1/$f" ] && cat "$1/$f"
    done
}
pack "$fixtures/good" > "$out/fuzz_load/good"
for case in "$fixtures"/bad/*; do
    rm -rf "$tmp/onto"
    cp -r "$fixtures/good" "$tmp/onto"
    (cd "$case" && find . -type f) | while read -r f; do
        case "$f" in
        *.remove) rm -rf "$tmp/onto/${f%.remove}" ;;
        *) mkdir -p "$tmp/onto/$(dirname "$f")" && cp "$case/$f" "$tmp/onto/$f" ;;
        esac
    done
    pack "$tmp/onto" > "$out/fuzz_load/bad-$(basename "$case")"
done

corpus=${CKG_CORPUS:-$here/../../../shared/corpus}
quotes=$(grep -h 'quote:' "$fixtures"/good/papers/*.yaml | sed 's/^ *- quote: //' | head -8)
n=0
for text in "$fixtures"/corpus/*.txt "$corpus"/*.txt; do
    [ -f "$text" ] || continue
    echo "$quotes" | while IFS= read -r q; do
        len=$(printf '%s' "$q" | wc -c)
        {
            printf "\\$(printf %03o $((len / 256)))\\$(printf %03o $((len % 256)))"
            cat "$text"
            printf '%s' "$q"
        } > "$out/fuzz_text/$(basename "$text" .txt)-$(printf '%s' "$q" | cksum | cut -d' ' -f1)"
    done
    n=$((n + 1))
done
echo "seeds: $(ls "$out/fuzz_load" | wc -l) for fuzz_load, $(ls "$out/fuzz_text" | wc -l) for fuzz_text"
