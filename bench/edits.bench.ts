// Cost of one optimistic edit in the webview: `applyEditIncrementally` (checks what the edit changed) against
// `applyEdit` (zod schema + integrity over the whole design, what the host runs), on generated designs of
// 1,000 and 10,000 elements, measured in the same run, with zod as the host runs it and as the webview does.
// Then the host's validation after the edit: all rules (validateDesign) against only the rules whose reads the
// edit changed (validateDesignAfter), both locating findings in the edit's text as the designer does.
import { config } from 'zod';
import { applyEdit, applyEditIncrementally, type DesignEdit } from '../src/core/model/design-edits';
import { indexCheckedDesign } from '../src/core/model/load-design';
import type { Design } from '../src/core/model/schema';
import { serializeDesign } from '../src/core/model/serialize-design';
import { designLocator } from '../src/core/rules/design-locator';
import { validateDesign, validateDesignAfter } from '../src/core/rules/engine';
import { RULES } from '../src/core/rules/registry';
import { generateDesign } from './rules.bench';
import { median } from './cpu-time';

const SIZES = [1_000, 10_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** CPU time (user + system) in ms of `reps` calls, per call: wall-clock time on a shared machine mostly measures the others. */
function perCall(reps: number, fn: () => void): number {
  const c = process.cpuUsage();
  for (let i = 0; i < reps; i++) fn();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000 / reps;
}

/** The gestures of the designer, as the edits they send. */
function gestures(d: Design): { name: string; edit: DesignEdit }[] {
  const vnets = d.elements.filter((e) => e.kind === 'vnet').slice(0, 100);
  return [
    { name: 'drag one element (moveElements)', edit: { op: 'moveElements', moves: [{ id: 'env-0', position: { x: 40, y: 80 } }] } },
    { name: 'inspector keystroke (updateElement name)', edit: { op: 'updateElement', id: 'vnet-0a-app', set: { name: 'snet-app-x' } } },
    { name: 'connect (addRelation)', edit: { op: 'addRelation', relation: { id: 'bench-nat', kind: 'natAssociation', from: 'vnet-0a-nat', to: 'vnet-0a-app' } } },
    { name: 'palette drop (addElements subnet)', edit: { op: 'addElements', elements: [{ id: 'bench-snet', kind: 'subnet', name: 'snet-new', addressPrefix: '10.0.9.0/24', parent: 'vnet-0a', position: { x: 20, y: 300 } }] } },
    { name: 'delete a VNet (removeElements, cascades)', edit: { op: 'removeElements', ids: ['vnet-1b'] } },
    { name: 'auto-layout of 100 VNets (moveElements ×100)', edit: { op: 'moveElements', moves: vnets.map((v, i) => ({ id: v.id, position: { x: i * 10, y: i * 20 } })) } },
  ];
}

interface Row { elements: number; gesture: string; full: number; fast: number; fullJitless: number; fastJitless: number }

function timeBoth(n: number, design: Design, edit: DesignEdit): { full: number; fast: number } {
  const fullReps = n >= 10_000 ? 1 : 3;
  const fastReps = n >= 10_000 ? 20 : 100;
  const fullT: number[] = [];
  const fastT: number[] = [];
  for (let r = 0; r < RUNS + 1; r++) {
    const f = perCall(fullReps, () => applyEdit(design, edit));
    const i = perCall(fastReps, () => applyEditIncrementally(design, edit));
    if (r === 0) continue; // warm-up
    fullT.push(f);
    fastT.push(i);
  }
  return { full: median(fullT), fast: median(fastT) };
}

function measure(n: number): Row[] {
  const design = generateDesign(n);
  return gestures(design).map(({ name, edit }) => {
    const full = applyEdit(design, edit);
    const fast = applyEditIncrementally(design, edit);
    if (!full.ok || !fast.ok) throw new Error(`${name} refused: ${full.ok ? '' : full.error} / ${fast.ok ? '' : fast.error}`);
    // The host runs zod with its generated parsers; the webview's CSP forbids eval, so it runs zod jitless.
    config({ jitless: false });
    const jit = timeBoth(n, design, edit);
    config({ jitless: true });
    const jitless = timeBoth(n, design, edit);
    config({ jitless: false });
    return { elements: design.elements.length, gesture: name, full: jit.full, fast: jit.fast, fullJitless: jitless.full, fastJitless: jitless.fast };
  });
}

interface ValidationRow { gesture: string; full: number; incremental: number; ran: number }

/** Validation after each gesture at `n` elements: the full catalog against the rules the edit affects. */
function measureValidation(n: number): ValidationRow[] {
  const design = generateDesign(n);
  const before = validateDesignAfter(undefined, design);
  return gestures(design).map(({ name, edit }) => {
    const r = applyEdit(design, edit);
    if (!r.ok) throw new Error(`${name} refused: ${r.error}`);
    const load = indexCheckedDesign(serializeDesign(r.design), r.design);
    if (!load.ok) throw new Error('edited design does not index');
    const locate = designLocator(load.index, 'bench.ppvnet.json');
    const full: number[] = [];
    const incremental: number[] = [];
    let ran = 0;
    for (let k = 0; k < RUNS + 1; k++) {
      const f = perCall(1, () => validateDesign(r.design, { locate }));
      const i = perCall(1, () => { ran = validateDesignAfter(before, r.design, { locate }).ran; });
      if (k === 0) continue;
      full.push(f);
      incremental.push(i);
    }
    return { gesture: name, full: median(full), incremental: median(incremental), ran };
  });
}

function main(): void {
  console.log(`Per-edit CPU time (user + system), median of ${RUNS} runs after one warm-up; Node ${process.version}.`);
  console.log('zod with generated parsers (as in the extension host) and jitless (as in the webview, whose CSP forbids eval).\n');
  console.log('| elements | gesture | full check ms | incremental ms | ratio | full check, jitless ms | incremental, jitless ms | ratio |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
  const rows = SIZES.flatMap(measure);
  const f = (x: number) => (x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));
  const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 ? 2 : 1)} %`;
  for (const r of rows) {
    console.log(`| ${r.elements} | ${r.gesture} | ${f(r.full)} | ${f(r.fast)} | ${pct(r.fast / r.full)} | ${f(r.fullJitless)} | ${f(r.fastJitless)} | ${pct(r.fastJitless / r.fullJitless)} |`);
  }
  for (const n of new Set(rows.map((r) => r.elements))) {
    const mine = rows.filter((r) => r.elements === n && !r.gesture.startsWith('auto-layout'));
    const worst = Math.max(...mine.map((r) => r.fastJitless / r.fullJitless));
    const slowest = Math.max(...mine.map((r) => r.fastJitless));
    console.log(`\n${n} elements, in the webview (jitless): a single-element gesture costs at most ${pct(worst)} of the full check (${f(slowest)} ms at most; the full check takes ${f(median(mine.map((r) => r.fullJitless)))} ms).`);
  }
  const n = SIZES[SIZES.length - 1]!;
  console.log(`\nValidation in the host after the edit, ${n} elements (findings located in the edit's text), CPU ms, median of ${RUNS}:\n`);
  console.log(`| gesture | validateDesign (${RULES.length} rules) ms | incremental ms | rules re-run | ratio |`);
  console.log('|---|---:|---:|---:|---:|');
  for (const r of measureValidation(n)) console.log(`| ${r.gesture} | ${f(r.full)} | ${f(r.incremental)} | ${r.ran} | ${pct(r.incremental / r.full)} |`);
}

if (process.argv[1]?.endsWith('edits.bench.ts')) main();
