#!/usr/bin/env bash
# Installs everything Hallboard needs to build, run and test, from Debian's packages only.
# Idempotent: packages already installed are left alone. Works as root or through sudo.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
  libyaml-cpp-dev libfontconfig-dev libunibreak-dev libicu-dev
  libcurl4-openssl-dev libsodium-dev libcpp-httplib-dev libsqlite3-dev nlohmann-json3-dev
  doctest-dev
  clang libclang-rt-14-dev llvm clang-format
  fonts-noto-cjk fonts-wqy-microhei
  xvfb xauth nginx-light curl sqlite3 iproute2 python3
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "setup: need root (or sudo) to install: ${missing[*]}" >&2
  exit 1
fi

echo "setup: installing ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
