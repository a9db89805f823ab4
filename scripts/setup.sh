#!/usr/bin/env bash
# Installs partnermap into ./.venv on Debian: the system packages it needs from apt, then the
# project with pip. `--test` adds the test tools (pytest, Playwright's client, ruff, poppler).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(chromium fonts-noto-cjk fonts-liberation2)
extra=""
if [ "${1:-}" = "--test" ]; then
  apt_packages+=(poppler-utils)
  extra="[test]"
fi
python3 -c "import ensurepip, venv" 2>/dev/null || apt_packages+=(python3-venv)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extra}"
