// loadInputs: which arguments are unusable (a usage error for the caller) and which are read, with their
// load errors kept as findings about the file.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInputs } from '../../../src/cli/load-inputs';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ppvnet-inputs-'));
  await writeFile(path.join(dir, 'broken.ppvnet.json'), '{ "version": 1, ');
  await writeFile(path.join(dir, 'notes.txt'), 'not a design');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('loadInputs', () => {
  it('marks a missing path as an unusable argument', async () => {
    const [input] = await loadInputs(['missing.ppvnet.json'], dir);
    expect(input?.unusableArgument).toMatch(/cannot read 'missing\.ppvnet\.json': no such file or folder/);
    expect(input?.design).toBeUndefined();
  });

  it('marks a file no reader understands as an unusable argument', async () => {
    const [input] = await loadInputs(['notes.txt'], dir);
    expect(input?.unusableArgument).toMatch(/'notes\.txt' is not a design/);
  });

  it('reads a broken design as a usable argument whose load errors are positioned findings', async () => {
    const [input] = await loadInputs(['broken.ppvnet.json'], dir);
    expect(input?.unusableArgument).toBeUndefined();
    expect(input?.errors.length).toBeGreaterThan(0);
    expect(input?.errors[0]?.range.start.line).toBe(0);
  });

  it('skips files in a folder that no reader claims instead of calling the folder unusable', async () => {
    const inputs = await loadInputs(['.'], dir);
    expect(inputs.map((i) => i.file)).toEqual(['broken.ppvnet.json']);
    expect(inputs.every((i) => i.unusableArgument === undefined)).toBe(true);
  });

  it('reads a design saved with a UTF-8 BOM, named or found in a folder scan (#12 case 11)', async () => {
    const bomDir = await mkdtemp(path.join(tmpdir(), 'ppvnet-bom-'));
    try {
      const seed = await readFile(path.resolve(__dirname, '../../../samples/minimal.ppvnet.json'), 'utf8');
      await mkdir(path.join(bomDir, 'nested'));
      await writeFile(path.join(bomDir, 'nested', 'bom.ppvnet.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]));
      const named = await loadInputs([path.join('nested', 'bom.ppvnet.json')], bomDir);
      const scanned = await loadInputs(['.'], bomDir);
      for (const [input] of [named, scanned]) {
        expect(input?.errors).toEqual([]);
        expect(input?.design?.name).toMatch(/Minimal/);
        // Findings are placed as VS Code shows the file, with the BOM not counted as a column.
        expect(input?.locate?.({ elementId: 'env-sandbox' })?.range.start).toEqual({ line: 6, character: 12 });
      }
    } finally {
      await rm(bomDir, { recursive: true, force: true });
    }
  });
});

describe('loadInputs over special files (#12 cases 7, 10)', () => {
  it('follows links whose real target is inside the folder, and reports FIFOs, dangling and outside links', { timeout: 1_000 }, async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'ppvnet-scan-'));
    const ws = path.join(base, 'ws');
    try {
      const seed = await readFile(path.resolve(__dirname, '../../../samples/minimal.ppvnet.json'), 'utf8');
      await mkdir(path.join(ws, 'designs'), { recursive: true });
      await writeFile(path.join(ws, 'designs', 'real.ppvnet.json'), seed);
      await writeFile(path.join(base, 'secret.ppvnet.json'), seed);
      await symlink(path.join(ws, 'designs', 'real.ppvnet.json'), path.join(ws, 'linked.ppvnet.json'));
      await symlink(path.join(ws, 'designs'), path.join(ws, 'linked-folder'));
      await symlink(ws, path.join(ws, 'designs', 'cycle'));
      await symlink(path.join(base, 'secret.ppvnet.json'), path.join(ws, 'out.ppvnet.json'));
      await symlink(path.join(ws, 'gone.ppvnet.json'), path.join(ws, 'dangling.ppvnet.json'));
      await symlink('/dev/zero', path.join(ws, 'zero.ppvnet.json'));
      execFileSync('mkfifo', [path.join(ws, 'fifo.ppvnet.json')]);
      const inputs = await loadInputs(['.'], ws);
      const summary = inputs.map((i) => `${i.file} ${i.design ? 'read' : i.errors.map((e) => e.message).join()}`);
      expect(summary).toEqual([
        "dangling.ppvnet.json cannot read 'dangling.ppvnet.json': it is a symbolic link to nothing (dangling)",
        'designs/real.ppvnet.json read',
        "fifo.ppvnet.json cannot read 'fifo.ppvnet.json': it is a FIFO (named pipe), not a regular file",
        'linked-folder/real.ppvnet.json read',
        'linked.ppvnet.json read',
        expect.stringMatching(/^out\.ppvnet\.json not read: 'out\.ppvnet\.json' leads outside the folder .* \(to .*secret\.ppvnet\.json\)$/),
        expect.stringMatching(/^zero\.ppvnet\.json not read: 'zero\.ppvnet\.json' leads outside the folder .* \(to \/dev\/zero\)$/),
      ]);
      expect(inputs.every((i) => i.unusableArgument === undefined)).toBe(true);
      const [named] = await loadInputs(['fifo.ppvnet.json'], ws);
      expect(named?.errors.map((e) => e.message)).toEqual(["cannot read 'fifo.ppvnet.json': it is a FIFO (named pipe), not a regular file"]);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
