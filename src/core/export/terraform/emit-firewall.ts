// The firewall section of main.tf: per Azure Firewall a Standard public IP, an azurerm_firewall_policy,
// its rule collection groups (each after the previous one: Azure refuses concurrent writes to one policy)
// and the azurerm_firewall in its AzureFirewallSubnet. A network virtual appliance is its vendor's module.
import type { ElementOf, FirewallApplicationRule, FirewallNetworkRule, FirewallRuleCollection } from '../../model/schema';
import { ruleCollectionGroupNames } from '../azure-names';
import { attr, blank, block, comment, raw, type HclItem, type HclValue } from './hcl-writer';
import type { TerraformSectionContext } from './section-context';

export interface TerraformFirewallContext extends TerraformSectionContext {
  addVar(v: { id: string; role: string; type: string; description: string }): string;
  publicIp(label: string, name: HclValue, location: HclValue): HclItem;
}

const list = (xs: readonly string[] | undefined) => (xs && xs.length > 0 ? [...xs] : undefined);

function networkRule(r: FirewallNetworkRule): HclItem {
  return block('rule', [], [
    attr('name', r.name), attr('description', r.description),
    attr('protocols', [...r.protocols]), attr('source_addresses', [...r.sourceAddresses]),
    attr('destination_addresses', list(r.destinationAddresses)), attr('destination_fqdns', list(r.destinationFqdns)),
    attr('destination_ports', [...r.destinationPorts]),
  ]);
}

function applicationRule(r: FirewallApplicationRule): HclItem {
  return block('rule', [], [
    attr('name', r.name), attr('description', r.description),
    attr('source_addresses', [...r.sourceAddresses]),
    attr('destination_fqdns', list(r.targetFqdns)), attr('destination_fqdn_tags', list(r.fqdnTags)),
    ...r.protocols.map((p) => block('protocols', [], [attr('type', p.protocolType), attr('port', p.port)])),
  ]);
}

function collection(rc: FirewallRuleCollection): HclItem {
  const head = [attr('name', rc.name), attr('priority', rc.priority), attr('action', rc.action)];
  return rc.ruleType === 'network'
    ? block('network_rule_collection', [], [...head, ...rc.rules.map(networkRule)])
    : block('application_rule_collection', [], [...head, ...rc.rules.map(applicationRule)]);
}

export function emitFirewallTerraform(c: TerraformFirewallContext): { main: HclItem[]; outputs: HclItem[] } {
  const main: HclItem[] = [];
  const outputs: HclItem[] = [];
  for (const fw of c.plan.all('firewall') as ElementOf<'firewall'>[]) {
    if (fw.appliance === 'nva') {
      main.push(comment(`Not exported: "${fw.id}" is a network virtual appliance; deploy it with its vendor's module at ${fw.privateIpAddress ?? 'the IP the routes name'}.`));
      continue;
    }
    const l = c.labelOf(fw.id);
    const name = c.nameVar(fw, 'Azure Firewall');
    const subnet = c.plan.topology.targets(fw.id, 'firewallSubnet', 'subnet')[0];
    const location = subnet ? raw(`azurerm_virtual_network.${c.labelOf(subnet.parent)}.location`) : c.locationVar(fw, 'Azure Firewall');
    const subnetId = subnet
      ? raw(`azurerm_subnet.${c.labelOf(subnet.id)}.id`)
      : raw(c.addVar({ id: fw.id, role: 'subnet id', type: 'string', description: `Resource id of the AzureFirewallSubnet for "${fw.id}" (the design does not place it in one).` }));
    const tier = fw.skuTier ?? 'Standard';
    const pip = c.take(fw.id, 'pip');
    main.push(c.publicIp(pip, raw(`"\${${name}}-pip"`), location));
    const policy = c.take(fw.id, 'policy');
    main.push(block('resource', ['azurerm_firewall_policy', policy], [
      attr('name', raw(`"\${${name}}-policy"`)),
      attr('resource_group_name', c.rgName),
      attr('location', location),
      attr('sku', tier),
    ]));
    if (fw.ruleCollectionGroups === undefined) main.push(comment(`The design does not hold the rules of "${fw.id}": its policy is created empty (Azure Firewall denies everything no rule allows).`));
    let previous: string | undefined;
    const groups = fw.ruleCollectionGroups ?? [];
    const groupNames = ruleCollectionGroupNames(groups);
    groups.forEach((g, gi) => {
      const gl = c.take(fw.id, 'rcg', String(gi + 1));
      main.push(block('resource', ['azurerm_firewall_policy_rule_collection_group', gl], [
        attr('name', groupNames[gi]!),
        attr('firewall_policy_id', raw(`azurerm_firewall_policy.${policy}.id`)),
        attr('priority', g.priority),
        ...(previous ? [attr('depends_on', [raw(`azurerm_firewall_policy_rule_collection_group.${previous}`)])] : []),
        ...g.ruleCollections.flatMap((rc) => [blank, collection(rc)]),
      ]));
      previous = gl;
    });
    main.push(comment(`Azure assigns the private IP (the first usable address of the subnet); the design's routes name ${fw.privateIpAddress ?? 'it'}.`));
    main.push(block('resource', ['azurerm_firewall', l], [
      attr('name', raw(name)),
      attr('location', location),
      attr('resource_group_name', c.rgName),
      attr('sku_name', 'AZFW_VNet'),
      attr('sku_tier', tier),
      attr('firewall_policy_id', raw(`azurerm_firewall_policy.${policy}.id`)),
      ...(previous ? [attr('depends_on', [raw(`azurerm_firewall_policy_rule_collection_group.${previous}`)])] : []),
      blank,
      block('ip_configuration', [], [attr('name', 'ipconfig1'), attr('subnet_id', subnetId), attr('public_ip_address_id', raw(`azurerm_public_ip.${pip}.id`))]),
    ]));
    outputs.push(block('output', [`${l}_private_ip`], [
      attr('description', `Private IP of the Azure Firewall "${fw.id}", the next hop of the routes through it.`),
      attr('value', raw(`azurerm_firewall.${l}.ip_configuration[0].private_ip_address`)),
    ]));
  }
  return { main, outputs };
}
