#!/usr/bin/env bash
# Installs the release's .deb into a fresh Debian root, as a library's IT would on a new PC
# (`apt-get install ./mediation-kit_<v>_amd64.deb`, which fetches the dependencies), then runs
# the installed kit's self-test there without network, and checks the paperwork the package
# installs (copyright, changelog, notices, licence). Needs root (chroot, mount).
#
#   sudo bash installer/check_deb_in_fresh_debian.sh [DEB] [--suite bookworm|trixie]
#
# DEB defaults to the one in dist/. The root is the one ../shared/tools/fresh-debian-ci builds:
# debootstrap --variant=minbase, plus python3, python3-venv, python3-pip, git; it is built once
# per suite and cached in /tmp/fresh-debian<N>-root.tgz (bookworm: 12, trixie: 13). The release
# workflow (.github/workflows/release.yml) runs it on the Linux .deb.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SUITE=bookworm
DEB=""
while [ $# -gt 0 ]; do
  case "$1" in
    --suite) SUITE=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) DEB=$1; shift ;;
  esac
done
[ -n "$DEB" ] || DEB=$(ls "$ROOT"/dist/mediation-kit_*_amd64.deb 2>/dev/null | head -1)
[ -f "$DEB" ] || { echo "no .deb given and none in dist/ (build one: python installer/build.py)"; exit 2; }
DEB=$(realpath "$DEB")
[ "$(id -u)" = 0 ] || { echo "needs root (chroot): sudo bash $0 $*"; exit 2; }
case "$SUITE" in bookworm) NUMBER=12 ;; trixie) NUMBER=13 ;; *) echo "unknown suite $SUITE"; exit 2 ;; esac
TGZ=/tmp/fresh-debian$NUMBER-root.tgz

if [ ! -f "$TGZ" ]; then
  echo "building a fresh Debian $NUMBER root (debootstrap, about a minute) ..."
  command -v debootstrap >/dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap >/dev/null; }
  B=$(mktemp -d /tmp/fresh-debian-build.XXXX)
  debootstrap --variant=minbase "$SUITE" "$B" http://deb.debian.org/debian >/dev/null
  cp /etc/resolv.conf "$B/etc/resolv.conf"
  mount --bind /proc "$B/proc"; mount --bind /dev "$B/dev"
  chroot "$B" /bin/bash -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip git ca-certificates >/dev/null && apt-get clean"
  umount "$B/proc" "$B/dev"
  tar -C "$B" -czf "$TGZ.part" . && mv "$TGZ.part" "$TGZ" && rm -rf "$B"
fi

R=$(mktemp -d /tmp/fresh-debian-deb.XXXX)
cleanup() { umount "$R/proc" "$R/dev" 2>/dev/null || true; rm -rf "$R"; }
trap cleanup EXIT
tar -xzf "$TGZ" -C "$R"
cp /etc/resolv.conf "$R/etc/resolv.conf"
mount --bind /proc "$R/proc"; mount --bind /dev "$R/dev"
cp "$DEB" "$R/tmp/"
NAME=$(basename "$DEB")
IN_ROOT=(chroot "$R" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)

echo "== apt-get install ./$NAME on a fresh Debian $NUMBER ($SUITE)"
"${IN_ROOT[@]}" /bin/bash -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/$NAME >/dev/null"
"${IN_ROOT[@]}" dpkg-query -W -f '${Package} ${Version} installed (${Installed-Size} KiB)\n' mediation-kit

echo "== the paperwork the package installs"
for file in /usr/share/doc/mediation-kit/copyright /usr/share/doc/mediation-kit/changelog.gz \
            /usr/share/lintian/overrides/mediation-kit /opt/mediation-kit/LICENSE.txt \
            /opt/mediation-kit/THIRD-PARTY-NOTICES.txt; do
  [ -s "$R$file" ] || { echo "missing or empty: $file"; exit 1; }
  echo "   ok $file ($(stat -c %s "$R$file") bytes)"
done
zcat "$R/usr/share/doc/mediation-kit/changelog.gz" | head -1
if find "$R/opt/mediation-kit" -name '*WRITELOCK' | grep -q .; then
  echo "a lock file is installed"; exit 1
fi

echo "== mediation-kit --self-test (no network, a throwaway home, no display)"
mkdir -p "$R/tmp/selftest-home"
set +e
unshare -n chroot "$R" /usr/bin/env -i HOME=/tmp/selftest-home LANG=C.UTF-8 \
  PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/selftest-home \
  mediation-kit --self-test > "$R/tmp/selftest.json" 2> "$R/tmp/selftest.err"
status=$?
python3 - "$R/tmp/selftest.json" "$status" <<'EOF'
import json, sys
path, status = sys.argv[1], int(sys.argv[2])
try:
    report = json.load(open(path, encoding="utf-8"))
except ValueError:
    print(f"no JSON report (exit {status}):", open(path, encoding="utf-8").read()[-2000:])
    sys.exit(1)
for check in report.get("checks", []):
    print(f"   {'ok  ' if check.get('ok') else 'FAIL'} {check['name']:<16} {check.get('error', '')}")
sys.exit(0 if status == 0 and report.get("ok") else 1)
EOF
result=$?
set -e
[ $result = 0 ] || { echo "--- stderr"; tail -20 "$R/tmp/selftest.err"; }

SUMS=$(dirname "$DEB")/SHA256SUMS
if [ $result = 0 ] && [ -f "$SUMS" ] && [ -f "$SUMS.sig" ]; then
  echo "== mediation-kit --verify-download $NAME SHA256SUMS SHA256SUMS.sig"
  cp "$SUMS" "$SUMS.sig" "$R/tmp/"
  "${IN_ROOT[@]}" mediation-kit --verify-download "/tmp/$NAME" /tmp/SHA256SUMS /tmp/SHA256SUMS.sig
fi
echo "fresh Debian $NUMBER: $([ $result = 0 ] && echo PASSED || echo FAILED)"
exit $result
