// The firewall section of main.bicep: per Azure Firewall a Standard public IP, a firewall policy with its
// rule collection groups (deployed one after another: Azure refuses concurrent writes to one policy) and
// the firewall in its AzureFirewallSubnet. A network virtual appliance is its vendor's template, not ours.
import type { ElementOf, FirewallApplicationRule, FirewallNetworkRule } from '../../model/schema';
import { ruleCollectionGroupNames } from '../azure-names';
import { comments, expr, obj, output, resource } from './bicep-writer';
import type { BicepSectionContext } from './section-context';

export const FIREWALL_API = '2025-05-01';

export interface BicepFirewallContext extends BicepSectionContext {
  publicIp(symbol: string, nameExpr: string, location: string): string;
  /** The `existing` handle of a subnet of the design, when the VNet section declared one. */
  subnetRef(subnetId: string): string | undefined;
  /** The location parameter of a VNet, when the template declares it. */
  vnetLocation(vnetId: string): string | undefined;
}

const list = (xs: readonly string[] | undefined) => (xs && xs.length > 0 ? [...xs] : undefined);

function networkRule(r: FirewallNetworkRule) {
  return obj(
    ['ruleType', 'NetworkRule'], ['name', r.name], ['description', r.description],
    ['sourceAddresses', [...r.sourceAddresses]], ['ipProtocols', [...r.protocols]],
    ['destinationAddresses', list(r.destinationAddresses)], ['destinationFqdns', list(r.destinationFqdns)],
    ['destinationPorts', [...r.destinationPorts]],
  );
}

function applicationRule(r: FirewallApplicationRule) {
  return obj(
    ['ruleType', 'ApplicationRule'], ['name', r.name], ['description', r.description],
    ['sourceAddresses', [...r.sourceAddresses]],
    ['protocols', r.protocols.map((p) => obj(['protocolType', p.protocolType], ['port', p.port]))],
    ['targetFqdns', list(r.targetFqdns)], ['fqdnTags', list(r.fqdnTags)],
  );
}

export function emitFirewallBicep(c: BicepFirewallContext): { body: string[]; outputs: string[] } {
  const body: string[] = [];
  const outputs: string[] = [];
  for (const fw of c.plan.all('firewall') as ElementOf<'firewall'>[]) {
    if (fw.appliance === 'nva') {
      body.push(comments(`Not exported: "${fw.id}" is a network virtual appliance; deploy it with its vendor's template at ${fw.privateIpAddress ?? 'the IP the routes name'}.`));
      continue;
    }
    const sym = c.symbolOf(fw.id);
    const name = c.nameParam(fw, 'Azure Firewall');
    const subnet = c.plan.topology.targets(fw.id, 'firewallSubnet', 'subnet')[0];
    const vnetLoc = subnet ? c.vnetLocation(subnet.parent) : undefined;
    const loc = vnetLoc ?? c.locationParam(fw, 'Azure Firewall');
    const handle = subnet ? c.subnetRef(subnet.id) : undefined;
    const subnetId = handle ? expr(`${handle}.id`) : expr(c.addParam(fw.id, 'subnet id', 'string', `Resource id of the AzureFirewallSubnet for "${fw.id}" (the design does not place it in one).`));
    const tier = fw.skuTier ?? 'Standard';
    const pip = c.take(fw.id, 'pip');
    body.push(c.publicIp(pip, `'\${${name}}-pip'`, loc));
    const policy = c.take(fw.id, 'policy');
    body.push(resource(policy, `Microsoft.Network/firewallPolicies@${FIREWALL_API}`, obj(
      ['name', expr(`'\${${name}}-policy'`)],
      ['location', expr(loc)],
      ['properties', obj(['sku', obj(['tier', tier])])],
    )));
    let previous: string | undefined;
    const groups = fw.ruleCollectionGroups ?? [];
    if (fw.ruleCollectionGroups === undefined) body.push(comments(`The design does not hold the rules of "${fw.id}": its policy is deployed empty (Azure Firewall denies everything no rule allows).`));
    const groupNames = ruleCollectionGroupNames(groups);
    groups.forEach((g, gi) => {
      const groupSym = c.take(fw.id, 'rcg', String(gi + 1));
      body.push(resource(groupSym, `Microsoft.Network/firewallPolicies/ruleCollectionGroups@${FIREWALL_API}`, obj(
        ['parent', expr(policy)],
        // A child resource's name is a path segment: a "/" in the design's group name would not build.
        ['name', groupNames[gi]!],
        ['properties', obj(
          ['priority', g.priority],
          ['ruleCollections', g.ruleCollections.map((rc) => obj(
            ['ruleCollectionType', 'FirewallPolicyFilterRuleCollection'],
            ['name', rc.name],
            ['priority', rc.priority],
            ['action', obj(['type', rc.action])],
            ['rules', rc.ruleType === 'network' ? rc.rules.map(networkRule) : rc.rules.map(applicationRule)],
          ))],
        )],
        ['dependsOn', previous ? [expr(previous)] : undefined],
      ), { lead: `${comments('Rule FQDNs are hosts to filter, not cloud endpoints this template calls.')}\n#disable-diagnostics no-hardcoded-env-urls` }));
      body.push('#restore-diagnostics no-hardcoded-env-urls');
      previous = groupSym;
    });
    body.push(resource(sym, `Microsoft.Network/azureFirewalls@${FIREWALL_API}`, obj(
      ['name', expr(name)],
      ['location', expr(loc)],
      ['properties', obj(
        ['sku', obj(['name', 'AZFW_VNet'], ['tier', tier])],
        ['firewallPolicy', obj(['id', expr(`${policy}.id`)])],
        ['ipConfigurations', [obj(['name', 'ipconfig1'], ['properties', obj(['subnet', obj(['id', subnetId])], ['publicIPAddress', obj(['id', expr(`${pip}.id`)])])])]],
      )],
      ['dependsOn', previous ? [expr(previous)] : undefined],
    ), { lead: comments(`Azure assigns the private IP (the first usable address of the subnet); the design's routes name ${fw.privateIpAddress ?? 'it'}.`) }));
    outputs.push(output(c.take(fw.id, 'private ip'), 'string', expr(`${sym}.properties.ipConfigurations[0].properties.privateIPAddress`), `Private IP of the Azure Firewall "${fw.id}", the next hop of the routes through it.`));
  }
  return { body, outputs };
}
