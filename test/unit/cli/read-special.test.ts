// `ppvnet export`, `diagram` and `validate --config` read the file named on the command line through the safe
// reader (#12 cases 7, 10): a FIFO or a link to /dev/zero is refused at once with a message, never a hang.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';

const SEED = readFileSync(path.resolve(__dirname, '../../../samples/seed.ppvnet.json'), 'utf8');
let ws: string;
beforeEach(() => {
  ws = mkdtempSync(path.join(tmpdir(), 'ppvnet-read-special-'));
  writeFileSync(path.join(ws, 'seed.ppvnet.json'), SEED);
  execFileSync('mkfifo', [path.join(ws, 'fifo.ppvnet.json')]);
  symlinkSync('/dev/zero', path.join(ws, 'zero.ppvnet.json'));
  execFileSync('mkfifo', [path.join(ws, 'ppvnet.config.json')]);
});
afterEach(() => rmSync(ws, { recursive: true, force: true }));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd: ws, env: {} };
  return { code: await main(args, io), stdout, stderr };
}

const QUICK = { timeout: 1_000 };

describe('files named on the command line are read only when they are regular files', () => {
  it('diagram of a FIFO and of a link to /dev/zero exits 2 with the reason', QUICK, async () => {
    const fifo = await run(['diagram', 'fifo.ppvnet.json']);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toMatch(/fifo\.ppvnet\.json:1:1: error: cannot read the design: it is a FIFO \(named pipe\), not a regular file/);
    const zero = await run(['diagram', 'zero.ppvnet.json']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/leads outside the folder .* \(to \/dev\/zero\)/);
  });

  it('export of a FIFO exits 2', QUICK, async () => {
    const r = await run(['export', 'fifo.ppvnet.json', '--to', 'bicep', '--out', 'out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read 'fifo\.ppvnet\.json'/);
  });

  it('validate --config naming a FIFO reports it as PPV-CONFIG', QUICK, async () => {
    const r = await run(['validate', 'seed.ppvnet.json', '--config', 'ppvnet.config.json', '--format', 'json']);
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'PPV-CONFIG').map((f) => f.message)).toEqual(['Cannot read the rule configuration: it is a FIFO (named pipe), not a regular file']);
  });
});
