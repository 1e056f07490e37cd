// Network verifier cost: all flows of generated designs (bench/rules.bench.ts's paired-region units with
// NSGs, NAT, private endpoints, DNS zones and a shared hub), as a ratio to validateDesign of the same
// design in the same run, with declared workloads and without (IaC: every private endpoint a target), and
// a 1,000-element variant whose delegated subnets force all traffic through an Azure Firewall per VNet.
import type { Design, Element, FirewallRuleCollectionGroup, Relation } from '../src/core/model/schema';
import { formatIpv4, tryCidr } from '../src/core/net/cidr';
import { validateDesign } from '../src/core/rules/engine';
import { verifyDesign } from '../src/core/verify/verify-design';
import { generateDesign } from './rules.bench';
import { median, cpuTime as time } from './cpu-time';

const SIZES = [100, 1_000, 10_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Issue #15's budget: all flows of a 1,000-element design, in ms. */
const BUDGET_MS = 100;

const withoutWorkloads = (d: Design): Design => ({ ...d, relations: d.relations.filter((r) => r.kind !== 'workload') });

/** A policy with network rules before application rules, so a flow crosses both kinds before its match. */
const FIREWALL_POLICY: FirewallRuleCollectionGroup[] = [
  { name: 'rcg-platform', priority: 100, ruleCollections: [
    { name: 'deny-mgmt', priority: 100, action: 'Deny', ruleType: 'network', rules: [{ name: 'deny-rdp-ssh', sourceAddresses: ['*'], protocols: ['TCP'], destinationAddresses: ['*'], destinationPorts: ['22', '3389'] }] },
    { name: 'allow-sql', priority: 200, action: 'Allow', ruleType: 'network', rules: [{ name: 'sql', sourceAddresses: ['10.0.0.0/8'], protocols: ['TCP'], destinationAddresses: ['10.0.0.0/8'], destinationPorts: ['1433'] }] },
  ] },
  { name: 'rcg-workloads', priority: 200, ruleCollections: [
    { name: 'deny-untrusted', priority: 100, action: 'Deny', ruleType: 'application', rules: [{ name: 'fabrikam', sourceAddresses: ['*'], protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['*.fabrikam.com'] }] },
    { name: 'allow-paas', priority: 200, action: 'Allow', ruleType: 'application', rules: [
      { name: 'vault', sourceAddresses: ['10.0.0.0/8'], protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['*.vault.azure.net'] },
      { name: 'sites', sourceAddresses: ['10.0.0.0/8'], protocols: [{ protocolType: 'Https', port: 443 }], targetFqdns: ['*.azurewebsites.net'] },
    ] },
  ] },
];

/** Each VNet gets an AzureFirewallSubnet and a firewall; its delegated subnet routes 0.0.0.0/0 to it. */
function withFirewalls(d: Design): Design {
  const elements: Element[] = [...d.elements];
  const relations: Relation[] = [...d.relations];
  for (const v of d.elements) {
    if (v.kind !== 'vnet') continue;
    const base = tryCidr(v.addressSpaces![0])!.start + 4 * 256;
    const ip = formatIpv4(base + 4);
    elements.push(
      { id: `${v.id}-afws`, kind: 'subnet', name: 'AzureFirewallSubnet', addressPrefix: `${formatIpv4(base)}/26`, parent: v.id },
      { id: `${v.id}-afw`, kind: 'firewall', name: `afw-${v.id}`, skuTier: 'Standard', privateIpAddress: ip, ruleCollectionGroups: FIREWALL_POLICY },
      { id: `${v.id}-rt`, kind: 'routeTable', name: `rt-${v.id}`, bgpRoutePropagation: false, routes: [{ name: 'default-to-firewall', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: ip }] },
    );
    relations.push(
      { id: `${v.id}-afw-s`, kind: 'firewallSubnet', from: `${v.id}-afw`, to: `${v.id}-afws` },
      { id: `${v.id}-rt-a`, kind: 'routeTableAssociation', from: `${v.id}-rt`, to: `${v.id}-pp` },
    );
  }
  return { ...d, name: `${d.name} with firewalls`, elements, relations };
}

/** The generated design with firewalls whose element count first reaches `n`. */
function firewallDesign(n: number): Design {
  for (let size = Math.floor(n * 0.7); ; size += 5) {
    const d = withFirewalls(generateDesign(size));
    if (d.elements.length >= n) return d;
  }
}

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
    if (n === 1_000) {
      const fw = firewallDesign(n);
      const row = measure(fw, 'forced tunnel via Azure Firewall');
      // The bench is only honest if the flows really cross the firewalls and are decided by their rules.
      const flows = verifyDesign(fw);
      const judged = flows.filter((f) => f.hops.some((h) => h.kind === 'firewall' && h.verdict !== 'unknown')).length;
      if (judged < flows.filter((f) => f.target.kind !== 'dns').length) throw new Error(`only ${judged} of ${flows.length} flows were judged by a firewall`);
      rows.push(row);
    }
  }
  console.log(`CPU time of this process (user + system), median of ${RUNS} runs after one warm-up; Node ${process.version}\n`);
  console.log('| elements | targets | flows | verifyDesign ms | validateDesign ms | ratio verify / validate | µs per flow |');
  console.log('|---:|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.elements} | ${r.variant} | ${r.flows} | ${r.verify.toFixed(1)} | ${r.validate.toFixed(1)} | ${(r.verify / r.validate).toFixed(2)}× | ${((r.verify * 1000) / Math.max(1, r.flows)).toFixed(1)} |`);
  const budget = rows.filter((r) => r.elements >= 1_000 && r.elements < 10_000);
  for (const r of budget) console.log(`\nBudget (issue #15): all ${r.flows} flows at ${r.elements} elements, ${r.variant}: ${r.verify.toFixed(1)} ms CPU vs ${BUDGET_MS} ms: ${r.verify <= BUDGET_MS ? 'met' : 'NOT met'}.`);
}

main();
