// Rules over IaC: each known problem in the problem fixtures is found and shown on its PROBLEM line; the
// clean fixtures raise no error or warning; and `ppvnet validate` (in-process) reports the same findings.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';
import { validateDesign } from '../../../src/core/rules/engine';
import { FIXTURES, lineAt, readFixture, ROOT } from './iac-support';

const PROBLEMS: Record<string, string[]> = {
  'terraform-problems': ['AZ-08', 'PPV-001', 'PPV-003', 'PPV-006', 'PPV-008', 'PPV-011', 'PPV-014', 'PPV-015', 'PPV-016'],
  'bicep-problems/main.bicep': ['PPV-003', 'PPV-004', 'PPV-008'],
};


async function findings(rel: string) {
  const r = await readFixture(rel);
  return validateDesign(r.design, { locate: r.locate });
}

describe('rules over IaC', () => {
  it('a delegated VNet without a flow log in one input is something to check (info), not a fault: flow logs are often deployed elsewhere', async () => {
    const flowLog = (await findings('terraform-problems')).filter((f) => f.ruleId === 'PPV-045');
    expect(flowLog.length).toBeGreaterThan(0);
    for (const f of flowLog) {
      expect(f.severity).toBe('info');
      expect(f.message).toMatch(/this input declares no VNet flow log .* deployed elsewhere/);
    }
  });

  for (const [rel, expected] of Object.entries(PROBLEMS)) {
    it(`${rel}: every known problem is found, on a line marked PROBLEM or its resource`, async () => {
      const found = (await findings(rel)).filter((f) => f.severity !== 'info');
      expect([...new Set(found.map((f) => f.ruleId))].sort()).toEqual(expected);
      for (const f of found) {
        expect(f.location, `${f.ruleId} has no location`).toBeDefined();
        const line = lineAt(f.location!.file, f.location!.range.start.line);
        expect(line, `${f.ruleId} at line ${f.location!.range.start.line + 1}`).toMatch(/PROBLEM|resource /);
      }
    });
  }

  for (const rel of ['terraform-paired', 'terraform-modules', 'bicep-single/main.bicep', 'bicep-modules/main.bicep', 'bicep-avm/main.bicep', 'bicep-avm-flat/main.bicep']) {
    it(`${rel}: a correct configuration raises no error or warning`, async () => {
      expect((await findings(rel)).filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
    });
  }
});

describe('ppvnet validate on IaC', () => {
  async function cli(arg: string) {
    let stdout = '';
    const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: () => {}, cwd: ROOT, env: {} };
    const code = await main(['validate', arg, '--format', 'json'], io);
    return { code, findings: (JSON.parse(stdout) as { findings: { ruleId: string; file: string; range: { start: { line: number } } }[] }).findings };
  }

  for (const rel of Object.keys(PROBLEMS)) {
    it(`${rel}: the CLI reports what the editor shows, at the same places`, async () => {
      const arg = path.relative(ROOT, path.join(FIXTURES, rel));
      const { code, findings: fromCli } = await cli(arg);
      expect(code).toBe(1);
      const editor = (await findings(rel)).map((f) => `${f.ruleId}@${path.basename(f.location!.file)}:${f.location!.range.start.line}`).sort();
      expect(fromCli.map((f) => `${f.ruleId}@${path.basename(f.file)}:${f.range.start.line}`).sort()).toEqual(editor);
      for (const f of fromCli) expect(path.isAbsolute(f.file)).toBe(false);
    });
  }

  it('a clean Terraform folder exits 0', async () => {
    expect((await cli('test/fixtures/iac/terraform-paired')).code).toBe(0);
  });

  it('prints what a reader could not follow as PPV-READ notes on the module block, and still exits 0', async () => {
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    const dir = mkdtempSync(path.join(ROOT, 'test-results', 'ppvnet-read-note-'));
    try {
      cpSync(path.join(FIXTURES, 'terraform-modules'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'extra.tf'), 'module "extra" {\n  source = "claranet/vnet/azurerm"\n}\n');
      const { code, findings: fromCli } = await cli(path.relative(ROOT, dir));
      expect(code).toBe(0);
      const notes = fromCli.filter((f) => f.ruleId === 'PPV-READ');
      expect(notes.map((f) => `${path.basename(f.file)}:${f.range.start.line}`)).toEqual(['extra.tf:0']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
