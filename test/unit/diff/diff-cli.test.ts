// `ppvnet diff` end to end in-process: the done-when change on a copy of the seed (one VNet added, one prefix
// changed, one peering removed) drawn and listed, a side read at a git revision (design, Terraform folder, Bicep file),
// SARIF baselineState per result, and the exit codes.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';
import { checkSarif } from '../cli/sarif-check';

const ROOT = path.resolve(__dirname, '../../..');

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd, env: {} };
  return { value, out: () => out.join(''), err: () => err.join('') };
}

/** The seed as the "old" side, and the done-when change of it as the "new" side, in a fresh folder. */
function seedPair(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ppvnet-diff-'));
  const text = readFileSync(path.join(ROOT, 'samples/seed.ppvnet.json'), 'utf8');
  writeFileSync(path.join(dir, 'old.ppvnet.json'), text);
  writeFileSync(path.join(dir, 'new.ppvnet.json'), changedSeed(text));
  return dir;
}

function changedSeed(text: string): string {
  const d = JSON.parse(text);
  d.elements.push({ id: 'vnet-frc', kind: 'vnet', name: 'vnet-pp-frc', region: 'francecentral', addressSpaces: ['10.30.0.0/16'], position: { x: 0, y: 700 } });
  d.elements.find((e: { id: string }) => e.id === 'snet-pp-weu').addressPrefix = '10.10.1.0/25';
  d.relations = d.relations.filter((r: { id: string }) => r.id !== 'peer-neu-weu');
  return JSON.stringify(d, null, 2) + '\n';
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

describe('ppvnet diff', () => {
  it('lists the added VNet, the changed prefix and the removed peering, and draws all three marks', async () => {
    const dir = seedPair();
    const t = io(dir);
    const code = await main(['diff', 'old.ppvnet.json', 'new.ppvnet.json', '--format', 'markdown', '--svg', 'out/diff.svg'], t.value);
    const md = t.out();
    expect(md).toContain('- **+ added** Virtual network `vnet-frc` "vnet-pp-frc"\n');
    expect(md).toContain('- **~ changed** Subnet `snet-pp-weu` "snet-powerplatform": `addressPrefix` 10.10.1.0/24 → 10.10.1.0/25 (256 → 128 addresses)\n');
    expect(md).toContain('- **− removed** peering `peer-neu-weu` (`vnet-neu` → `vnet-weu`)\n');
    expect(md).toContain('**3 changes:** 1 added, 1 removed, 1 changed');
    // The smaller subnet no longer matches its pair: a new error, so the pipeline fails the check.
    expect(md).toMatch(/#### New findings[\s\S]*\| error \| `PPV-011` \| `snet-pp-weu` · new\.ppvnet\.json:\d+ \|/);
    expect(code).toBe(1);
    const svg = readFileSync(path.join(dir, 'out/diff.svg'), 'utf8');
    expect(svg).toMatch(/<g class="ppv-element" data-id="vnet-frc"[^>]*data-change="added"/);
    expect(svg).toMatch(/<g class="ppv-element" data-id="snet-pp-weu"[^>]*data-change="changed"/);
    expect(svg).toMatch(/<g class="ppv-relation" data-id="peer-neu-weu"[^>]*data-change="removed"/);
    expect(svg).toContain('class="ppv-legend-row"');
  });

  it('prints the same three lines as text', async () => {
    const t = io(seedPair());
    await main(['diff', 'old.ppvnet.json', 'new.ppvnet.json'], t.value);
    expect(t.out().split('\n').filter((l) => /^[+−~] /.test(l))).toEqual([
      '+ added Virtual network vnet-frc "vnet-pp-frc"',
      '~ changed Subnet snet-pp-weu "snet-powerplatform": addressPrefix 10.10.1.0/24 → 10.10.1.0/25 (256 → 128 addresses)',
      '− removed peering peer-neu-weu (vnet-neu → vnet-weu)',
    ]);
  });

  it('judges both sides with the nearest configuration, as validate does, and names its problems', async () => {
    const dir = seedPair();
    writeFileSync(path.join(dir, 'ppvnet.config.json'), '{\n  "rules": { "PPV-011": "off", "PPV-024": "off",\n    "AZ-99": "error" }\n}\n');
    const t = io(dir);
    // With the rules of the change's new errors turned off, the change passes; its warning stays.
    expect(await main(['diff', 'old.ppvnet.json', 'new.ppvnet.json', '--format', 'json'], t.value)).toBe(0);
    const json = JSON.parse(t.out());
    expect(json.newErrors).toBe(0);
    expect([...json.findings.new, ...json.findings.unchanged].map((f: { ruleId: string }) => f.ruleId)).not.toContain('PPV-011');
    expect(json.findings.new.map((f: { ruleId: string }) => f.ruleId)).toContain('AZ-08');
    expect(t.err()).toBe('ppvnet diff: warning: ppvnet.config.json:3:5: Unknown rule id "AZ-99".\n');
    const missing = io(dir);
    await expect(main(['diff', 'old.ppvnet.json', 'new.ppvnet.json', '--config', 'nope.json'], missing.value)).resolves.toBe(2);
    expect(missing.err()).toMatch(/cannot read the configuration 'nope\.json'/);
  });

  it('exits 0 when the change brings no new error, and lists fixed findings', async () => {
    const t = io(seedPair());
    expect(await main(['diff', 'new.ppvnet.json', 'old.ppvnet.json', '--format', 'json'], t.value)).toBe(0);
    const json = JSON.parse(t.out());
    expect(json.newErrors).toBe(0);
    expect(json.findings.fixed.map((f: { ruleId: string }) => f.ruleId)).toContain('PPV-011');
    expect(json.elements).toContainEqual(expect.objectContaining({ change: 'removed', id: 'vnet-frc', kind: 'vnet' }));
  });

  it('tags SARIF results new, unchanged and absent', async () => {
    const dir = seedPair();
    const t = io(dir);
    await main(['diff', 'old.ppvnet.json', 'new.ppvnet.json', '--format', 'sarif'], t.value);
    const log = JSON.parse(t.out());
    expect(checkSarif(log)).toEqual([]);
    const results = log.runs[0].results as { ruleId: string; baselineState: string }[];
    expect(results.find((r) => r.ruleId === 'PPV-011')?.baselineState).toBe('new');
    expect(results.find((r) => r.ruleId === 'PPV-028')?.baselineState).toBe('unchanged');
    const back = io(dir);
    await main(['diff', 'new.ppvnet.json', 'old.ppvnet.json', '--format', 'text', '--sarif', 'delta.sarif'], back.value);
    const reversed = JSON.parse(readFileSync(path.join(dir, 'delta.sarif'), 'utf8'));
    expect(checkSarif(reversed)).toEqual([]);
    const fixed = reversed.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'PPV-011');
    expect(fixed.baselineState).toBe('absent');
    // A fixed finding is placed on its element in the new side, where the reviewer looks.
    expect(fixed.locations[0].physicalLocation.artifactLocation.uri).toBe('old.ppvnet.json');
    expect(fixed.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
  });

  it('reads a side at a git revision: a design file, a Terraform folder and a Bicep file', async () => {
    const dir = seedPair();
    cpSync(path.join(ROOT, 'test/fixtures/iac/terraform-paired'), path.join(dir, 'infra'), { recursive: true });
    cpSync(path.join(ROOT, 'test/fixtures/iac/bicep-single/main.bicep'), path.join(dir, 'net.bicep'));
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    writeFileSync(path.join(dir, 'old.ppvnet.json'), readFileSync(path.join(dir, 'new.ppvnet.json')));
    const main_tf = path.join(dir, 'infra/main.tf');
    writeFileSync(main_tf, readFileSync(main_tf, 'utf8').replace('pe = "10.20.2.0/24"', 'pe = "10.20.2.0/25"'));

    const t = io(dir);
    await main(['diff', 'HEAD:old.ppvnet.json', 'old.ppvnet.json'], t.value);
    expect(t.err()).toBe('');
    expect(t.out()).toContain('HEAD:old.ppvnet.json → old.ppvnet.json');
    expect(t.out()).toContain('+ added Virtual network vnet-frc "vnet-pp-frc"');

    const tf = io(path.join(dir, 'infra'));
    expect(await main(['diff', 'HEAD:./', '.', '--format', 'json'], tf.value)).toBe(0);
    const json = JSON.parse(tf.out());
    expect(json.elements).toHaveLength(1);
    expect(json.elements[0]).toMatchObject({ change: 'changed', kind: 'subnet', properties: [{ path: 'addressPrefix', before: '10.20.2.0/24', after: '10.20.2.0/25' }] });

    const bicep = path.join(dir, 'net.bicep');
    writeFileSync(bicep, readFileSync(bicep, 'utf8').replace("'10.30.1.0/24'", "'10.30.1.0/26'"));
    const b = io(dir);
    await main(['diff', 'HEAD:net.bicep', 'net.bicep'], b.value);
    expect(b.out()).toMatch(/^~ changed Subnet \S+ "snet-pp": addressPrefix 10\.30\.1\.0\/24 → 10\.30\.1\.0\/26 \(256 → 64 addresses\)$/m);
  });

  it('compares with an empty design when the change adds the file, if asked', async () => {
    const dir = seedPair();
    git(dir, 'init', '-q');
    git(dir, 'add', 'old.ppvnet.json');
    git(dir, 'commit', '-q', '-m', 'base');
    const strict = io(dir);
    expect(await main(['diff', 'HEAD:new.ppvnet.json', 'new.ppvnet.json'], strict.value)).toBe(2);
    expect(strict.err()).toMatch(/the revision 'HEAD' has no file or folder 'new\.ppvnet\.json'/);
    const badRev = io(dir);
    expect(await main(['diff', 'no-such-branch:new.ppvnet.json', 'new.ppvnet.json', '--old-may-be-absent'], badRev.value)).toBe(2);
    expect(badRev.err()).toMatch(/'no-such-branch' is not a revision/);
    const t = io(dir);
    await main(['diff', 'HEAD:new.ppvnet.json', 'new.ppvnet.json', '--old-may-be-absent', '--format', 'json'], t.value);
    const json = JSON.parse(t.out());
    expect(json.old).toBe('HEAD:new.ppvnet.json (absent)');
    expect(json.design).toEqual([]);
    expect(json.elements.every((e: { change: string }) => e.change === 'added')).toBe(true);
    expect(json.elements).toHaveLength(JSON.parse(readFileSync(path.join(dir, 'new.ppvnet.json'), 'utf8')).elements.length);
  });

  it('exits 2 on usage and input errors', async () => {
    const dir = seedPair();
    expect(await main(['diff', 'old.ppvnet.json'], io(dir).value)).toBe(2);
    expect(await main(['diff', 'old.ppvnet.json', 'new.ppvnet.json', '--format', 'html'], io(dir).value)).toBe(2);
    const missing = io(dir);
    expect(await main(['diff', 'old.ppvnet.json', 'nope.ppvnet.json'], missing.value)).toBe(2);
    expect(missing.err()).toMatch(/nope\.ppvnet\.json/);
    writeFileSync(path.join(dir, 'bad.ppvnet.json'), '{ "version": 1 ');
    const bad = io(dir);
    expect(await main(['diff', 'old.ppvnet.json', 'bad.ppvnet.json'], bad.value)).toBe(2);
    expect(bad.err()).toMatch(/^bad\.ppvnet\.json:\d+:\d+: error: /);
    const outside = io(dir);
    expect(await main(['diff', 'old.ppvnet.json', 'new.ppvnet.json', '--svg', '../escape.svg'], outside.value)).toBe(2);
    expect(outside.err()).toMatch(/outside the workspace folder/);
    const help = io(dir);
    expect(await main(['diff', '--help'], help.value)).toBe(0);
    expect(help.out()).toContain('<rev>:<path>');
  });
});
