// `ppvnet verify` run in-process through main(): verdicts and exit codes on designs, a Bicep file and a
// Terraform folder (where no workload is declared, so private endpoints are presumed targets), the
// --from/--to filters, and the JSON and SARIF outputs positioned on the deciding item.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';
import { serializeDesign } from '../../../src/core/model/serialize-design';
import { verifyDesign } from '../../../src/core/verify/verify-design';
import { edited, loadSample, removeRelations } from '../support/designs';
import { checkSarif } from './sarif-check';

const ROOT = path.resolve(__dirname, '../../..');
const temp = mkdtempSync(path.join(tmpdir(), 'ppvnet-verify-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function run(args: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd, env: {} };
  const code = await main(['verify', ...args], io);
  return { code, stdout, stderr };
}

const oneWayFile = path.join(temp, 'one-way.ppvnet.json');
writeFileSync(oneWayFile, serializeDesign(edited(loadSample('seed'), removeRelations('peer-neu-weu'))));

interface JsonFlow { id: string; verdict: string; side: string; implied: boolean; deciding?: { kind: string; elementId?: string; relationId?: string; file: string; range: { start: { line: number } } } }
const flowsOf = (stdout: string) => (JSON.parse(stdout) as { inputs: { file: string; flows: JsonFlow[] }[] }).inputs.flatMap((i) => i.flows);

describe('ppvnet verify', () => {
  it('the seed: every flow reachable, exit 0', async () => {
    const r = await run(['samples/seed.ppvnet.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/6 flows: 6 reachable, 0 blocked, 0 unknown/);
  });
  it('a one-way peering: the failover flows are blocked, exit 1, with the deciding hop and its position', async () => {
    const r = await run([oneWayFile]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BLOCKED\s+policy-prod: snet-pp-neu \(failover\) → pe-kv TCP 443/);
    expect(r.stdout).toMatch(/> blocked\s+10\.0\.0\.0\/8 → None \(system route\).*one-way\.ppvnet\.json:\d+:\d+\)/);
    expect(r.stdout).toMatch(/6 flows: 4 reachable, 2 blocked, 0 unknown/);
  });
  it('--from and --to narrow the flows; an id that matches none is a usage error', async () => {
    const r = await run([oneWayFile, '--from', 'vnet-weu', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(flowsOf(r.stdout).map((f) => f.side)).toEqual(['primary', 'primary', 'primary']);
    const to = await run([oneWayFile, '--to', 'pe-kv', '--format', 'json']);
    expect(flowsOf(to.stdout).map((f) => f.id)).toEqual(['policy-prod/snet-pp-weu->pe-kv', 'policy-prod/snet-pp-neu->pe-kv']);
    const none = await run([oneWayFile, '--to', 'no-such-thing']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no flow matches --to 'no-such-thing'/);
  });
  it('json: the deciding hop carries its file position', async () => {
    const r = await run([oneWayFile, '--format', 'json']);
    const blocked = flowsOf(r.stdout).filter((f) => f.verdict === 'blocked');
    expect(blocked).toHaveLength(2);
    const text = readFileSync(oneWayFile, 'utf8').split('\n');
    for (const f of blocked) {
      expect(f.deciding).toMatchObject({ kind: 'route', elementId: 'vnet-neu' });
      expect(text[f.deciding!.range.start.line]).toMatch(/vnet-neu/);
    }
  });
  it('sarif: blocked flows are errors at the deciding item, in a well-formed log', async () => {
    const r = await run([oneWayFile, '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; level: string }[] }[] };
    expect(checkSarif(log)).toEqual([]);
    expect(log.runs[0]!.results.map((x) => `${x.ruleId} ${x.level}`)).toEqual(['PPV-FLOW-BLOCKED error', 'PPV-FLOW-BLOCKED error']);
  });
  it('a Terraform folder without declared workloads: its private endpoint is a presumed target of both sides', async () => {
    const r = await run(['test/fixtures/iac/terraform-paired', '--format', 'json']);
    expect(r.code).toBe(0);
    const presumed = flowsOf(r.stdout).filter((f) => f.implied);
    expect(presumed.map((f) => `${f.side} ${f.verdict}`)).toEqual(['primary reachable', 'failover reachable']);
    // Without the peering back, the failover side loses it.
    const dir = path.join(temp, 'tf-one-way');
    cpSync(path.join(ROOT, 'test/fixtures/iac/terraform-paired'), dir, { recursive: true });
    const network = path.join(dir, 'network.tf');
    writeFileSync(network, readFileSync(network, 'utf8').replace(/resource "azurerm_virtual_network_peering" "neu_to_weu" \{[^}]*\}/, ''));
    const broken = await run([dir, '--format', 'json']);
    expect(broken.code).toBe(1);
    expect(flowsOf(broken.stdout).filter((f) => f.implied).map((f) => `${f.side} ${f.verdict}`)).toEqual(['primary reachable', 'failover blocked']);
  });
  it('a Bicep file is read too', async () => {
    const r = await run(['test/fixtures/iac/bicep-single/main.bicep']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/REACHABLE .*dns:168\.63\.129\.16 UDP 53/);
  });
  it('usage errors: no input, a bad format', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['samples/seed.ppvnet.json', '--format', 'xml'])).code).toBe(2);
    expect((await run(['--help'])).stdout).toMatch(/usage: ppvnet verify/);
  });
});

describe('ppvnet verify on the hub-and-spoke firewall sample', () => {
  it('gives the verdicts verifyDesign gives, and positions the blocking firewall rule', async () => {
    const r = await run(['samples/hub-firewall.ppvnet.json', '--format', 'json']);
    expect(r.code).toBe(1);
    const cli = flowsOf(r.stdout);
    const core = verifyDesign(loadSample('hub-firewall'));
    expect(Object.fromEntries(cli.map((f) => [f.id, f.verdict]))).toEqual(Object.fromEntries(core.map((f) => [f.id, f.verdict])));
    expect(cli.filter((f) => f.verdict === 'blocked').map((f) => f.id).sort()).toEqual(['policy-prod/snet-pp-neu->internet:api.fabrikam.com', 'policy-prod/snet-pp-weu->internet:api.fabrikam.com']);
    const blocked = cli.find((f) => f.id === 'policy-prod/snet-pp-weu->internet:api.fabrikam.com')!;
    expect(blocked.deciding).toMatchObject({ kind: 'firewall', elementId: 'afw-weu' });
    // The position is the firewall's rule list in the sample file.
    const lines = readFileSync(path.join(ROOT, 'samples/hub-firewall.ppvnet.json'), 'utf8').split('\n');
    expect(lines[blocked.deciding!.range.start.line]).toMatch(/"ruleCollectionGroups"/);
    const text = await run(['samples/hub-firewall.ppvnet.json']);
    expect(text.stdout).toMatch(/denies TCP 443 to api\.fabrikam\.com by application rule 'rcg-powerplatform\/app-deny-untrusted\/deny-fabrikam'/);
  });
});
