#!/bin/sh
# Installs the Debian packages that a make target needs, or, when it cannot
# (not root, or not Debian), prints the exact command that will.
#   scripts/deps.sh build|test|bench|fuzz
set -eu

build="gcc make pkg-config libcjson-dev libseccomp-dev zlib1g-dev libzstd-dev libyaml-dev"
case "${1:-build}" in
build) packages="$build" ;;
test) packages="$build zstd python3-yaml valgrind qemu-user-static gcc-aarch64-linux-gnu libc6-dev-arm64-cross libcjson-dev:arm64 libseccomp-dev:arm64 zlib1g-dev:arm64 libzstd-dev:arm64 libyaml-dev:arm64 runc busybox-static strace mandoc seccomp jq golang-github-containers-common nginx-light curl skopeo docker-registry" ;;
bench) packages="$build jq time zstd" ;;
fuzz) packages="$build clang libclang-rt-14-dev" ;;
*) echo "usage: $0 build|test|bench|fuzz" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps: not a Debian system; install the equivalents of: $packages" >&2
	exit 0
fi
missing=""
for package in $packages; do
	if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $package"
	fi
done
[ -z "$missing" ] && exit 0
# The arm64 -dev packages of the aarch64 build come through multiarch.
foreign=""
case "$missing" in
*:arm64*) dpkg --print-foreign-architectures | grep -qx arm64 || foreign=arm64 ;;
esac
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing Debian packages; run:${foreign:+ sudo dpkg --add-architecture $foreign &&} sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
[ -n "$foreign" ] && dpkg --add-architecture "$foreign" 
echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
# shellcheck disable=SC2086 # the list is meant to split
apt-get install -y -qq --no-install-recommends $missing >&2
