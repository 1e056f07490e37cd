// Drawing cost of the design picture (issue #19): renderDesignSvg on generated designs of 100, 300 and 1,000
// elements (the rules bench's paired-VNet units), against serializeDesign + JSON.parse of the same design as a
// baseline measured in the same run, with the picture's edge crossings so quality is watched with speed.
import { countCrossings } from '../src/core/diagram/crossings';
import { layoutLanes } from '../src/core/diagram/lane-layout';
import { renderDesignPicture } from '../src/core/diagram/render-svg';
import { serializeDesign } from '../src/core/model/serialize-design';
import { drawnBoxes, drawnEdges } from '../test/unit/diagram/picture-geometry';
import { generateDesign } from './rules.bench';
import { median, cpuTime as time } from './cpu-time';

const SIZES = [100, 300, 1_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Issue #19's budget: a 1,000-element design drawn in at most 2 s of CPU. */
const BUDGET_MS = 2_000;

interface Row { elements: number; edges: number; baseline: number; layout: number; render: number; edgeEdge: number; edgeBox: number; fallbacks: number }

function measure(n: number): Row {
  const design = generateDesign(n);
  const baseline: number[] = [];
  const layout: number[] = [];
  const render: number[] = [];
  let svg = '';
  let fallbacks = 0;
  // The largest design takes seconds per run: one warm-up there would double the bench for little.
  const runs = n >= 1_000 ? Math.max(1, Math.min(RUNS, 3)) : RUNS;
  for (let r = 0; r < runs + (n >= 1_000 ? 0 : 1); r++) {
    const b = time(() => JSON.parse(serializeDesign(design)));
    const l = time(() => layoutLanes(design));
    const t = time(() => {
      const picture = renderDesignPicture(design);
      svg = picture.svg;
      fallbacks = picture.routeFallbacks;
    });
    if (r === 0 && n < 1_000) continue; // warm-up
    baseline.push(b);
    layout.push(l);
    render.push(t);
  }
  const edges = drawnEdges(svg, design);
  const count = countCrossings(drawnBoxes(svg), edges);
  return { elements: design.elements.length, edges: edges.length, baseline: median(baseline), layout: median(layout), render: median(render), edgeEdge: count.edgeEdge, edgeBox: count.edgeBox, fallbacks };
}

function main(): void {
  const f = (x: number, d = 1) => x.toFixed(d);
  console.log(`CPU time of this process (user + system), median of ${RUNS} runs (after one warm-up below 1,000 elements); Node ${process.version}\n`);
  console.log('| elements | edges | serialize+JSON.parse ms | layoutLanes ms | renderDesignSvg ms | ratio to baseline | edge–edge crossings | edges through boxes | routes past search budget |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const rows: Row[] = [];
  for (const n of SIZES) {
    const r = measure(n);
    rows.push(r);
    console.log(`| ${r.elements} | ${r.edges} | ${f(r.baseline, 2)} | ${f(r.layout)} | ${f(r.render)} | ${f(r.render / r.baseline, 0)}× | ${r.edgeEdge} | ${r.edgeBox} | ${r.fallbacks} |`);
  }
  console.log('\nScaling (render time per element, relative to the smallest design):');
  const first = rows[0]!;
  for (const r of rows) console.log(`- ${r.elements} elements: ${f(r.render / r.elements / (first.render / first.elements), 2)}×`);
  const big = rows[rows.length - 1]!;
  console.log(`\nGOAL (#19): renderDesignSvg at ${big.elements} elements = ${f(big.render, 0)} ms CPU (budget ≤ ${BUDGET_MS} ms): ${big.render <= BUDGET_MS ? 'PASS' : `over, ${f(big.render / BUDGET_MS)}× the budget`}; ${big.edgeEdge} edge–edge crossings, ${big.edgeBox} edges through boxes.`);
}

main();
