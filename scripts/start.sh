#!/usr/bin/env bash
# `npm start`: build and package the extension, install it into a throwaway VS Code (code-server) and serve it with the samples open.
#
# Env: PPVNET_PORT (default 3939, or any free port if that one is taken).
# Every start uses a fresh profile and a fresh copy of samples/ under .ppvnet-run/start/ (edits there are
# thrown away on the next start; the committed samples are never touched).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
t0=$SECONDS
step() { echo "== start [+$((SECONDS - t0))s] $*"; }

step "tools"
bash scripts/setup-tools.sh >/dev/null
# shellcheck disable=SC1091
source "${PPVNET_CACHE:-$HOME/.cache/ppvnet}/env.sh"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi

step "build + package (npm run package)"
# The same production build and VSIX that scripts/e2e.sh tests.
npm run --silent package > /dev/null
echo "   out/ppvnet.vsix ($(stat -c %s out/ppvnet.vsix) bytes)"

RUN=$ROOT/.ppvnet-run/start
rm -rf "$RUN"
mkdir -p "$RUN/workspace"
cp -R samples/. "$RUN/workspace/"

PORT=${PPVNET_PORT:-3939}
if ! node -e "const s=require('net').createServer();s.once('error',()=>process.exit(1));s.listen($PORT,'127.0.0.1',()=>s.close())"; then
  echo "   port $PORT is busy; picking a free one (set PPVNET_PORT to choose)"
  PORT=
fi

step "code-server"
args=(--run-dir "$RUN" --install-extension "$ROOT/out/ppvnet.vsix" --folder "$RUN/workspace" --foreground)
[ -n "$PORT" ] && args+=(--port "$PORT")
echo "   workspace: $RUN/workspace"
if [ -f "$RUN/workspace/seed.ppvnet.json" ]; then
  args+=(--open-when-ready "$RUN/workspace/seed.ppvnet.json")
  echo "   seed.ppvnet.json opens in the designer a few seconds after the page loads (or click it in the Explorer)"
fi
exec bash scripts/code-server.sh "${args[@]}"
