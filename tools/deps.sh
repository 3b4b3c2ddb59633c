#!/bin/sh
# deps.sh PACKAGE... — install the Debian packages that are missing, and only those.
# Quick when everything is present (one dpkg-query); otherwise apt-get update + install,
# as root or through sudo. Fails with a clear message when it cannot install.
set -eu
missing=""
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing="$missing $pkg"
done
[ -n "$missing" ] || exit 0
echo "deps: installing$missing"
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "deps: missing packages:$missing; run as root or install them with apt-get" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
