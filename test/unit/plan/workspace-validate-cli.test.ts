// `ppvnet validate <folder>` checks across the designs of the folder: overlapping VNets of two designs
// give one PPV-WORKSPACE finding that names both files, positioned at the VNet's address spaces.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';
import { serializeDesign } from '../../../src/core/model/serialize-design';
import { edited, loadSample, set } from '../support/designs';
import { writeWorkspace } from '../support/temp-workspace';

const temp = mkdtempSync(path.join(tmpdir(), 'ppvnet-workspace-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function validate(args: string[], cwd: string) {
  let stdout = '';
  const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: () => {}, cwd, env: {} };
  const code = await main(['validate', ...args], io);
  return { code, stdout };
}

const workspace = (name: string, files: Record<string, string>) => writeWorkspace(temp, name, files);

interface JsonFinding { ruleId: string; severity: string; message: string; file: string; range: { start: { line: number } }; related?: { file: string; message: string }[] }

describe('ppvnet validate <folder>: workspace checks', () => {
  const overlapping = serializeDesign(edited(loadSample('minimal'), set('vnet-brs', { addressSpaces: ['10.10.0.0/20'] }), set('snet-pp', { addressPrefix: '10.10.1.0/26' })));

  it('two designs in one folder with overlapping VNets give a finding naming both files', async () => {
    const dir = workspace('overlap', { 'team-a/seed.ppvnet.json': serializeDesign(loadSample('seed')), 'team-b/brazil.ppvnet.json': overlapping });
    const r = await validate(['.', '--format', 'json'], dir);
    const found = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.ruleId === 'PPV-WORKSPACE');
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f!.severity).toBe('warning');
    expect(f!.file).toBe(path.join('team-b', 'brazil.ppvnet.json'));
    expect(f!.message).toContain(path.join('team-a', 'seed.ppvnet.json'));
    expect(f!.message).toContain(path.join('team-b', 'brazil.ppvnet.json'));
    expect(f!.range.start.line).toBeGreaterThan(0);
    expect(f!.related?.[0]?.file).toBe(path.join('team-a', 'seed.ppvnet.json'));
  });

  it('checks pool membership with the configuration of the folder, and lists the pseudo-rule in SARIF', async () => {
    const dir = workspace('pools', {
      'ppvnet.config.json': JSON.stringify({ addressPools: [{ name: 'europe', ranges: ['10.0.0.0/12'] }] }),
      'seed.ppvnet.json': serializeDesign(loadSample('seed')),
    });
    const r = await validate(['.', '--format', 'json'], dir);
    const messages = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.ruleId === 'PPV-WORKSPACE').map((f) => f.message);
    expect(messages).toEqual(['VNet "vnet-pp-neu" (10.20.0.0/16) in seed.ppvnet.json lies outside every address pool (europe) of the configuration.']);
    const sarif = await validate(['.', '--format', 'sarif'], dir);
    expect(sarif.stdout).toContain('"id": "PPV-WORKSPACE"');
  });

  it('takes PPV-WORKSPACE\'s level from the rules section of ppvnet.config.json, as any rule', async () => {
    const files = (level: string) => ({
      'ppvnet.config.json': JSON.stringify({ rules: { 'PPV-WORKSPACE': level } }),
      'team-a/seed.ppvnet.json': serializeDesign(loadSample('seed')),
      'team-b/brazil.ppvnet.json': overlapping,
    });
    const found = async (level: string) => {
      const r = await validate(['.', '--format', 'json'], workspace(`level-${level}`, files(level)));
      const json = JSON.parse(r.stdout) as { findings: JsonFinding[] };
      return { code: r.code, workspace: json.findings.filter((f) => f.ruleId === 'PPV-WORKSPACE').map((f) => f.severity), config: json.findings.filter((f) => f.ruleId === 'PPV-CONFIG') };
    };
    // The designs have no error of their own: the re-levelled overlap alone fails the run.
    expect(await found('warning')).toEqual({ code: 0, workspace: ['warning'], config: [] });
    expect(await found('error')).toEqual({ code: 1, workspace: ['error'], config: [] });
    const off = await found('off');
    expect(off.workspace).toEqual([]);
    expect(off.config).toEqual([]);
  });
});
