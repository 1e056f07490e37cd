// scripts/fuzz-iac.mjs is strict about its arguments (#12 case 14): "--cases abc" used to run "NaN cases" and
// exit 0. A usage error prints the usage and exits 2; --help prints it and exits 0; a short run reports figures.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(__dirname, '../../../scripts/fuzz-iac.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 30_000 });

describe('fuzz-iac.mjs arguments', () => {
  it.each([['--cases', 'abc'], ['--cases', '1.5'], ['--cases', '-3'], ['--start'], ['--bogus', '1'], ['100']])('refuses %s with the usage and exit 2', (...args) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fuzz-iac: .*\n\nusage: node scripts\/fuzz-iac\.mjs/);
    expect(r.stdout).toBe('');
  });

  it('prints the usage for --help and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: .*--cases <n>.*--start <n>/s);
  });

  it('runs a few cases, disk cases included, and reports cases, time, slowest case, crashes and hangs', () => {
    const r = run('--start', '0', '--cases', '21');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^21 cases \(2 on disk\) in [\d.]+ s; slowest case \d+: [\d.]+ ms; crashes 0; hangs 0; none over 1000 ms\n$/);
  });
});
