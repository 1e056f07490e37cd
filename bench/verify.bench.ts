// Network verifier cost: all flows of generated designs (bench/rules.bench.ts's paired-region units with
// NSGs, NAT, private endpoints, DNS zones and a shared hub), as a ratio to validateDesign of the same
// design in the same run, with declared workloads and without (IaC: every private endpoint a target).
import type { Design } from '../src/core/model/schema';
import { validateDesign } from '../src/core/rules/engine';
import { verifyDesign } from '../src/core/verify/verify-design';
import { generateDesign } from './rules.bench';

const SIZES = [100, 1_000, 10_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Issue #15's budget: all flows of a 1,000-element design, in ms. */
const BUDGET_MS = 100;

/** CPU time of this process in ms (the machine is shared; wall-clock time measures the others). */
function time(fn: () => void): number {
  const c = process.cpuUsage();
  fn();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const withoutWorkloads = (d: Design): Design => ({ ...d, relations: d.relations.filter((r) => r.kind !== 'workload') });

interface Row { elements: number; variant: string; flows: number; verify: number; validate: number }

function measure(design: Design, variant: string): Row {
  let flows = 0;
  const verify: number[] = [];
  const validate: number[] = [];
  for (let r = 0; r < RUNS + 1; r++) {
    const v = time(() => { flows = verifyDesign(design).length; });
    const w = time(() => validateDesign(design));
    if (r === 0) continue; // warm-up
    verify.push(v);
    validate.push(w);
  }
  return { elements: design.elements.length, variant, flows, verify: median(verify), validate: median(validate) };
}

function main(): void {
  const rows: Row[] = [];
  for (const n of SIZES) {
    const d = generateDesign(n);
    rows.push(measure(d, 'declared workloads'));
    // Without workloads every policy presumes every endpoint a target: flows grow with policies × endpoints.
    if (n <= 1_000) rows.push(measure(withoutWorkloads(d), 'no workloads (IaC)'));
  }
  console.log(`CPU time of this process (user + system), median of ${RUNS} runs after one warm-up; Node ${process.version}\n`);
  console.log('| elements | targets | flows | verifyDesign ms | validateDesign ms | ratio verify / validate | µs per flow |');
  console.log('|---:|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.elements} | ${r.variant} | ${r.flows} | ${r.verify.toFixed(1)} | ${r.validate.toFixed(1)} | ${(r.verify / r.validate).toFixed(2)}× | ${((r.verify * 1000) / Math.max(1, r.flows)).toFixed(1)} |`);
  const budget = rows.filter((r) => r.elements >= 1_000 && r.elements < 10_000);
  for (const r of budget) console.log(`\nBudget (issue #15): all ${r.flows} flows at ${r.elements} elements, ${r.variant}: ${r.verify.toFixed(1)} ms CPU vs ${BUDGET_MS} ms: ${r.verify <= BUDGET_MS ? 'met' : 'NOT met'}.`);
}

main();
