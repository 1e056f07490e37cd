// e2e: the bundled CLI (out/cli.js, as shipped in the VSIX and installed as `ppvnet`) validates the samples
// and the broken fixtures in a child process: exit codes, JSON and SARIF output of the real bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const CLI = join(ROOT, 'out/cli.js');
const ppvnet = (args, cwd = ROOT) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

test('the bundled CLI validates designs with the documented exit codes and formats', async (t) => {
  assert.ok(existsSync(CLI), `${CLI} is missing: npm run build must bundle src/cli/main.ts`);

  await t.test('samples pass with exit 0', () => {
    const r = ppvnet(['validate', 'samples']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    // Every sample the README points people at, counted from the folder so a new sample is checked too.
    const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.ppvnet.json')).length;
    assert.ok(samples >= 3, `only ${samples} samples found`);
    // The firewall sample's one intended lesson: its firewalls deny the Fabrikam API (PPV-048, both sides).
    assert.match(r.stdout, new RegExp(`^${samples} inputs validated: 0 errors, 2 warnings`, 'm'));
    const warnings = r.stdout.split('\n').filter((l) => / warning /.test(l));
    assert.deepEqual(warnings.map((l) => /^(\S+?):\d+:\d+: warning (\S+):/.exec(l)?.slice(1, 3).join(' ')), ['samples/hub-firewall.ppvnet.json PPV-048', 'samples/hub-firewall.ppvnet.json PPV-048']);
  });

  await t.test('broken fixtures fail with exit 1 and PPV-LOAD findings in JSON', () => {
    const r = ppvnet(['validate', 'test/fixtures/designs/broken', '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const { findings } = JSON.parse(r.stdout);
    assert.equal(findings.filter((f) => f.ruleId === 'PPV-LOAD').length, 5);
    const az02 = findings.find((f) => f.ruleId === 'AZ-02');
    assert.equal(az02.property, 'addressPrefix');
    assert.match(az02.message, /'10\.30\.1\.07' is not a dotted-decimal IPv4 address/);
  });

  await t.test('SARIF 2.1.0 names the tool, its rules and 1-based regions', () => {
    const r = ppvnet(['validate', 'test/fixtures/designs/broken/malformed-cidr.ppvnet.json', '--format', 'sarif']);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'ppvnet');
    assert.ok(run.tool.driver.rules.some((x) => x.id === 'AZ-02' && /docs\/rules\/AZ-02\.md$/.test(x.helpUri)));
    const result = run.results.find((x) => x.ruleId === 'AZ-02');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'test/fixtures/designs/broken/malformed-cidr.ppvnet.json');
    assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
  });

  await t.test('a rule configuration found above the design applies; a missing input exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ppvnet-cli-e2e-'));
    try {
      copyFileSync(join(ROOT, 'test/fixtures/designs/broken/malformed-cidr.ppvnet.json'), join(dir, 'a.ppvnet.json'));
      writeFileSync(join(dir, '.ppvnetrc.json'), '{ "rules": { "AZ-02": "off" } } // comments are allowed\n');
      const r = ppvnet(['validate', 'a.ppvnet.json', '--format', 'json'], dir);
      assert.deepEqual(JSON.parse(r.stdout).findings.filter((f) => f.ruleId === 'AZ-02'), []);
      const missing = ppvnet(['validate', 'nope.ppvnet.json'], dir);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /cannot read 'nope\.ppvnet\.json'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
