// The safe writer on hostile file-system shapes: dangling links out of the root, link cycles, links swapped in,
// FIFOs, and links that stay inside (followed, as the user meant).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutsideWorkspaceError, realLocation, resolveInside, writeInside } from '../../../src/node/export/safe-write';
import { planWrites } from '../../../src/node/export/export-files';

let root: string;
let outside: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ppvnet-safe-'));
  outside = mkdtempSync(path.join(os.tmpdir(), 'ppvnet-outside-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('realLocation', () => {
  it('follows a dangling link to where a write would land', async () => {
    symlinkSync(path.join(outside, 'not-yet.tf'), path.join(root, 'main.tf'));
    expect(await realLocation(path.join(root, 'main.tf'))).toBe(path.join(await realLocation(outside), 'not-yet.tf'));
  });

  it('refuses a cycle of links instead of looping', async () => {
    symlinkSync(path.join(root, 'b'), path.join(root, 'a'));
    symlinkSync(path.join(root, 'a'), path.join(root, 'b'));
    await expect(realLocation(path.join(root, 'a', 'x'))).rejects.toBeInstanceOf(OutsideWorkspaceError);
  });
});

describe('resolveInside', () => {
  it('refuses an output folder that is a dangling link to a folder outside', async () => {
    symlinkSync(path.join(outside, 'made-later'), path.join(root, 'infra'));
    await expect(resolveInside(root, 'infra/bicep')).rejects.toThrow(/symbolic link/);
  });
});

describe('writeInside', () => {
  it('never writes through a dangling link that points outside', async () => {
    const target = path.join(outside, 'OUTSIDE.tf');
    symlinkSync(target, path.join(root, 'main.tf'));
    await expect(writeInside(root, path.join(root, 'main.tf'), 'x')).rejects.toBeInstanceOf(OutsideWorkspaceError);
    expect(existsSync(target)).toBe(false);
  });

  it('follows a link that stays inside and writes the real file', async () => {
    mkdirSync(path.join(root, 'real'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'out'));
    await writeInside(root, path.join(root, 'out', 'a.bicep'), 'param x string\n');
    expect(readFileSync(path.join(root, 'real', 'a.bicep'), 'utf8')).toBe('param x string\n');
  });

  it('makes missing folders and refuses a FIFO without blocking on it', async () => {
    await writeInside(root, path.join(root, 'a', 'b', 'c.tf'), 'ok\n');
    expect(readFileSync(path.join(root, 'a', 'b', 'c.tf'), 'utf8')).toBe('ok\n');
    execFileSync('mkfifo', [path.join(root, 'pipe.tf')]);
    await expect(writeInside(root, path.join(root, 'pipe.tf'), 'x')).rejects.toThrow(/not a regular file/);
  });

  it('refuses a path outside the root as written', async () => {
    await expect(writeInside(root, path.join(outside, 'x.tf'), 'x')).rejects.toBeInstanceOf(OutsideWorkspaceError);
  });
});

describe('planWrites', () => {
  it('refuses an existing output file that is a dangling link out of the workspace', async () => {
    mkdirSync(path.join(root, 'out'));
    symlinkSync(path.join(outside, 'OUTSIDE-main.tf'), path.join(root, 'out', 'main.tf'));
    await expect(planWrites(root, path.join(root, 'out'), [{ path: 'main.tf', content: 'x' }])).rejects.toThrow(/symbolic link/);
  });

  it('refuses a FIFO in place of an output file before reading it', async () => {
    mkdirSync(path.join(root, 'out'));
    execFileSync('mkfifo', [path.join(root, 'out', 'main.tf')]);
    await expect(planWrites(root, path.join(root, 'out'), [{ path: 'main.tf', content: 'x' }])).rejects.toThrow(/not a regular file/);
  });

  it('reads an output file that is a link inside the workspace', async () => {
    mkdirSync(path.join(root, 'out'));
    writeFileSync(path.join(root, 'kept.tf'), 'x');
    symlinkSync(path.join(root, 'kept.tf'), path.join(root, 'out', 'main.tf'));
    const [p] = await planWrites(root, path.join(root, 'out'), [{ path: 'main.tf', content: 'x' }]);
    expect(p!.state).toBe('unchanged');
  });
});
