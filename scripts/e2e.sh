#!/usr/bin/env bash
# End-to-end tests in a real VS Code: package the VSIX, install it into a throwaway code-server profile, run test/e2e/ against it.
#
# Usage: bash scripts/e2e.sh [extra node --test args, e.g. --test-name-pattern=designer]
# Env:   PPVNET_E2E_SUMMARY   where to write {"passed":N,"failed":M} (default test-results/e2e-summary.json)
#        PPVNET_E2E_FILES     space-separated test files to run instead of all of test/e2e/ (while working on one)
# Writes screenshots to test-results/ and .ppvnet-run/e2e-<pid>/ (profile, server log, e2e.tap, workspaces).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
t0=$SECONDS
step() { echo "== e2e [+$((SECONDS - t0))s] $*"; }

step "tools"
bash scripts/setup-tools.sh >/dev/null
# shellcheck disable=SC1091
source "${PPVNET_CACHE:-$HOME/.cache/ppvnet}/env.sh"

step "build + package VSIX (npm run package)"
# The package script makes the production build and the VSIX, so the tests exercise exactly what ships.
mkdir -p out
rm -f out/ppvnet.vsix
pkg_log=$(mktemp)
npm run --silent package > "$pkg_log" 2>&1 ||
  { cat "$pkg_log" >&2; rm -f "$pkg_log"; echo "e2e: npm run package failed" >&2; exit 1; }
rm -f "$pkg_log"
for f in out/ppvnet.vsix out/extension.js out/test/exthost/index.js; do
  [ -f "$f" ] || { echo "e2e: $f is missing after npm run package" >&2; exit 1; }
done
vsix_bytes=$(stat -c %s out/ppvnet.vsix)
echo "   out/ppvnet.vsix: $vsix_bytes bytes"
# The marketplace listing promises a small download; a bundle that pulls in a second copy of a big dependency shows here first.
[ "$vsix_bytes" -le 3000000 ] || { echo "e2e: out/ppvnet.vsix is $vsix_bytes bytes, over the 3,000,000-byte budget" >&2; exit 1; }

# One run dir per invocation: several people (or agents) may run the suite in one checkout at the same time.
# Dirs of runs that are no longer alive are removed here, so the last run's dir stays for inspection until the next.
for d in .ppvnet-run/e2e-*; do
  [ -d "$d" ] || continue
  kill -0 "${d##*-}" 2>/dev/null || rm -rf "$d"
done
RUN=$ROOT/.ppvnet-run/e2e-$$
ART=$ROOT/test-results
SUMMARY=${PPVNET_E2E_SUMMARY:-$ART/e2e-summary.json}
mkdir -p "$RUN" "$ART"
# Screenshots are not cleared: a concurrent run's pictures would vanish; each test overwrites its own names.
rm -f "$SUMMARY"

step "loopback ARM server (Azure import e2e; exports the test-only PPVNET_TEST_ARM_* for code-server)"
# shellcheck source=test/support/arm-server-env.sh
source test/support/arm-server-env.sh "$RUN"

step "start code-server with the VSIX installed"
CS_PID=
cleanup() { [ -n "$CS_PID" ] && kill -- "-$CS_PID" 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT TERM
eval "$(bash scripts/code-server.sh --run-dir "$RUN" --install-extension "$ROOT/out/ppvnet.vsix")"
installed=$(PATH="$PPVNET_NODE24_BIN:$PATH" XDG_CONFIG_HOME=$RUN/xdg XDG_DATA_HOME=$RUN/xdg XDG_CACHE_HOME=$RUN/xdg \
  "$PPVNET_NODE24" "$PPVNET_CODE_SERVER" --user-data-dir "$RUN/data" --extensions-dir "$RUN/exts" \
  --list-extensions --show-versions 2>/dev/null)
echo "   $CS_URL (pid $CS_PID); installed: $installed"

step "node --test test/e2e/"
rc=0
# spec for people reading the log, tap to a file for the pass/fail counts (test-all.sh sums them).
CS_PORT=$CS_PORT E2E_RUN_DIR=$RUN E2E_ARTIFACTS=$ART PPVNET_CHROMIUM=$PPVNET_CHROMIUM BICEP_PATH=$BICEP_PATH \
  node --test --test-concurrency=1 --test-timeout=900000 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$RUN/e2e.tap" \
    "$@" ${PPVNET_E2E_FILES:-test/e2e/} || rc=$?   # unquoted on purpose: a list of files

pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$RUN/e2e.tap" 2>/dev/null | tail -1)
fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$RUN/e2e.tap" 2>/dev/null | tail -1)
pass=${pass:-0} fail=${fail:-0}
# A crash before any test reports would otherwise read as "0 failed".
if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
if [ "$pass" -eq 0 ] && [ "$fail" -eq 0 ]; then echo "e2e: no tests ran" >&2; fail=1; rc=1; fi
printf '{"passed":%d,"failed":%d}\n' "$pass" "$fail" > "$SUMMARY"

if [ "$rc" -ne 0 ]; then
  echo "--- code-server log (tail) ---"
  tail -60 "$RUN/code-server.log" || true
  echo "--- screenshots: $ART"
fi
step "done: e2e $pass passed, $fail failed (rc=$rc)"
exit "$rc"
