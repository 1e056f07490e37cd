// Hostile strings in every property of every fixture design, exported to Terraform and read back with HashiCorp's
// own HCL parser: the set of blocks (resources, data sources, variables, outputs, modules, providers) must be exactly
// what the same design exports with plain strings, so nothing a name contains ever becomes code.
// PPVNET_FUZZ_EXPORT_CASES scales it up for long runs (the closing note's figure comes from one).
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../src/core/export/export-design';
import type { Design } from '../../../src/core/model/schema';
import { exportDesigns } from './export-support';
import { hostileDesign } from './hostile-designs';
import { splitPsScript } from './ps-literal';

const CASES = Number(process.env.PPVNET_FUZZ_EXPORT_CASES ?? 60);
// Long runs split into ranges of seeds that run side by side: PPVNET_FUZZ_EXPORT_FROM=50000 starts at case 50,001.
const FROM = Number(process.env.PPVNET_FUZZ_EXPORT_FROM ?? 0);

type Parsed = Record<string, Record<string, unknown>>;

/** Resource types no exporter of ours writes, and the ones an injection would reach for to run code. */
const FORBIDDEN_TYPES = new Set(['terraform_data', 'null_resource', 'local_file', 'external', 'http']);

/** Does any nested object of a parsed file carry a key that runs code (provisioners, connections)? */
function runsCode(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(runsCode);
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k === 'provisioner' || k === 'connection' || runsCode(v));
}

/** A check line of verify-connectivity.ps1 with its literals blanked: tested or skipped, both are one check. */
const PS_CHECK = [
  /^Test-Flow -EnvironmentId \$\w+(?: -Region '')? -Side '' -What '' -HostName (?:''|\$onPremHost) -Port (?:''|\$onPremPort)(?: -Dns -DesignDns '')? -Design ''$/,
  /^\s*Test-Flow -EnvironmentId \$\w+(?: -Region '')? -Side '' -What '' -HostName \$onPremHost -Port \$onPremPort(?: -Dns -DesignDns '')? -Design ''$/,
  /^(?:\} else \{ )?Add-Result '' '' '' ''(?: \})?$/,
];

/**
 * The code of a PowerShell export, line by line, with every single-quoted literal blanked and comments dropped:
 * what a hostile name can change is only which flows are tested and which are skipped (a name that is no
 * host name is skipped), never the code around the literals.
 */
function psShape(text: string): string[] {
  return splitPsScript(text).code.split('\n').map((l) => l.trimEnd()).filter(Boolean)
    .map((l) => (PS_CHECK.some((re) => re.test(l)) ? 'CHECK' : l));
}

/**
 * The shape of a Terraform export as block counts: `resource.azurerm_subnet` × 4, `variable` × 3, … Labels are
 * left out on purpose: they are derived from names (an NSG rule named `$(reboot)` gives `nsg_x_reboot`), so a
 * hostile name changes a label legitimately; what it must never change is which blocks and how many.
 */
async function blockShape(design: Design): Promise<{ shape: string[]; forbidden: string[] }> {
  const counts = new Map<string, number>();
  const forbidden: string[] = [];
  const add = (key: string, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);
  for (const f of exportDesign(design, 'terraform', { designFile: 'fuzz.ppvnet.json' })) {
    if (f.path.endsWith('.ps1')) {
      for (const line of psShape(f.content)) add(`${f.path}: ${line}`, 1);
      continue;
    }
    // data-gateways.md is the manual step for VNet data gateways, not HCL.
    if (!f.path.endsWith('.tf')) continue;
    const parsed = (await parse(f.path, f.content)) as Parsed;
    if (runsCode(parsed)) forbidden.push(`${f.path}: provisioner or connection block`);
    for (const [kind, byType] of Object.entries(parsed)) {
      if (kind === 'resource' || kind === 'data') {
        for (const [type, byName] of Object.entries(byType as Record<string, Record<string, unknown>>)) {
          if (FORBIDDEN_TYPES.has(type)) forbidden.push(`${f.path}: ${kind}.${type}`);
          add(`${kind}.${type}`, Object.keys(byName).length);
        }
      } else {
        add(kind, Object.keys(byType).length);
      }
    }
  }
  return { shape: [...counts].map(([k, n]) => `${k} × ${n}`).sort(), forbidden };
}

describe('hostile strings never become Terraform code', () => {
  const designs = exportDesigns();
  it(`${CASES} hostile designs export the same blocks as their plain originals`, async () => {
    expect(Number.isInteger(CASES) && CASES > 0, 'PPVNET_FUZZ_EXPORT_CASES must be a positive integer').toBe(true);
    expect(Number.isInteger(FROM) && FROM >= 0, 'PPVNET_FUZZ_EXPORT_FROM must be a whole number').toBe(true);
    const baseline = new Map<string, string[]>();
    let changed = 0;
    const t0 = performance.now();
    let slowest = 0;
    // Over a second is what the issue counts as a hang; the test's own timeout is the hard bound.
    let overOneSecond = 0;
    for (let i = FROM; i < FROM + CASES; i++) {
      const t = performance.now();
      const original = designs[i % designs.length]!;
      const { design, changed: n } = hostileDesign(original.design, i + 1);
      changed += n;
      if (!baseline.has(original.file)) baseline.set(original.file, (await blockShape(original.design)).shape);
      const got = await blockShape(design);
      expect(got.forbidden, `case ${i + 1} (${original.file})`).toEqual([]);
      expect(got.shape, `case ${i + 1} (${original.file})`).toEqual(baseline.get(original.file));
      const ms = performance.now() - t;
      slowest = Math.max(slowest, ms);
      if (ms > 1000) {
        overOneSecond++;
        console.log(`export fuzz: case ${i + 1} (${original.file}) took ${ms.toFixed(0)} ms`);
      }
      if ((i + 1 - FROM) % 5000 === 0) console.log(`export fuzz: ${i + 1 - FROM} of ${CASES} cases, ${changed} hostile properties, 0 injected, slowest ${slowest.toFixed(0)} ms`);
    }
    // The generator must actually reach the writers: most cases change several properties.
    expect(changed / CASES).toBeGreaterThan(3);
    console.log(`export fuzz: cases ${FROM + 1}–${FROM + CASES}: ${CASES} hostile designs, ${changed} hostile properties, 0 injected blocks, slowest case ${slowest.toFixed(0)} ms, ${overOneSecond} over 1 s, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }, Math.max(600_000, CASES * 200)); // 200 ms a case is ten times what one takes on a busy 2-core machine
});
