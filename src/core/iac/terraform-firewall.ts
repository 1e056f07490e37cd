// Maps azurerm's Azure Firewall resources to the design: azurerm_firewall (tier, region, subnet), its
// azurerm_firewall_policy and the policy's azurerm_firewall_policy_rule_collection_group blocks. The
// bookkeeping (which firewall a policy belongs to, unreadable rules) is the ARM reader's (arm-firewall.ts).
import type { FirewallRuleCollection, FirewallRuleCollectionGroup } from '../model/schema';
import { addGroup, declarePolicy, rememberPolicy } from './arm-firewall';
import { field, read, type DesignBuilder } from './design-builder';
import { oneOf, readCollection, type RuleKeys } from './firewall-rule-reading';
import type { IacResource } from './iac-resource';
import { items, num, str, type Value } from './iac-value';

const TIERS = ['Basic', 'Standard', 'Premium'] as const;
const policyKeyOf = (body: Value) => {
  const ref = field(body, 'firewall_policy_id')?.value.ref;
  return ref && ref.path[0] === 'id' ? ref.target : undefined;
};

/** Phase 1: the firewall; true when the resource was one. */
export function terraformFirewallElement(r: IacResource, b: DesignBuilder): boolean {
  if (r.type !== 'azurerm_firewall') return false;
  const fw = b.addElement(r.key, 'firewall', read(r.body, ['name'], str), r.key.slice(r.key.indexOf('.') + 1), r.at, {
    appliance: { value: 'azureFirewall', at: r.typeAt },
    skuTier: read(r.body, ['sku_tier'], (v) => oneOf(TIERS, str(v))),
    region: read(r.body, ['location'], str),
  });
  const policy = policyKeyOf(r.body);
  if (policy) rememberPolicy(b, policy, fw);
  return true;
}

/** Phase 1b: the policy and its rule collection groups; true when the resource was one. */
export function terraformFirewallChildren(r: IacResource, b: DesignBuilder): boolean {
  if (r.type === 'azurerm_firewall_policy') {
    declarePolicy(b, r, r.key);
    return true;
  }
  if (r.type !== 'azurerm_firewall_policy_rule_collection_group') return false;
  addGroup(b, r, policyKeyOf(r.body), readGroup(r.body));
  return true;
}

/** Phase 2: the firewall's subnet; true when the resource was one. */
export function terraformFirewallRelations(r: IacResource, b: DesignBuilder): boolean {
  if (r.type !== 'azurerm_firewall') return false;
  const self = b.element(r.key);
  const subnet = field(r.body, 'ip_configuration', 0, 'subnet_id');
  b.addRelation('firewallSubnet', self, b.resolve(subnet?.value, ['subnet']), `${self?.id ?? r.key}.subnet`, subnet?.at);
  return true;
}

function readGroup(body: Value): FirewallRuleCollectionGroup | string {
  const name = str(field(body, 'name')?.value);
  const priority = num(field(body, 'priority')?.value);
  if (!name || priority === undefined) return 'the group name or priority is not a literal';
  if (field(body, 'nat_rule_collection')) return 'DNAT collections are not modelled';
  const collections: FirewallRuleCollection[] = [];
  for (const type of ['network', 'application'] as const) {
    const blocks = field(body, `${type}_rule_collection`);
    if (!blocks) continue;
    const list = items(blocks.value);
    if (!list) return `the ${type} rule collections are not written as blocks`;
    for (const c of list) {
      const read = readCollection(c, type, items(field(c, 'rule')?.value), ['action'], TERRAFORM_KEYS);
      if (typeof read === 'string') return read;
      collections.push(read);
    }
  }
  return { name, priority, ruleCollections: collections };
}

const TERRAFORM_KEYS: RuleKeys = {
  sources: 'source_addresses', networkProtocols: 'protocols', addresses: 'destination_addresses', networkFqdns: 'destination_fqdns',
  ports: 'destination_ports', protocolType: 'type', targetFqdns: 'destination_fqdns', fqdnTags: 'destination_fqdn_tags',
  unmodelled: ['source_ip_groups', 'destination_ip_groups', 'destination_urls', 'web_categories'],
};
