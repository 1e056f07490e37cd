#!/usr/bin/env bash
# `npm test`: tools, build, typecheck, lint, unit tests (vitest), real-VS-Code e2e; ends with one "N passed, N failed" line.
#
# Keeps going after a typecheck/lint/unit failure so one run shows everything that is broken; a failed build
# stops it (nothing after it would mean anything). A failed non-test step counts as one failure in the total.
set -uo pipefail
cd "$(dirname "$0")/.."
t0=$SECONDS
step() { echo; echo "=== test-all [+$((SECONDS - t0))s] $*"; }
passed=0 failed=0
broken=()

finish() {
  [ ${#broken[@]} -eq 0 ] || echo "failed steps: ${broken[*]}"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ] && exit 0 || exit 1
}

step "tools (scripts/setup-tools.sh)"
if ! bash scripts/setup-tools.sh >/dev/null; then
  broken+=(setup-tools); failed=$((failed + 1)); finish
fi

# A fresh clone has no node_modules; a pull that changed the lock file leaves a stale one.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci (node_modules missing or older than package-lock.json)"
  npm ci --no-audit --no-fund || { broken+=(npm-ci); failed=$((failed + 1)); finish; }
fi

step "build"
npm run --silent build || { broken+=(build); failed=$((failed + 1)); finish; }

step "typecheck"
npm run --silent typecheck || { broken+=(typecheck); failed=$((failed + 1)); }

step "lint"
npm run --silent lint || { broken+=(lint); failed=$((failed + 1)); }

step "unit tests (vitest)"
unit_json=$(mktemp --suffix=.json)
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json="$unit_json"
unit_rc=$?
read -r up uf < <(node -e '
  try { const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        console.log(r.numPassedTests ?? 0, (r.numFailedTests ?? 0) + (r.numRuntimeErrorTests ?? 0)); }
  catch { console.log(0, 0); }' "$unit_json")
rm -f "$unit_json"
# A crash or an unloadable test file can exit non-zero without counting a failed test.
if [ "$unit_rc" -ne 0 ] && [ "$uf" -eq 0 ]; then uf=1; fi
echo "unit: $up passed, $uf failed"
passed=$((passed + up)) failed=$((failed + uf))
[ "$uf" -eq 0 ] || broken+=(unit)

step "e2e (scripts/e2e.sh)"
e2e_summary=$(mktemp)
PPVNET_E2E_SUMMARY=$e2e_summary bash scripts/e2e.sh
e2e_rc=$?
read -r ep ef < <(node -e '
  try { const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(r.passed, r.failed); }
  catch { console.log(0, 0); }' "$e2e_summary")
rm -f "$e2e_summary"
if [ "$e2e_rc" -ne 0 ] && [ "$ef" -eq 0 ]; then ef=1; fi
passed=$((passed + ep)) failed=$((failed + ef))
[ "$ef" -eq 0 ] || broken+=(e2e)

step "done"
finish
