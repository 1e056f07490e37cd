#!/usr/bin/env bash
# Starts a real VS Code (code-server) on 127.0.0.1 with a throwaway profile; shared by e2e tests and `npm start`.
#
# Usage: bash scripts/code-server.sh --run-dir DIR [--install-extension X.vsix]... [--port N]
#                                    [--folder WS] [--foreground [--open-when-ready FILE]]
#
# Detached (default): starts the server in its own process group, waits for /healthz and prints
#   CS_PORT=…  CS_PID=…  CS_URL=…   (shell-quoted, for `eval`). Stop it with: kill -- -$CS_PID
# --foreground: same, then prints the URL for a human and keeps the server until Ctrl+C.
# --open-when-ready FILE: once the first browser window has its extension host, open FILE in that window
#   (with the editor VS Code picks for it then, i.e. our custom editor for *.ppvnet.json).
#
# Needs the env from scripts/setup-tools.sh (sourced automatically from the cache when not set).
set -euo pipefail

RUN= PORT= FOLDER= FOREGROUND=0 OPEN_WHEN_READY=
VSIXES=()
while [ $# -gt 0 ]; do
  case "$1" in
    --run-dir) RUN=$2; shift 2 ;;
    --install-extension) VSIXES+=("$2"); shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --folder) FOLDER=$2; shift 2 ;;
    --foreground) FOREGROUND=1; shift ;;
    --open-when-ready) OPEN_WHEN_READY=$2; shift 2 ;;
    *) echo "code-server.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$RUN" ] || { echo "code-server.sh: --run-dir is required" >&2; exit 2; }

if [ -z "${PPVNET_CODE_SERVER:-}" ]; then
  ENV_SH=${PPVNET_CACHE:-$HOME/.cache/ppvnet}/env.sh
  [ -f "$ENV_SH" ] || { echo "code-server.sh: run scripts/setup-tools.sh first ($ENV_SH missing)" >&2; exit 1; }
  # shellcheck disable=SC1090
  source "$ENV_SH"
fi

mkdir -p "$RUN"
RUN=$(cd "$RUN" && pwd)
mkdir -p "$RUN/data/User" "$RUN/exts" "$RUN/xdg"
# Without these VS Code opens welcome pages, walkthroughs, chat and update prompts that cover the editor
# area in screenshots and steal focus from the command palette.
if [ ! -f "$RUN/data/User/settings.json" ]; then
  cat > "$RUN/data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "ppvnet.walkthrough.openOnFirstActivation": false,
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "chat.disableAIFeatures": true,
  "git.openRepositoryInParentFolders": "never"
}
JSON
fi

# code-server, VS Code and chromium otherwise write config.yaml, a device id and crash dirs under $HOME.
export XDG_CONFIG_HOME=$RUN/xdg XDG_DATA_HOME=$RUN/xdg XDG_CACHE_HOME=$RUN/xdg
# No extension gallery: these machines cannot reach one, and every failed lookup is log noise and a DNS wait.
export EXTENSIONS_GALLERY='{}'
# code-server forks helpers that look up `node` on PATH; they must get Node 24 as well.
export PATH="$PPVNET_NODE24_BIN:$PATH"
CS=("$PPVNET_NODE24" "$PPVNET_CODE_SERVER" --user-data-dir "$RUN/data" --extensions-dir "$RUN/exts")

for vsix in ${VSIXES[@]+"${VSIXES[@]}"}; do
  # --force: a re-run with the same version must replace the previously installed build, not skip it.
  if ! "${CS[@]}" --install-extension "$vsix" --force > "$RUN/install-extension.log" 2>&1; then
    cat "$RUN/install-extension.log" >&2
    echo "code-server.sh: installing $vsix failed" >&2
    exit 1
  fi
  grep -q 'successfully installed' "$RUN/install-extension.log" ||
    { cat "$RUN/install-extension.log" >&2; echo "code-server.sh: $vsix was not installed" >&2; exit 1; }
done

if [ -z "$PORT" ]; then
  PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
fi

# force-disable-user-env: otherwise the server runs `bash -il` to learn a login shell's environment before it
# starts an extension host, which times out (10 s) on a busy machine and only adds noise.
# setsid makes the server the leader of its own process group, so one `kill -- -PID` also stops the
# extension host, pty host and file watcher it forks.
setsid "${CS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --vscode-option enable-smoke-test-driver --vscode-option force-disable-user-env \
  > "$RUN/code-server.log" 2>&1 < /dev/null &
SRV=$!
# The server is in its own session, so a Ctrl+C at the terminal never reaches it: stop it ourselves if we are
# interrupted or fail before handing it over.
trap 'kill -- "-$SRV" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
echo "$SRV" > "$RUN/code-server.pid"
echo "$PORT" > "$RUN/code-server.port"

ready=0
for _ in $(seq 600); do
  if curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$SRV" 2>/dev/null || break
  sleep 0.1
done
if [ $ready -ne 1 ]; then
  echo "code-server.sh: server did not become healthy on port $PORT; log:" >&2
  tail -40 "$RUN/code-server.log" >&2
  exit 1
fi

URL="http://127.0.0.1:$PORT/"
if [ -n "$FOLDER" ]; then
  FOLDER=$(cd "$FOLDER" && pwd)
  URL+="?folder=$(node -p 'encodeURIComponent(process.argv[1])' "$FOLDER")"
fi

if [ $FOREGROUND -eq 0 ]; then
  trap - EXIT INT TERM   # handed over: the caller kills it with kill -- -$CS_PID
  printf 'CS_PORT=%q\nCS_PID=%q\nCS_URL=%q\n' "$PORT" "$SRV" "$URL"
  exit 0
fi

if [ -n "$OPEN_WHEN_READY" ]; then
  OPEN_WHEN_READY=$(cd "$(dirname "$OPEN_WHEN_READY")" && pwd)/$(basename "$OPEN_WHEN_READY")
  # Not through the URL payload (openFile): that open runs before a fresh profile has registered the
  # extension's custom editors, so it shows plain JSON. Instead, once a window's extension host is up it
  # registers with code-server's session socket, and `--reuse-window FILE` opens the file in that window,
  # by then with the custom editors known. The log line is a cheap wait for the first browser; the
  # registration itself comes a few seconds later, so the open is retried until it lands.
  (
    until grep -q 'Launched Extension Host Process' "$RUN/code-server.log" 2>/dev/null; do
      kill -0 "$SRV" 2>/dev/null || exit 0
      sleep 0.5
    done
    for _ in $(seq 120); do
      "${CS[@]}" --reuse-window "$OPEN_WHEN_READY" >> "$RUN/open-when-ready.log" 2>&1 && exit 0
      kill -0 "$SRV" 2>/dev/null || exit 0
      sleep 1
    done
  ) &
fi

echo
echo "  VS Code (code-server) is running:  $URL"
echo "  log: $RUN/code-server.log      stop: Ctrl+C"
echo
wait "$SRV" || true
echo "code-server.sh: server exited; log tail:" >&2
tail -20 "$RUN/code-server.log" >&2
exit 1
