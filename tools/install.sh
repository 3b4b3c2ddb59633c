#!/bin/sh
# install.sh — puts ckg's files under a prefix, and takes exactly those away again.
#
#   install.sh install ROOT MODE:SOURCE=DESTINATION...   (DESTINATION relative to ROOT)
#   install.sh uninstall ROOT
#
# ROOT is $(DESTDIR)$(PREFIX). `install` copies each SOURCE with `install -m MODE` and
# records in ROOT/share/ckg/install-manifest every file it put ("file bin/ckg") and every
# folder it had to make ("dir share/ckg"), added to what an earlier install recorded there.
# `uninstall` removes the files of the manifest, the manifest, then the folders it made,
# deepest first, each only when empty: a folder that was there before (ROOT/bin) stays, and
# so does anything someone else put in ckg's folders (uninstall names it).
set -eu

manifest_path=share/ckg/install-manifest

usage() {
    echo "usage: install.sh install ROOT MODE:SOURCE=DESTINATION... | install.sh uninstall ROOT" >&2
    exit 2
}

[ $# -ge 2 ] || usage
action=$1
root=${2%/}
shift 2
manifest=$root/$manifest_path

case $action in
install)
    [ $# -ge 1 ] || usage
    mkdir -p "$root"
    new=$(mktemp)
    trap 'rm -f "$new"' EXIT
    [ -f "$manifest" ] && cat "$manifest" >"$new"
    # make_dirs DIR — makes each missing folder of DIR (relative to root), recording it
    make_dirs() {
        path=
        old_ifs=$IFS
        IFS=/
        for part in $1; do
            path=${path:+$path/}$part
            if [ ! -d "$root/$path" ]; then
                mkdir "$root/$path"
                echo "dir $path" >>"$new"
            fi
        done
        IFS=$old_ifs
    }
    for item; do
        mode=${item%%:*}
        rest=${item#*:}
        source=${rest%%=*}
        dest=${rest#*=}
        case $dest in /* | *..*) echo "install.sh: '$dest' is not a path inside the prefix" >&2; exit 2 ;; esac
        make_dirs "$(dirname "$dest")"
        install -m "$mode" "$source" "$root/$dest"
        echo "file $dest" >>"$new"
    done
    make_dirs "$(dirname "$manifest_path")"
    sort -u "$new" >"$manifest.tmp"
    mv "$manifest.tmp" "$manifest"
    echo "installed $# files under $root (the list: $manifest)"
    ;;
uninstall)
    if [ ! -f "$manifest" ]; then
        echo "install.sh: nothing to uninstall: no $manifest" >&2
        exit 1
    fi
    removed=0
    while read -r what path; do
        if [ "$what" = file ] && { [ -e "$root/$path" ] || [ -L "$root/$path" ]; }; then
            rm -f "$root/$path"
            removed=$((removed + 1))
        fi
    done <"$manifest"
    dirs=$(sed -n 's/^dir //p' "$manifest" | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2-)
    rm -f "$manifest"
    kept=
    for d in $dirs; do
        rmdir "$root/$d" 2>/dev/null || kept="$kept $root/$d"
    done
    echo "removed $removed files from $root"
    for d in $kept; do
        [ -d "$d" ] && echo "kept $d: it holds files ckg did not install"
    done
    ;;
*) usage ;;
esac
