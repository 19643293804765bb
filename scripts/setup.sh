#!/usr/bin/env bash
# Installs what capsim needs beyond the Swift toolchain: GSL (libgsl-dev)
# and pkg-config, from Debian's packages. Does nothing when both are there.
set -euo pipefail
if pkg-config --exists gsl 2>/dev/null; then
  exit 0
fi
echo "setup: installing libgsl-dev and pkg-config" >&2
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libgsl-dev pkg-config >/dev/null
pkg-config --exists gsl
