// Validation cost versus JSON.parse: generated designs of 100, 1,000 and 10,000 elements (paired VNets
// with delegated, private-endpoint and app subnets, NAT, NSG, private endpoints, DNS zones, peerings),
// timed as loadDesign + validateDesign (with the source locator, as the CLI and the editor run it).
import { checkIntegrity } from '../src/core/model/integrity';
import { scanDesignSpans } from '../src/core/model/json-spans';
import { loadDesign, MAX_DESIGN_DEPTH } from '../src/core/model/load-design';
import { acceptDesign, designSchema, type Design, type Element, type Relation } from '../src/core/model/schema';
import { serializeDesign } from '../src/core/model/serialize-design';
import { RULES } from '../src/core/rules/registry';
import { validateDesign } from '../src/core/rules/engine';
import { designLocator } from '../src/core/rules/design-locator';
import type { Rule } from '../src/core/rules/rule';
import { AZ_RULES } from '../src/core/rules/catalog/az';
import { PPV_RULES } from '../src/core/rules/catalog/ppv';
import { formatIpv4 } from '../src/core/net/cidr';
import { median, cpuTime as time } from './cpu-time';

const SIZES = [100, 1_000, 10_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_RATIO = 3;
/** Issue #4's budget for live validation of a 1,000-element design, in ms. */
const LIVE_BUDGET_MS = 50;

/** A realistic design of about `n` elements: units of one paired region (two VNets) and their neighbours. */
export function generateDesign(n: number): Design {
  const elements: Element[] = [];
  const relations: Relation[] = [];
  const zones = [
    ['sites', 'privatelink.azurewebsites.net', 'appService'],
    ['vault', 'privatelink.vaultcore.azure.net', 'keyVault'],
    ['sqlServer', 'privatelink.database.windows.net', 'sqlServer'],
    ['blob', 'privatelink.blob.core.windows.net', 'storageAccount'],
  ] as const;
  zones.forEach(([, name], z) => elements.push({ id: `dns-${z}`, kind: 'privateDnsZone', name }));
  let vnetIndex = 0;
  const vnet = (u: number, side: 'a' | 'b', region: string) => {
    const i = vnetIndex++;
    const base = 0x0a000000 + i * 4096; // a /20 per VNet inside 10.0.0.0/8
    const id = `vnet-${u}${side}`;
    const prefix = (k: number, len: number) => `${formatIpv4(base + k * 256)}/${len}`;
    elements.push(
      { id, kind: 'vnet', name: `vnet-pp-${u}${side}`, region, addressSpaces: [`${formatIpv4(base)}/20`] },
      { id: `${id}-pp`, kind: 'subnet', name: 'snet-powerplatform', addressPrefix: prefix(1, 24), delegations: ['Microsoft.PowerPlatform/enterprisePolicies'], parent: id },
      { id: `${id}-pe`, kind: 'subnet', name: 'snet-private-endpoints', addressPrefix: prefix(2, 24), privateEndpointNetworkPolicies: 'Enabled', parent: id },
      { id: `${id}-app`, kind: 'subnet', name: 'snet-app', addressPrefix: prefix(3, 24), parent: id },
      { id: `${id}-nat`, kind: 'natGateway', name: `ng-${u}${side}`, region, publicIpCount: 1, idleTimeoutMinutes: 4 },
      {
        id: `${id}-nsg`, kind: 'nsg', name: `nsg-${u}${side}`, region,
        rules: [
          { name: 'AllowDnsTcpOutbound', priority: 100, direction: 'Outbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: 'VirtualNetwork', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '53' },
          { name: 'AllowDnsUdpOutbound', priority: 110, direction: 'Outbound', access: 'Allow', protocol: 'Udp', sourceAddressPrefix: 'VirtualNetwork', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '53' },
        ],
      },
    );
    relations.push(
      { id: `${id}-nat-a`, kind: 'natAssociation', from: `${id}-nat`, to: `${id}-pp` },
      { id: `${id}-nsg-a`, kind: 'nsgAssociation', from: `${id}-nsg`, to: `${id}-pp` },
    );
    zones.forEach((_, z) => relations.push({ id: `${id}-dns-${z}`, kind: 'dnsZoneLink', from: `dns-${z}`, to: id, registrationEnabled: false }));
    return id;
  };
  for (let u = 0; elements.length < n; u++) {
    const a = vnet(u, 'a', 'westeurope');
    const b = vnet(u, 'b', 'northeurope');
    relations.push(
      { id: `peer-${u}-ab`, kind: 'peering', from: a, to: b, allowVirtualNetworkAccess: true, allowForwardedTraffic: true },
      { id: `peer-${u}-ba`, kind: 'peering', from: b, to: a, allowVirtualNetworkAccess: true, allowForwardedTraffic: true },
    );
    // Every unit also peers with the first unit's VNet, which acts as a shared hub.
    if (u > 0) {
      relations.push(
        { id: `hub-${u}-out`, kind: 'peering', from: a, to: 'vnet-0a', allowVirtualNetworkAccess: true },
        { id: `hub-${u}-in`, kind: 'peering', from: 'vnet-0a', to: a, allowVirtualNetworkAccess: true },
      );
    }
    elements.push(
      { id: `env-${u}`, kind: 'environment', name: `Environment ${u}`, geography: 'europe', environmentType: u % 3 === 0 ? 'Production' : 'Sandbox', stage: u % 3 === 0 ? 'prod' : 'dev', managed: true, releaseCycle: 'standard' },
      { id: `policy-${u}`, kind: 'enterprisePolicy', name: `ep-${u}`, geography: 'europe' },
      { id: `conn-${u}`, kind: 'connector', name: `Connector ${u}`, connectorType: 'custom', authKind: 'entraIdOAuth' },
    );
    relations.push(
      { id: `link-${u}`, kind: 'policyLink', from: `env-${u}`, to: `policy-${u}` },
      { id: `inject-${u}-a`, kind: 'policySubnet', from: `policy-${u}`, to: `${a}-pp` },
      { id: `inject-${u}-b`, kind: 'policySubnet', from: `policy-${u}`, to: `${b}-pp` },
      { id: `runs-${u}`, kind: 'workload', from: `env-${u}`, to: `conn-${u}` },
    );
    zones.forEach(([groupId, , serviceType], z) => {
      if (z > 1) return; // two private endpoints per unit
      const svc = `svc-${u}-${z}`;
      const pe = `pe-${u}-${z}`;
      elements.push(
        { id: svc, kind: 'azureService', name: `svc${u}x${z}`, serviceType, region: 'westeurope', publicNetworkAccess: false },
        { id: pe, kind: 'privateEndpoint', name: `pe-${u}-${z}`, groupId, region: 'westeurope' },
      );
      relations.push(
        { id: `${pe}-t`, kind: 'peTarget', from: pe, to: svc },
        { id: `${pe}-s`, kind: 'peSubnet', from: pe, to: `${a}-pe` },
        { id: `${pe}-d`, kind: 'peDnsZone', from: pe, to: `dns-${z}` },
      );
      if (z === 0) relations.push({ id: `conn-${u}-t`, kind: 'connectorTarget', from: `conn-${u}`, to: svc });
    });
  }
  return { version: 1, name: `Generated design of ${elements.length} elements`, elements, relations };
}

interface Row { elements: number; relations: number; kb: number; parse: number; load: number; validate: number; findings: number }

function measure(n: number): Row {
  const design = generateDesign(n);
  const text = serializeDesign(design);
  const parse: number[] = [];
  const load: number[] = [];
  const validate: number[] = [];
  let findings = 0;
  for (let r = 0; r < RUNS + 1; r++) {
    const p = time(() => JSON.parse(text));
    let loaded: ReturnType<typeof loadDesign> | undefined;
    const l = time(() => { loaded = loadDesign(text); });
    if (!loaded?.ok) throw new Error(`generated design does not load: ${loaded?.ok === false ? loaded.errors[0]?.message : ''}`);
    const { design: d, index } = loaded;
    const locate = designLocator(index, 'bench.ppvnet.json');
    const v = time(() => { findings = validateDesign(d, { locate }).length; });
    if (r === 0) continue; // warm-up
    parse.push(p);
    load.push(l);
    validate.push(v);
  }
  return { elements: design.elements.length, relations: design.relations.length, kb: text.length / 1024, parse: median(parse), load: median(load), validate: median(validate), findings };
}

/** Per-rule time on the largest design (minus the engine's own cost of indexing the design), to find hot spots. */
function perRule(n: number): { rules: { id: string; ms: number }[]; az: number; ppv: number; engine: number } {
  const loaded = loadDesign(serializeDesign(generateDesign(n)));
  if (!loaded.ok) throw new Error('generated design does not load');
  for (let i = 0; i < 3; i++) validateDesign(loaded.design); // warm up every rule before timing any
  const runs = (rules: readonly Rule[], k = 7) => median(Array.from({ length: k }, () => time(() => validateDesign(loaded.design, { rules }))));
  // A rule that reads nothing: the engine builds its Topology for the first rule that runs, not for none.
  const idle: Rule = { meta: RULES[0]!.meta, check: () => undefined };
  const engine = runs([idle], 15);
  const rules = RULES.map((rule) => ({ id: rule.meta.id, ms: Math.max(0, runs([rule]) - engine) })).sort((a, b) => b.ms - a.ms);
  return { rules, engine, az: runs(AZ_RULES) - engine, ppv: runs(PPV_RULES) - engine };
}

/** Where loadDesign spends its time on the largest design: value parse, position scan, schema, integrity. */
function loadBreakdown(n: number): string {
  const design = generateDesign(n);
  const text = serializeDesign(design);
  const plain: unknown = JSON.parse(text);
  const m = (fn: () => unknown) => median(Array.from({ length: 3 }, () => time(fn)));
  const parse = m(() => JSON.parse(text));
  const spans = m(() => scanDesignSpans(text, MAX_DESIGN_DEPTH));
  const accept = acceptDesign;
  if (!accept) throw new Error('the design schema does not compile: loadDesign runs zod on every load');
  const schema = m(() => accept(plain));
  const zod = m(() => designSchema.safeParse(plain));
  const integrity = m(() => checkIntegrity(design));
  const x = (v: number) => `${v.toFixed(0)} ms (${(v / parse).toFixed(1)}× JSON.parse)`;
  return `JSON.parse ${parse.toFixed(0)} ms; position scan ${x(spans)}; schema (compiled check) ${x(schema)}, where zod, now run only to describe a rejected design, takes ${x(zod)}; integrity ${x(integrity)}`;
}

/**
 * What locating costs inside validateDesign on the largest design: every finding's and related item's range,
 * through a fresh load's index as the CLI and the editor have it (so the index's first-use work is counted).
 */
function locateCost(n: number): string {
  const text = serializeDesign(generateDesign(n));
  const first = loadDesign(text);
  if (!first.ok) throw new Error('generated design does not load');
  const refs = validateDesign(first.design).flatMap((f) => [f, ...(f.related ?? [])]);
  const runs = Array.from({ length: 5 }, () => {
    const loaded = loadDesign(text);
    if (!loaded.ok) throw new Error('generated design does not load');
    const locate = designLocator(loaded.index, 'bench.ppvnet.json');
    return time(() => { for (const ref of refs) locate(ref); });
  });
  const ms = median(runs);
  return `${ms.toFixed(1)} ms for ${refs.length} references (${((ms * 1000) / refs.length).toFixed(2)} µs each)`;
}

function main(): void {
const rows = SIZES.map(measure);
const f = (x: number, d = 1) => x.toFixed(d);
console.log(`${RULES.length} rules; CPU time of this process (user + system), median of ${RUNS} runs after one warm-up; Node ${process.version}\n`);
console.log('| elements | relations | size KB | JSON.parse ms | loadDesign ms | validateDesign ms | load+validate ms | ratio to JSON.parse | findings |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const total = r.load + r.validate;
  console.log(`| ${r.elements} | ${r.relations} | ${f(r.kb, 0)} | ${f(r.parse, 2)} | ${f(r.load)} | ${f(r.validate)} | ${f(total)} | ${f(total / r.parse)}× | ${r.findings} |`);
}
console.log('\nScaling (time per element, relative to the 1,000-element design; n log n predicts about 1.3× from 1,000 to 10,000):');
const mid = rows[1]!;
for (const r of rows) {
  const perEl = (x: number, base: number) => f((x / r.elements) / (base / mid.elements), 2);
  console.log(`- ${r.elements} elements: load ${perEl(r.load, mid.load)}×, validate ${perEl(r.validate, mid.validate)}×, JSON.parse ${perEl(r.parse, mid.parse)}×`);
}
// Issue #4: "the shared engine runs on every change (debounced, under 50 ms for 1,000 elements)".
const budgetRow = rows.find((r) => r.elements >= 1_000 && r.elements < 10_000)!;
console.log(`\nLive validation budget: validateDesign at ${budgetRow.elements} elements ${f(budgetRow.validate)} ms CPU vs ${LIVE_BUDGET_MS} ms: ${budgetRow.validate <= LIVE_BUDGET_MS ? 'met' : 'NOT met'} (${f((budgetRow.validate / LIVE_BUDGET_MS) * 100, 0)} % of the budget; with loadDesign, as the editor runs it on each change: ${f(budgetRow.load + budgetRow.validate)} ms).`);
const big = rows[rows.length - 1]!;
const ratio = (big.load + big.validate) / big.parse;
// Issue #19's done-when, on one line a reader (or a script) can find: the ratio, the goal and the verdict.
console.log(`\nGOAL (#19): load + validate at ${big.elements} elements = ${f(ratio)}× JSON.parse (goal ≤ ${TARGET_RATIO}×): ${ratio <= TARGET_RATIO ? 'PASS' : `over, ${f(ratio / TARGET_RATIO)}× the goal`}.`);
console.log(`\nloadDesign at ${big.elements} elements: ${loadBreakdown(SIZES[SIZES.length - 1]!)}.`);
console.log(`Locating findings at ${big.elements} elements (first use of the index included): ${locateCost(SIZES[SIZES.length - 1]!)}.`);
console.log(`validateDesign alone at ${big.elements} elements: ${f(big.validate / big.parse)}× JSON.parse.`);
const split = perRule(SIZES[SIZES.length - 1]!);
console.log(`\nvalidateDesign at ${big.elements} elements, split: engine (Topology index, sorting) ${f(split.engine)} ms, AZ rules ${f(split.az)} ms, PPV rules ${f(split.ppv)} ms (each ${f(split.az / big.parse)}× / ${f(split.ppv / big.parse)}× JSON.parse).`);
console.log('\nSlowest rules at the largest size (ms each, run alone, engine cost subtracted; a rule run alone also pays for analyses it shares with others):');
for (const r of split.rules.slice(0, 10)) console.log(`- ${r.id}: ${f(r.ms)}`);
}

if (process.argv[1]?.endsWith('rules.bench.ts')) main();
