// Fuzz (CI size): thousands of mutated fixtures and token soups through parse → read → validate, none may
// throw, exceed the per-case time bound or yield an invalid design. Long runs: scripts/fuzz-iac.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mutate, runAnyCase, seeds } from './fuzz-harness';
import { parsers } from './iac-support';

const CASES = Number(process.env.PPVNET_FUZZ_CASES ?? 3000);
const scratch = mkdtempSync(path.join(tmpdir(), 'ppvnet-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('IaC reader fuzz', () => {
  it(`survives ${CASES} mutated inputs with bounded time per case`, async () => {
    const p = await parsers();
    const base = seeds();
    expect(base.length).toBeGreaterThan(4);
    let slowest = 0;
    let slowestName = '';
    for (let n = 0; n < CASES; n++) {
      const c = mutate(base, n);
      let r;
      try {
        r = await runAnyCase(p, c, path.join(scratch, 'case'));
      } catch (e) {
        throw new Error(`case ${n} (${c.name}) failed: ${e instanceof Error ? e.stack : String(e)}\n--- input ---\n${c.text.slice(0, 2000)}`, { cause: e });
      }
      if (r.ms > slowest) {
        slowest = r.ms;
        slowestName = c.name;
      }
    }
    expect(slowest, `slowest case ${slowestName}`).toBeLessThan(2_000);
  }, 120_000);
});
