// The DNS resolver section of main.tf: azurerm_private_dns_resolver in its VNet with its inbound and outbound
// endpoints, then each azurerm_private_dns_resolver_dns_forwarding_ruleset with its forwarding rules and
// virtual network links.
import { dnsResolverPlans } from '../dns-resolver-plan';
import { attr, block, comment, raw, type HclItem } from './hcl-writer';
import type { TerraformSectionContext } from './section-context';

/** What the section borrows from the main emitter: labels, variables and the resource group. */
export type TerraformDnsResolverContext = TerraformSectionContext;

export function emitDnsResolversTerraform(c: TerraformDnsResolverContext): HclItem[] {
  const { resolvers, rulesets, skipped } = dnsResolverPlans(c.plan.topology);
  const out: HclItem[] = [];
  const outboundLabel = new Map<string, string>();
  const subnetId = (subnet: { id: string }) => raw(`azurerm_subnet.${c.labelOf(subnet.id)}.id`);
  for (const r of resolvers) {
    const resolver = `azurerm_private_dns_resolver.${c.labelOf(r.resolver.id)}`;
    const vnet = `azurerm_virtual_network.${c.labelOf(r.vnet.id)}`;
    out.push(comment('A DNS private resolver serves the VNet it is in (one resolver per VNet); each endpoint needs a subnet of its own,\ndelegated to Microsoft.Network/dnsResolvers.'));
    out.push(block('resource', ['azurerm_private_dns_resolver', c.labelOf(r.resolver.id)], [
      attr('name', raw(c.nameVar(r.resolver, 'DNS private resolver'))),
      attr('resource_group_name', c.rgName),
      attr('location', raw(`${vnet}.location`)),
      attr('virtual_network_id', raw(`${vnet}.id`)),
    ]));
    for (const e of r.inbound) {
      const ip = e.relation.privateIpAddress;
      out.push(block('resource', ['azurerm_private_dns_resolver_inbound_endpoint', c.take(e.relation.id)], [
        attr('name', e.name),
        attr('private_dns_resolver_id', raw(`${resolver}.id`)),
        attr('location', raw(`${resolver}.location`)),
        block('ip_configurations', [], [
          attr('private_ip_allocation_method', ip === undefined ? 'Dynamic' : 'Static'),
          attr('private_ip_address', ip),
          attr('subnet_id', subnetId(e.subnet)),
        ]),
      ]));
    }
    for (const e of r.outbound) {
      const l = c.take(e.relation.id);
      outboundLabel.set(e.relation.id, l);
      out.push(block('resource', ['azurerm_private_dns_resolver_outbound_endpoint', l], [
        attr('name', e.name),
        attr('private_dns_resolver_id', raw(`${resolver}.id`)),
        attr('location', raw(`${resolver}.location`)),
        attr('subnet_id', subnetId(e.subnet)),
      ]));
    }
  }
  for (const p of rulesets) {
    const rl = c.labelOf(p.ruleset.id);
    const ruleset = `azurerm_private_dns_resolver_dns_forwarding_ruleset.${rl}`;
    out.push(block('resource', ['azurerm_private_dns_resolver_dns_forwarding_ruleset', rl], [
      attr('name', raw(c.nameVar(p.ruleset, 'DNS forwarding ruleset'))),
      attr('resource_group_name', c.rgName),
      attr('location', c.locationVar(p.ruleset, 'DNS forwarding ruleset')),
      attr('private_dns_resolver_outbound_endpoint_ids', p.outbound.map((e) => raw(`azurerm_private_dns_resolver_outbound_endpoint.${outboundLabel.get(e.relation.id)!}.id`))),
    ]));
    (p.ruleset.rules ?? []).forEach((rule, i) => {
      out.push(block('resource', ['azurerm_private_dns_resolver_forwarding_rule', c.take(p.ruleset.id, 'rule', String(i + 1))], [
        attr('name', rule.name),
        attr('dns_forwarding_ruleset_id', raw(`${ruleset}.id`)),
        attr('domain_name', rule.domainName),
        attr('enabled', rule.enabled ?? true),
        ...rule.targetDnsServers.map((s) => block('target_dns_servers', [], [attr('ip_address', s.ipAddress), attr('port', s.port ?? 53)])),
      ]));
    });
    for (const link of p.links) {
      out.push(block('resource', ['azurerm_private_dns_resolver_virtual_network_link', c.take(link.relation.id)], [
        // Named after the VNet as deployed, as the private DNS zones' links are.
        attr('name', raw(`"link-\${azurerm_virtual_network.${c.labelOf(link.vnet.id)}.name}"`)),
        attr('dns_forwarding_ruleset_id', raw(`${ruleset}.id`)),
        attr('virtual_network_id', raw(`azurerm_virtual_network.${c.labelOf(link.vnet.id)}.id`)),
      ]));
    }
  }
  if (skipped.length > 0) {
    out.push(comment(`Not exported: ${skipped.map((e) => `"${e.id}"`).join(', ')}: a resolver needs its VNet, and a ruleset a resolver with an outbound endpoint, in the design.`));
  }
  return out;
}
