// The rule configuration is the same for every CLI command: a rule turned off in ppvnet.config.json no
// longer blocks `ppvnet export` and no longer badges `ppvnet diagram`, found upwards or given by --config.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';
import { renderDesignSvg } from '../../../src/core/diagram/render-svg';
import { loadDesign } from '../../../src/core/model/load-design';
import { validateDesign } from '../../../src/core/rules/engine';

const FIXTURES = path.resolve(__dirname, '../../fixtures/designs');
/** sparse-unknowns has one error-level finding: AZ-09 on its VPN gateway. */
const DESIGN = 'sparse-unknowns.ppvnet.json';
const AZ09_OFF = '{ // the gateway SKU is decided elsewhere\n  "rules": { "AZ-09": "off" }\n}\n';

let cwd: string;

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd, env: {} };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

beforeEach(() => {
  cwd = mkdtempSync(path.join(os.tmpdir(), 'ppvnet-cli-config-'));
  mkdirSync(path.join(cwd, 'infra'));
  copyFileSync(path.join(FIXTURES, DESIGN), path.join(cwd, 'infra', DESIGN));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe('ppvnet export honours the rule configuration', () => {
  it('is refused while AZ-09 is an error, and exports once ppvnet.config.json turns it off', async () => {
    const refused = await cli('export', `infra/${DESIGN}`, '--to', 'bicep', '--out', 'out');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('AZ-09 (vpngw)');

    writeFileSync(path.join(cwd, 'ppvnet.config.json'), AZ09_OFF);
    const exported = await cli('export', `infra/${DESIGN}`, '--to', 'bicep', '--out', 'out');
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(path.join(cwd, 'out', 'main.bicep'))).toBe(true);
  });

  it('takes --config over the file found upwards', async () => {
    writeFileSync(path.join(cwd, 'ppvnet.config.json'), '{ "rules": { "AZ-09": "error" } }');
    writeFileSync(path.join(cwd, 'lenient.json'), AZ09_OFF);
    expect((await cli('export', `infra/${DESIGN}`, '--to', 'terraform', '--out', 'tf')).code).toBe(1);
    expect((await cli('export', `infra/${DESIGN}`, '--to', 'terraform', '--out', 'tf', '--config', 'lenient.json')).code).toBe(0);
    expect((await cli('export', `infra/${DESIGN}`, '--to', 'terraform', '--out', 'tf', '--config', 'missing.json')).code).toBe(2);
  });

  it('warns about configuration problems and still applies the valid entries', async () => {
    writeFileSync(path.join(cwd, 'ppvnet.config.json'), '{\n  "rules": {\n    "AZ-99": "off",\n    "AZ-09": "off"\n  }\n}\n');
    const r = await cli('export', `infra/${DESIGN}`, '--to', 'bicep', '--out', 'out');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('ppvnet export: warning: ppvnet.config.json:3:5: Unknown rule id "AZ-99".\n');
  });
});

describe('ppvnet diagram honours the rule configuration', () => {
  it('draws no badge for a rule turned off', async () => {
    const design = loadDesign(readFileSync(path.join(FIXTURES, DESIGN), 'utf8'));
    if (!design.ok) throw new Error('fixture does not load');
    const all = await cli('diagram', `infra/${DESIGN}`);
    expect(all.stdout).toBe(renderDesignSvg(design.design, { findings: validateDesign(design.design) }));

    writeFileSync(path.join(cwd, 'ppvnet.config.json'), AZ09_OFF);
    const lenient = await cli('diagram', `infra/${DESIGN}`);
    const config = { rules: { 'AZ-09': 'off' as const } };
    expect(lenient.stdout).toBe(renderDesignSvg(design.design, { findings: validateDesign(design.design, { config }) }));
    expect(lenient.stdout).not.toBe(all.stdout);
  });
});
