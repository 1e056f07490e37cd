// Maps ARM-shaped Azure Firewall resources to the design: the firewall (its SKU tier, region and subnet)
// and its policy's rule collection groups, read from the policy's ruleCollectionGroups children. Rules the
// reader cannot read in full (a parameter, a DNAT collection) leave the firewall's rules unknown, with a
// diagnostic, rather than a partial policy the verifier would judge as complete. The private IP is Azure's
// to assign: a template never has it, the live ARM body read by the Azure import does.
import type { FirewallRuleCollection, FirewallRuleCollectionGroup } from '../model/schema';
import { field, read, type DesignBuilder, type Draft } from './design-builder';
import { oneOf, readCollection, type RuleKeys } from './firewall-rule-reading';
import type { IacResource } from './iac-resource';
import { items, num, str, type Value } from './iac-value';

const TIERS = ['Basic', 'Standard', 'Premium'] as const;
/** Per builder: the firewall each policy resource (by key) belongs to. */
const byPolicy = new WeakMap<DesignBuilder, Map<string, Draft>>();
/** Firewalls whose rules could not be read in full: they stay unknown however many groups follow. */
const unreadable = new WeakMap<DesignBuilder, Set<string>>();


/** Phase 1: the firewall element; true when the resource was one. */
export function armFirewallElement(r: IacResource, b: DesignBuilder): boolean {
  if (r.type.toLowerCase() !== 'microsoft.network/azurefirewalls') return false;
  const props = field(r.body, 'properties')?.value;
  const fw = b.addElement(r.key, 'firewall', read(r.body, ['name'], str), r.key.split('.').pop() ?? r.key, r.at, {
    appliance: { value: 'azureFirewall', at: r.typeAt },
    skuTier: read(props, ['sku', 'tier'], (v) => oneOf(TIERS, str(v))),
    region: read(r.body, ['location'], str),
    privateIpAddress: read(props, ['ipConfigurations', 0, 'properties', 'privateIPAddress'], str),
  });
  const policy = field(props, 'firewallPolicy', 'id')?.value.ref;
  if (policy && policy.path[0] === 'id') rememberPolicy(b, policy.target, fw);
  return true;
}

/** Phase 1c: a declared policy gives its firewall known (so far empty) rules; each group adds to them. */
export function armFirewallChildren(r: IacResource, b: DesignBuilder): boolean {
  const t = r.type.toLowerCase();
  if (t !== 'microsoft.network/firewallpolicies' && t !== 'microsoft.network/firewallpolicies/rulecollectiongroups') return false;
  const policyKey = t === 'microsoft.network/firewallpolicies' ? r.key : r.parentKey;
  if (t === 'microsoft.network/firewallpolicies') declarePolicy(b, r, policyKey);
  else addGroup(b, r, policyKey, readGroup(r.body));
  return true;
}

/** Remembers which firewall a policy resource (by key) belongs to; shared with the Terraform reader. */
export function rememberPolicy(b: DesignBuilder, policyKey: string, fw: Draft): void {
  let m = byPolicy.get(b);
  if (!m) byPolicy.set(b, (m = new Map()));
  m.set(policyKey, fw);
}

function firewallOf(b: DesignBuilder, policyKey: string | undefined): { fw: Draft; bad: Set<string> } | undefined {
  const fw = policyKey ? byPolicy.get(b)?.get(policyKey) : undefined;
  if (!fw) return undefined;
  let bad = unreadable.get(b);
  if (!bad) unreadable.set(b, (bad = new Set()));
  return bad.has(fw.id) ? undefined : { fw, bad };
}

/** A declared policy: its firewall's rules are known, and empty until its groups add to them. */
export function declarePolicy(b: DesignBuilder, r: IacResource, policyKey: string | undefined): void {
  const f = firewallOf(b, policyKey);
  if (!f) return;
  if (r.existing) return markUnknown(b, f.fw, f.bad, r, 'its policy is declared elsewhere (existing)');
  b.setProp(f.fw, 'ruleCollectionGroups', { value: (f.fw.ruleCollectionGroups as FirewallRuleCollectionGroup[] | undefined) ?? [], at: r.at });
}

/** A rule collection group read (or why not) added to its policy's firewall. */
export function addGroup(b: DesignBuilder, r: IacResource, policyKey: string | undefined, group: FirewallRuleCollectionGroup | string): void {
  const f = firewallOf(b, policyKey);
  if (!f) return;
  if (typeof group === 'string') return markUnknown(b, f.fw, f.bad, r, group);
  const groups = (f.fw.ruleCollectionGroups as FirewallRuleCollectionGroup[] | undefined) ?? [];
  b.setProp(f.fw, 'ruleCollectionGroups', { value: [...groups, group], at: r.at });
}

/** Phase 2: the firewall's subnet. */
export function armFirewallRelations(r: IacResource, b: DesignBuilder): boolean {
  if (r.type.toLowerCase() !== 'microsoft.network/azurefirewalls') return false;
  const self = b.element(r.key);
  const subnet = field(field(r.body, 'properties')?.value, 'ipConfigurations', 0, 'properties', 'subnet', 'id');
  b.addRelation('firewallSubnet', self, b.resolve(subnet?.value, ['subnet']), `${self?.id ?? r.key}.subnet`, subnet?.at);
  return true;
}

function markUnknown(b: DesignBuilder, fw: Draft, bad: Set<string>, r: IacResource, why: string): void {
  bad.add(fw.id);
  delete fw.ruleCollectionGroups;
  b.diagnostics.push({ file: r.at.file, range: r.at.range, severity: 'info', message: `The rules of Azure Firewall '${fw.name}' cannot be read statically (${why}); the verifier treats them as unknown.` });
}

/** A rule collection group, or why it cannot be read. */
function readGroup(body: Value): FirewallRuleCollectionGroup | string {
  const props = field(body, 'properties')?.value;
  const rawName = str(field(body, 'name')?.value);
  const name = rawName?.includes('/') ? rawName.split('/').pop() : rawName;
  const priority = num(field(props, 'priority')?.value);
  const list = items(field(props, 'ruleCollections')?.value);
  if (!name || priority === undefined || !list) return 'a group name, priority or collection list is not a literal';
  const collections: FirewallRuleCollection[] = [];
  for (const c of list) {
    const type = str(field(c, 'ruleCollectionType')?.value);
    if (type !== 'FirewallPolicyFilterRuleCollection') return type === 'FirewallPolicyNatRuleCollection' ? 'DNAT collections are not modelled' : 'a collection type is not a literal';
    const rules = items(field(c, 'rules')?.value);
    const kinds = new Set((rules ?? []).map((x) => str(field(x, 'ruleType')?.value)));
    if (kinds.size > 1 || [...kinds].some((k) => k !== 'NetworkRule' && k !== 'ApplicationRule')) return `collection '${str(field(c, 'name')?.value) ?? '?'}' mixes rule types or names one not modelled`;
    const read = readCollection(c, kinds.has('ApplicationRule') ? 'application' : 'network', rules, ['action', 'type'], ARM_KEYS);
    if (typeof read === 'string') return read;
    collections.push(read);
  }
  return { name, priority, ruleCollections: collections };
}

const ARM_KEYS: RuleKeys = {
  sources: 'sourceAddresses', networkProtocols: 'ipProtocols', addresses: 'destinationAddresses', networkFqdns: 'destinationFqdns',
  ports: 'destinationPorts', protocolType: 'protocolType', targetFqdns: 'targetFqdns', fqdnTags: 'fqdnTags',
  unmodelled: ['sourceIpGroups', 'destinationIpGroups', 'targetUrls', 'webCategories'],
};
