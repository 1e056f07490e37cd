// readInside, the disk reader of IaC and design files, against special files planted in a temp folder:
// FIFOs, links to /dev/zero, dangling and out-of-root links, oversized files. Each read is answered at once.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInside } from '../../../src/node/files/read-inside';

const base = mkdtempSync(path.join(tmpdir(), 'ppvnet-read-inside-'));
const root = path.join(base, 'root');
const outside = path.join(base, 'outside');
mkdirSync(path.join(root, 'sub'), { recursive: true });
mkdirSync(outside);
writeFileSync(path.join(root, 'main.tf'), 'resource "a" "b" {}\n');
writeFileSync(path.join(outside, 'secret.tf'), 'secret\n');
writeFileSync(path.join(root, 'big.tf'), 'x'.repeat(2048));
execFileSync('mkfifo', [path.join(root, 'fifo.tf')]);
symlinkSync('/dev/zero', path.join(root, 'zero.tf'));
symlinkSync('/dev/stdin', path.join(root, 'stdin.tf'));
symlinkSync(path.join(root, 'main.tf'), path.join(root, 'sub', 'link.tf'));
symlinkSync(path.join(outside, 'secret.tf'), path.join(root, 'out.tf'));
symlinkSync(path.join(root, 'gone.tf'), path.join(root, 'dangling.tf'));
symlinkSync(path.join(root, 'loop-b.tf'), path.join(root, 'loop-a.tf'));
symlinkSync(path.join(root, 'loop-a.tf'), path.join(root, 'loop-b.tf'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const read = (file: string, maxBytes = 1024) => readInside(root, path.join(root, file), { extensions: ['.tf'], maxBytes });
const QUICK = { timeout: 1_000 };

describe('readInside', () => {
  it('reads a regular file, and one through a link whose target is inside the root', QUICK, async () => {
    expect(await read('main.tf')).toBe('resource "a" "b" {}\n');
    expect(await read('sub/link.tf')).toBe('resource "a" "b" {}\n');
  });

  it('refuses a FIFO without opening it for long', QUICK, async () => {
    expect(await read('fifo.tf')).toEqual({ refused: 'it is a FIFO (named pipe), not a regular file' });
  });

  it('refuses links to /dev/zero and /dev/stdin, and to a file outside the root', QUICK, async () => {
    expect(await read('zero.tf')).toEqual({ refused: expect.stringMatching(/leads outside the folder .* through a symbolic link \(to \/dev\/zero\)/) });
    expect(await read('stdin.tf')).toEqual({ refused: expect.stringMatching(/leads outside the folder|not a regular file|cannot be read/) });
    expect(await read('out.tf')).toEqual({ refused: expect.stringMatching(/leads outside the folder .*secret\.tf/) });
  });

  it('refuses a path outside the root as written, and /dev/zero named directly', QUICK, async () => {
    expect(await readInside(root, path.join(outside, 'secret.tf'), { maxBytes: 1024 })).toEqual({ refused: `it is outside the folder ${root}` });
    expect(await readInside('/dev', '/dev/zero', { maxBytes: 1024 })).toEqual({ refused: 'it is a character device, not a regular file' });
  });

  it('says a dangling link or a link loop is one; a missing file is undefined', QUICK, async () => {
    expect(await read('dangling.tf')).toEqual({ refused: 'it is a symbolic link to nothing (dangling)' });
    expect(await read('loop-a.tf')).toEqual({ refused: 'it is a loop of symbolic links' });
    expect(await read('missing.tf')).toBeUndefined();
  });

  it('refuses a file over the size limit and one of another extension', QUICK, async () => {
    expect(await read('big.tf', 1024 * 1024)).toHaveLength(2048);
    expect(await read('big.tf', 1024)).toEqual({ refused: 'it is larger than 1024 bytes' });
    expect(await readInside(root, path.join(root, 'main.tf'), { extensions: ['.bicep'], maxBytes: 1024 })).toEqual({ refused: 'it is not a .bicep file' });
  });
});
