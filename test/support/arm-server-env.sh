# Sourced by scripts/e2e.sh before code-server starts: runs the loopback ARM server (test/support/arm-server.ts)
# for the Azure import tests and exports the test-only PPVNET_TEST_ARM_{TOKEN,ENDPOINT,CA} that code-server's
# extension host inherits. The token is random per run and only ever lives in the environment. The server
# exits with the sourcing shell (it watches that pid) or after 30 minutes, whichever comes first.
# Usage: source test/support/arm-server-env.sh <run-dir>
_arm_run=${1:?run dir}
PPVNET_TEST_ARM_TOKEN=$(node -e "process.stdout.write(require('node:crypto').randomBytes(24).toString('hex'))")
export PPVNET_TEST_ARM_TOKEN
rm -f "$_arm_run/arm-server.json"
"$PPVNET_NODE24" test/support/arm-server.ts --fixture test/fixtures/arm/seed-subscription.json \
  --info "$_arm_run/arm-server.json" --lifetime-seconds 1800 --parent-pid $$ \
  --fault '{"pathIncludes":"/resourcegroups/rg-legacy-restricted","status":403,"times":1000000}' \
  > "$_arm_run/arm-server.log" 2>&1 &
for _ in $(seq 1 100); do [ -s "$_arm_run/arm-server.json" ] && break; sleep 0.1; done
if [ -s "$_arm_run/arm-server.json" ]; then
  PPVNET_TEST_ARM_ENDPOINT=$(node -p "require('$_arm_run/arm-server.json').endpoint")
  PPVNET_TEST_ARM_CA=$(node -p "require('$_arm_run/arm-server.json').ca")
  export PPVNET_TEST_ARM_ENDPOINT PPVNET_TEST_ARM_CA
  echo "   loopback ARM server: $PPVNET_TEST_ARM_ENDPOINT"
else
  echo "   loopback ARM server did not start (Azure import e2e will fail): $(cat "$_arm_run/arm-server.log")" >&2
fi
unset _arm_run
