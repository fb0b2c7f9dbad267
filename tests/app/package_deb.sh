#!/usr/bin/env bash
# `cpack -G DEB` builds a package that installs the program, both systemd units and the example
# screen config, runs its postinst, and declares the Debian libraries and fonts it needs.
# usage: package_deb.sh BUILD_DIR
set -u
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$work/cpack.log" >&2 2>/dev/null; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 || fail "cpack failed"
deb=$(ls "$work"/hallboard_*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "no .deb was written"
dpkg-deb -c "$deb" >"$work/contents"
for file in ./usr/bin/hallboard ./usr/lib/systemd/system/hallboard-player.service \
  ./usr/lib/systemd/system/hallboard-server.service ./usr/share/doc/hallboard/examples/screen.yaml \
  ./usr/share/hallboard/themes/default.yaml; do
  grep -q " $file\$" "$work/contents" || fail "the package lacks $file"
done
depends=$(dpkg-deb -f "$deb" Depends)
for package in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 libcurl4 libsodium23 libsqlite3-0 libyaml-cpp \
  libunibreak fonts-noto-cjk adduser; do
  grep -q "$package" <<<"$depends" || fail "Depends lacks $package: $depends"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -q postinst || fail "no postinst"
echo "ok: $(basename "$deb"), $(stat -c %s "$deb") bytes; Depends: $depends"
