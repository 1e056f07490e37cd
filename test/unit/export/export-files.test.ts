// The host/CLI write rules: output-folder substitution, containment, and classification of existing files.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stampFile } from '../../../src/core/export/file-header';
import { applyWrites, designNameOf, needsConsent, OutsideWorkspaceError, planWrites, resolveInside, substituteOutputFolder } from '../../../src/node/export/export-files';

let root: string;
beforeEach(() => { root = mkdtempSync(path.join(os.tmpdir(), 'ppvnet-files-')); });
afterEach(() => { rmSync(root, { recursive: true, force: true }); });

describe('output folder', () => {
  it('substitutes ${designName} and ${format}', () => {
    expect(substituteOutputFolder('infra/${designName}/${format}', designNameOf('/w/case.ppvnet.json'), 'terraform')).toBe('infra/case/terraform');
  });

  it('resolves inside the workspace and refuses escapes', async () => {
    expect(await resolveInside(root, 'infra/a/bicep')).toBe(path.join(root, 'infra/a/bicep'));
    expect(await resolveInside(root, '.')).toBe(root);
    await expect(resolveInside(root, '../x')).rejects.toBeInstanceOf(OutsideWorkspaceError);
    await expect(resolveInside(root, '/etc')).rejects.toBeInstanceOf(OutsideWorkspaceError);
    const other = mkdtempSync(path.join(os.tmpdir(), 'ppvnet-other-'));
    try {
      symlinkSync(other, path.join(root, 'link'));
      await expect(resolveInside(root, 'link/deeper/still')).rejects.toThrow(/symbolic link/);
      // A symlink that stays inside is fine.
      mkdirSync(path.join(root, 'real'));
      symlinkSync(path.join(root, 'real'), path.join(root, 'inner'));
      expect(await resolveInside(root, 'inner/x')).toBe(path.join(root, 'inner/x'));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('planWrites / applyWrites', () => {
  it('classifies new, unchanged, generated, edited and foreign files, and writes all but unchanged', async () => {
    const out = path.join(root, 'out');
    mkdirSync(out);
    const file = (p: string, body: string) => ({ path: p, content: stampFile(body, { prefix: '#' }, 'd.ppvnet.json') });
    const next = [file('new.tf', 'a\n'), file('same.tf', 'b\n'), file('ours.tf', 'c2\n'), file('edited.tf', 'd2\n'), file('foreign.tf', 'e\n')];
    writeFileSync(path.join(out, 'same.tf'), next[1]!.content);
    writeFileSync(path.join(out, 'ours.tf'), stampFile('c1\n', { prefix: '#' }, 'd.ppvnet.json'));
    writeFileSync(path.join(out, 'edited.tf'), `${stampFile('d1\n', { prefix: '#' }, 'd.ppvnet.json')}# note\n`);
    writeFileSync(path.join(out, 'foreign.tf'), 'resource "x" "y" {}\n');
    const plan = await planWrites(root, out, next);
    expect(plan.map((p) => [p.file.path, p.state])).toEqual([['new.tf', 'new'], ['same.tf', 'unchanged'], ['ours.tf', 'generated'], ['edited.tf', 'edited'], ['foreign.tf', 'foreign']]);
    expect(needsConsent(plan).map((p) => p.file.path)).toEqual(['edited.tf', 'foreign.tf']);
    const written = await applyWrites(root, plan);
    expect(written.map((w) => path.basename(w))).toEqual(['new.tf', 'ours.tf', 'edited.tf', 'foreign.tf']);
  });
});
