// `ppvnet export` and `ppvnet diagram --out` in-process against planted symbolic links: both refuse to write
// outside the current directory with a message and exit 2, never a stack trace, and nothing lands outside.
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';

const SEED = readFileSync(path.resolve(__dirname, '../../../samples/seed.ppvnet.json'), 'utf8');
let ws: string;
let outside: string;
beforeEach(() => {
  ws = mkdtempSync(path.join(tmpdir(), 'ppvnet-ws-'));
  outside = mkdtempSync(path.join(tmpdir(), 'ppvnet-outside-'));
  writeFileSync(path.join(ws, 'seed.ppvnet.json'), SEED);
});
afterEach(() => {
  rmSync(ws, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd: ws, env: {} };
  return { code: await main(args, io), stdout, stderr };
}

describe('writes stay inside the working directory', () => {
  it('diagram --out refuses a dangling link that points outside', async () => {
    symlinkSync(path.join(outside, 'OUT.svg'), path.join(ws, 'pic.svg'));
    const r = await run(['diagram', 'seed.ppvnet.json', '--out', 'pic.svg']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/symbolic link/);
    expect(existsSync(path.join(outside, 'OUT.svg'))).toBe(false);
  });

  it('diagram --out refuses a path outside as written', async () => {
    const r = await run(['diagram', 'seed.ppvnet.json', '--out', path.join(outside, 'x.svg')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outside the workspace/);
  });

  it('export refuses an output file that is a dangling link out, and an output folder that is one', async () => {
    await run(['export', 'seed.ppvnet.json', '--to', 'terraform', '--out', 'o']);
    rmSync(path.join(ws, 'o', 'main.tf'));
    symlinkSync(path.join(outside, 'OUTSIDE-main.tf'), path.join(ws, 'o', 'main.tf'));
    const file = await run(['export', 'seed.ppvnet.json', '--to', 'terraform', '--out', 'o', '--force']);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/symbolic link that leads outside/);
    symlinkSync(path.join(outside, 'nonexistent'), path.join(ws, 'od'));
    const folder = await run(['export', 'seed.ppvnet.json', '--to', 'bicep', '--out', 'od']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/^ppvnet export: .*symbolic link/m);
    expect(folder.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(outside, 'OUTSIDE-main.tf')) || existsSync(path.join(outside, 'nonexistent'))).toBe(false);
  });
});
