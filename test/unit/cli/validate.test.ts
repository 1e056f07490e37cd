// `ppvnet validate` run in-process through main(): exit codes, the three output formats, load errors as
// PPV-LOAD findings, and the rule configuration (explicit, found upwards, with problems reported).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';
import { serializeDesign } from '../../../src/core/model/serialize-design';
import { edited, loadSample, removeRelations, set } from '../support/designs';
import { checkSarif } from './sarif-check';
import { writeWorkspace } from '../support/temp-workspace';

const ROOT = path.resolve(__dirname, '../../..');
const BROKEN = 'test/fixtures/designs/broken';

async function run(args: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd, env: {} };
  const code = await main(['validate', ...args], io);
  return { code, stdout, stderr };
}

interface JsonFinding { ruleId: string; severity: string; message: string; elementId?: string; relationId?: string; property?: string; file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }
const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;

const temp = mkdtempSync(path.join(tmpdir(), 'ppvnet-validate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
/** A design in a fresh folder of the temp dir, optionally with a rule configuration beside it or above it. */
const workspace = (name: string, files: Record<string, string>) => writeWorkspace(temp, name, files);
const oneWay = serializeDesign(edited(loadSample('seed'), removeRelations('peer-neu-weu')));

describe('ppvnet validate', () => {
  it('passes the shipped samples with exit 0 and no error lines', async () => {
    const r = await run(['samples/seed.ppvnet.json', 'samples/minimal.ppvnet.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/: error /);
    expect(r.stdout).toMatch(/^2 inputs validated: /m);
  });

  it('searches folders for designs', async () => {
    const r = await run(['samples', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(findingsOf(r.stdout).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each([
    ['broken-json', /JSON syntax: comma expected/, 3],
    ['unknown-kind', /Unknown kind "applicationGateway"/, 62],
    ['version-2', /version 2, written by a newer/, 1],
    ['deep-nesting', /Nesting deeper than 64 levels/, 0],
    ['duplicate-ids', /Duplicate id "vnet-brs"/, 61],
  ])('reports %s as a positioned PPV-LOAD error with exit 1', async (name, message, line) => {
    const file = `${BROKEN}/${name}.ppvnet.json`;
    const r = await run([file, '--format', 'json']);
    expect(r.code).toBe(1);
    const [f, ...rest] = findingsOf(r.stdout);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'PPV-LOAD', severity: 'error', file });
    expect(f!.message).toMatch(message);
    expect(f!.range.start.line).toBe(line);
  });

  it('reports a malformed CIDR with its parse error on the addressPrefix, 0-based in JSON and 1-based in text', async () => {
    const file = `${BROKEN}/malformed-cidr.ppvnet.json`;
    const json = await run([file, '--format', 'json']);
    expect(json.code).toBe(1);
    const az02 = findingsOf(json.stdout).filter((f) => f.ruleId === 'AZ-02');
    expect(az02).toHaveLength(1);
    expect(az02[0]).toMatchObject({ severity: 'error', elementId: 'snet-pp', property: 'addressPrefix', file });
    expect(az02[0]!.message).toMatch(/'10\.30\.1\.07' is not a dotted-decimal IPv4 address/);
    const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('"addressPrefix": "10.30.1.07/26"'));
    expect(az02[0]!.range.start).toEqual({ line, character: lines[line]!.indexOf('"10.30.1.07/26"') });
    const text = await run([file]);
    expect(text.stdout).toContain(`${file}:${line + 1}:${lines[line]!.indexOf('"10.30.1.07/26"') + 1}: error AZ-02: Address prefix is not a valid CIDR block`);
    expect(text.stdout).toMatch(/1 input validated: [1-9]\d* errors?/);
  });

  it('writes SARIF 2.1.0 that code scanning accepts, with 1-based regions and help links', async () => {
    const r = await run([BROKEN, 'samples', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(checkSarif(log)).toEqual([]);
    const run0 = log.runs[0];
    const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['AZ-01', 'AZ-16', 'PPV-LOAD', 'PPV-CONFIG']));
    const az02Rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'AZ-02');
    expect(az02Rule.helpUri).toMatch(/^https:\/\/.*\/docs\/rules\/AZ-02\.md$/);
    expect(az02Rule.defaultConfiguration.level).toBe('error');
    const az02 = run0.results.find((x: { ruleId: string }) => x.ruleId === 'AZ-02');
    expect(az02.locations[0].physicalLocation.artifactLocation).toEqual({ uri: `${BROKEN}/malformed-cidr.ppvnet.json`, uriBaseId: '%SRCROOT%' });
    const json = findingsOf((await run([`${BROKEN}/malformed-cidr.ppvnet.json`, '--format', 'json'])).stdout).find((f) => f.ruleId === 'AZ-02')!;
    expect(az02.locations[0].physicalLocation.region).toEqual({
      startLine: json.range.start.line + 1, startColumn: json.range.start.character + 1, endLine: json.range.end.line + 1, endColumn: json.range.end.character + 1,
    });
    expect(run0.results.filter((x: { ruleId: string }) => x.ruleId === 'PPV-LOAD')).toHaveLength(5);
  });

  it('turns related information into SARIF relatedLocations', async () => {
    const dir = workspace('related', { 'overlap.ppvnet.json': serializeDesign(edited(loadSample('seed'), set('snet-pe-weu', { addressPrefix: '10.10.1.128/25' }))) });
    const r = await run(['overlap.ppvnet.json', '--format', 'sarif'], dir);
    const log = JSON.parse(r.stdout);
    expect(checkSarif(log)).toEqual([]);
    const az04 = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'AZ-04');
    expect(az04.relatedLocations[0]).toMatchObject({ id: 1, message: { text: 'Overlapping subnet "snet-powerplatform"' } });
    expect(az04.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('overlap.ppvnet.json');
  });

  it('percent-encodes file names in SARIF URIs', async () => {
    const dir = workspace('encoding', { 'my designs/a b#1.ppvnet.json': readFileSync(path.join(ROOT, BROKEN, 'malformed-cidr.ppvnet.json'), 'utf8') });
    const log = JSON.parse((await run(['my designs', '--format', 'sarif'], dir)).stdout);
    expect(checkSarif(log)).toEqual([]);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20designs/a%20b%231.ppvnet.json');
  });

  describe('usage errors and unreadable input exit 2', () => {
    it.each([
      [['samples/nope.ppvnet.json'], /cannot read 'samples\/nope\.ppvnet\.json'/],
      [['README.md'], /'README\.md' is not a design/],
      [[], /at least one design/],
      [['samples', '--format', 'xml'], /--format must be one of text, json, sarif/],
      [['samples', '--fromat', 'json'], /unknown option --fromat/],
      [['samples', '--config', 'nope.json'], /cannot read the configuration 'nope\.json'/],
      [['test/unit/cli'], /no \*\.ppvnet\.json designs found/],
    ])('%j', async (args, message) => {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    });
  });

  it('prints its usage with --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--format\s+text \(default\), json .* or sarif/);
  });

  describe('rule configuration', () => {
    it('applies the nearest ppvnet.config.json above the design', async () => {
      const dir = workspace('upwards', { 'ppvnet.config.json': '{ // raise one-way peerings to errors\n "rules": { "AZ-08": "error" } }', 'infra/net/a.ppvnet.json': oneWay });
      const r = await run(['infra/net/a.ppvnet.json', '--format', 'json'], dir);
      expect(findingsOf(r.stdout).filter((f) => f.ruleId === 'AZ-08').map((f) => f.severity)).toEqual(['error']);
      expect(r.code).toBe(1);
    });

    it('prefers a closer .ppvnetrc.json and lets --config override both', async () => {
      const dir = workspace('closer', {
        'ppvnet.config.json': '{ "rules": { "AZ-08": "error" } }',
        'infra/.ppvnetrc.json': '{ "rules": { "AZ-08": "off" } }',
        'infra/a.ppvnet.json': oneWay,
        'explicit.json': '{ "rules": { "AZ-08": "info" } }',
      });
      const near = findingsOf((await run(['infra/a.ppvnet.json', '--format', 'json'], dir)).stdout);
      expect(near.filter((f) => f.ruleId === 'AZ-08')).toEqual([]);
      const explicit = findingsOf((await run(['infra/a.ppvnet.json', '--format', 'json', '--config', 'explicit.json'], dir)).stdout);
      expect(explicit.filter((f) => f.ruleId === 'AZ-08').map((f) => f.severity)).toEqual(['info']);
    });

    it('reports configuration problems as positioned PPV-CONFIG errors and still applies the valid entries', async () => {
      const dir = workspace('problems', { 'ppvnet.config.json': '{\n  "rules": {\n    "AZ-99": "off",\n    "AZ-08": "off"\n  }\n}\n', 'a.ppvnet.json': oneWay });
      const r = await run(['a.ppvnet.json', '--format', 'json'], dir);
      expect(r.code).toBe(1);
      const findings = findingsOf(r.stdout);
      expect(findings.filter((f) => f.ruleId === 'AZ-08')).toEqual([]);
      const config = findings.filter((f) => f.ruleId === 'PPV-CONFIG');
      expect(config).toEqual([{ ruleId: 'PPV-CONFIG', severity: 'error', message: 'Unknown rule id "AZ-99".', file: 'ppvnet.config.json', range: { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } } }]);
    });
  });
});

