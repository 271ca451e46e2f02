#!/usr/bin/env bash
# What the tests need from the system, in one place (npm test, npm run test:scale and .ci/run
# all call this):
#   chromium    Debian's Chromium, for the browser check of the e2e suite (npm test)
#   redis       redis-server, for the scale-out test (npm run test:scale)
#   postgresql  PostgreSQL's server binaries, for the scale-out test
# Each named tool that is missing is installed with apt-get when this runs as root and apt-get
# exists; otherwise the script stops at once and prints the exact command to run.
# Usage: bash scripts/system-deps.sh chromium [redis] [postgresql]
set -euo pipefail

present() {
	case "$1" in
	chromium) [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] ;;
	redis) command -v redis-server >/dev/null 2>&1 ;;
	postgresql) compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null ;;
	*)
		echo "[system-deps] unknown tool '$1' (known: chromium, redis, postgresql)" >&2
		exit 2
		;;
	esac
}

package_of() {
	case "$1" in
	redis) echo redis-server ;;
	*) echo "$1" ;;
	esac
}

missing=()
for tool in "$@"; do
	present "$tool" || missing+=("$(package_of "$tool")")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command_line="apt-get update && apt-get install -y ${missing[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	{
		echo "[system-deps] the tests need: ${missing[*]} (not installed)."
		if command -v apt-get >/dev/null 2>&1; then
			echo "[system-deps] run as root, then run the tests again:"
			echo "    sudo sh -c '$command_line'"
		else
			echo "[system-deps] no apt-get here: install ${missing[*]} with this system's package manager."
		fi
	} >&2
	exit 1
fi

echo "[system-deps] installing ${missing[*]} with apt-get (once per machine)" >&2
export DEBIAN_FRONTEND=noninteractive
started=$SECONDS
# two runs on one machine (a CI job beside npm start) wait for each other's apt lock
apt=(apt-get -o DPkg::Lock::Timeout=600)
"${apt[@]}" install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
	{ "${apt[@]}" update -qq >/dev/null && "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null; }
# Debian starts packaged services on install; the tests start their own on free ports
for service in redis-server postgresql; do
	case " ${missing[*]} " in
	*" $service "*) service "$service" stop >/dev/null 2>&1 || true ;;
	esac
done
for tool in "$@"; do
	if ! present "$tool"; then
		echo "[system-deps] apt-get ran but $tool is still missing; run: $command_line" >&2
		exit 1
	fi
done
echo "[system-deps] installed ${missing[*]} in $((SECONDS - started)) s" >&2
