#!/bin/sh
# Makes sure `groovy` (Debian's groovy package) is installed, for the Jenkins library's tests: installs
# it with apt-get when it is missing and we are root on a Debian-like system; otherwise says what to do.
# Called by .ci/run and by the test's set-up.
set -eu
if command -v groovy >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[setup] installing groovy with apt-get" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends groovy >&2
  exit 0
fi
echo "[setup] error: groovy is not installed; install it (Debian/Ubuntu: apt-get install groovy) to run the Jenkins library's tests." >&2
exit 2
