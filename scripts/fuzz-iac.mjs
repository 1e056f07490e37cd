#!/usr/bin/env node
// Long fuzz run of the Bicep/Terraform readers (nightly style): `node scripts/fuzz-iac.mjs --cases 100000
// [--start 0]`. Same cases and contract as test/unit/iac/iac-fuzz.test.ts; a failing case prints its number
// and input, and `--start <n> --cases 1` replays it.
import { tsImport } from 'tsx/esm/api';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const cases = arg('cases', 10_000);
const start = arg('start', 0);

const harness = await tsImport('../test/unit/iac/fuzz-harness.ts', import.meta.url);
const { sharedParsers } = await tsImport('../src/node/iac/tree-sitter-parsers.ts', import.meta.url);
const parsers = await sharedParsers();
const base = harness.seeds();
const t0 = Date.now();
let slowest = { ms: 0, n: -1 };
for (let n = start; n < start + cases; n++) {
  const c = harness.mutate(base, n);
  try {
    const r = harness.runCase(parsers, c);
    if (r.ms > slowest.ms) slowest = { ms: r.ms, n };
    if (r.ms > 2_000) throw new Error(`took ${r.ms.toFixed(0)} ms`);
  } catch (e) {
    console.error(`FAILED case ${n} (${c.name}): ${e instanceof Error ? e.stack : e}\n--- input ---\n${c.text.slice(0, 4000)}`);
    process.exit(1);
  }
  if ((n - start + 1) % 5_000 === 0) console.log(`${n - start + 1} cases, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
console.log(`${cases} cases passed in ${((Date.now() - t0) / 1000).toFixed(1)} s; slowest case ${slowest.n}: ${slowest.ms.toFixed(1)} ms`);
