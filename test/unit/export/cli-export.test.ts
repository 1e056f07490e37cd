// `ppvnet export` in-process: writes inside the working directory only, refuses designs with errors
// unless --allow-errors, and refuses to replace hand-edited or foreign files unless --force.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';
import { headerState } from '../../../src/core/export/file-header';
import { FIXTURES } from './export-support';

let cwd: string;
let outside: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd, env: {} };
  const code = await main(['export', ...args], io);
  return { code, stdout, stderr };
}

beforeEach(() => {
  cwd = mkdtempSync(path.join(os.tmpdir(), 'ppvnet-cli-export-'));
  outside = mkdtempSync(path.join(os.tmpdir(), 'ppvnet-outside-'));
  for (const f of ['seed.ppvnet.json', 'sparse-unknowns.ppvnet.json']) copyFileSync(path.join(FIXTURES, f), path.join(cwd, f));
});
afterEach(() => {
  rmSync(cwd, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('ppvnet export', () => {
  it('writes the Bicep export and exits 0; a second run changes nothing', async () => {
    const r = await cli('seed.ppvnet.json', '--to', 'bicep', '--out', 'infra/bicep');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`wrote ${path.join('infra', 'bicep', 'main.bicep')}`);
    for (const f of ['main.bicep', 'link-environments.sh', 'link-environments.ps1', 'verify-connectivity.ps1', 'data-gateways.md', 'data-policies.md']) {
      expect(headerState(readFileSync(path.join(cwd, 'infra/bicep', f), 'utf8'))).toBe('generated');
    }
    const again = await cli('seed.ppvnet.json', '--to=bicep', '--out=infra/bicep');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('7 file(s) already up to date\n');
  });

  it('writes the Terraform export', async () => {
    const r = await cli('seed.ppvnet.json', '--to', 'terraform', '--out', 'tf');
    expect(r.code).toBe(0);
    for (const f of ['main.tf', 'providers.tf', 'variables.tf', 'outputs.tf']) expect(existsSync(path.join(cwd, 'tf', f))).toBe(true);
  });

  it('replaces its own untouched files, but refuses a hand-edited one unless --force (exit 1)', async () => {
    await cli('seed.ppvnet.json', '--to', 'terraform', '--out', 'tf');
    const file = path.join(cwd, 'tf', 'main.tf');
    const edited = readFileSync(file, 'utf8').replace('sku_name                = "Standard"', 'sku_name                = "Premium"');
    writeFileSync(file, edited);
    // Change the design so the export differs; untouched generated files are replaced silently.
    const design = path.join(cwd, 'seed.ppvnet.json');
    writeFileSync(design, readFileSync(design, 'utf8').replace('"ep-casemgmt-prod"', '"ep-casemgmt-prod2"'));
    const refused = await cli('seed.ppvnet.json', '--to', 'terraform', '--out', 'tf');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${path.join('tf', 'main.tf')} (edited by hand since it was exported)`);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    // Nothing is written when one file is refused: the export stays consistent.
    expect(readFileSync(path.join(cwd, 'tf', 'variables.tf'), 'utf8')).not.toContain('ep-casemgmt-prod2');
    const forced = await cli('seed.ppvnet.json', '--to', 'terraform', '--out', 'tf', '--force');
    expect(forced.code).toBe(0);
    expect(headerState(readFileSync(file, 'utf8'))).toBe('generated');
    expect(readFileSync(path.join(cwd, 'tf', 'variables.tf'), 'utf8')).toContain('ep-casemgmt-prod2');
  });

  it('refuses to replace a file it did not write', async () => {
    mkdirSync(path.join(cwd, 'out'));
    writeFileSync(path.join(cwd, 'out', 'main.bicep'), '// my own template\n');
    const r = await cli('seed.ppvnet.json', '--to', 'bicep', '--out', 'out');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not written by ppvnet');
    expect(readFileSync(path.join(cwd, 'out', 'main.bicep'), 'utf8')).toBe('// my own template\n');
  });

  it('refuses output folders outside the working directory, including through a symlink (exit 2)', async () => {
    expect((await cli('seed.ppvnet.json', '--to', 'bicep', '--out', '../elsewhere')).code).toBe(2);
    expect((await cli('seed.ppvnet.json', '--to', 'bicep', '--out', outside)).code).toBe(2);
    symlinkSync(outside, path.join(cwd, 'escape'));
    const r = await cli('seed.ppvnet.json', '--to', 'bicep', '--out', 'escape/bicep');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('symbolic link');
    expect(existsSync(path.join(outside, 'bicep'))).toBe(false);
  });

  it('refuses to overwrite a file that is a symlink out of the working directory', async () => {
    mkdirSync(path.join(cwd, 'out'));
    writeFileSync(path.join(outside, 'target.bicep'), 'x');
    symlinkSync(path.join(outside, 'target.bicep'), path.join(cwd, 'out', 'main.bicep'));
    const r = await cli('seed.ppvnet.json', '--to', 'bicep', '--out', 'out', '--force');
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(outside, 'target.bicep'), 'utf8')).toBe('x');
  });

  it('refuses a design with error-level findings and lists them, unless --allow-errors', async () => {
    const r = await cli('sparse-unknowns.ppvnet.json', '--to', 'bicep', '--out', 'out');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error-level finding\(s\); fix them or pass --allow-errors:\n {2}AZ-09 \(vpngw\)/);
    expect(existsSync(path.join(cwd, 'out'))).toBe(false);
    const allowed = await cli('sparse-unknowns.ppvnet.json', '--to', 'bicep', '--out', 'out', '--allow-errors');
    expect(allowed.code).toBe(0);
    expect(existsSync(path.join(cwd, 'out', 'main.bicep'))).toBe(true);
  });

  it('reports usage errors and unreadable designs with exit 2', async () => {
    expect((await cli('seed.ppvnet.json', '--to', 'arm', '--out', 'x')).code).toBe(2);
    expect((await cli('seed.ppvnet.json', '--to', 'bicep')).code).toBe(2);
    expect((await cli('--to', 'bicep', '--out', 'x')).code).toBe(2);
    expect((await cli('missing.ppvnet.json', '--to', 'bicep', '--out', 'x')).code).toBe(2);
    writeFileSync(path.join(cwd, 'bad.ppvnet.json'), '{ "version": 1, ');
    const bad = await cli('bad.ppvnet.json', '--to', 'bicep', '--out', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.ppvnet\.json:1:\d+: error: JSON syntax/);
  });
});
