#!/bin/sh
# Makes sure the Debian tools some tests run are installed: `groovy` (the Jenkins library's tests),
# `zsh` and `fish` (the completion tests), `unzip` (the TeamCity agent tool as a user unpacks it) and
# `wine64` (the Jenkins step's bat script run by a real cmd.exe). Installs the missing ones with apt-get
# when we are root on a Debian-like system; otherwise says what to do. Called by .ci/run (all of them)
# and by the tests' set-up (the ones each needs), so `npm test` on a fresh machine works too.
# Usage: scripts/ensure-system-tools.sh TOOL [TOOL ...]   (each tool's Debian package has its name)
set -eu
# Debian's wine64 puts its loader outside the PATH (the `wine` package adds the wrapper on the PATH).
installed() {
  case "$1" in
    wine64) test -x /usr/lib/wine/wine64 ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
  esac
}
missing=""
for tool in "$@"; do
  installed "$tool" || missing="$missing $tool"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[setup] installing$missing with apt-get" >&2
  apt-get update -qq >&2
  # shellcheck disable=SC2086 # one package per word
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
  exit 0
fi
echo "[setup] error:$missing not installed; install them (Debian/Ubuntu: apt-get install$missing) to run the tests that use them." >&2
exit 2
