// Every exported Terraform file parses with HashiCorp's HCL parser (@cdktf/hcl2json, the Go parser
// compiled to WebAssembly), and the parsed structure holds what the design asks for.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../src/core/export/export-design';
import type { Design } from '../../../src/core/model/schema';
import { exportDesigns } from './export-support';

type Parsed = Record<string, Record<string, Record<string, Record<string, unknown>[]>>>;

const EXPECTED: Partial<Record<Design['elements'][number]['kind'], string>> = {
  vnet: 'azurerm_virtual_network',
  subnet: 'azurerm_subnet',
  natGateway: 'azurerm_nat_gateway',
  nsg: 'azurerm_network_security_group',
  routeTable: 'azurerm_route_table',
  networkWatcher: 'azurerm_network_watcher',
  flowLog: 'azurerm_network_watcher_flow_log',
  logAnalyticsWorkspace: 'azurerm_log_analytics_workspace',
  vpnGateway: 'azurerm_virtual_network_gateway',
  expressRouteGateway: 'azurerm_virtual_network_gateway',
  privateEndpoint: 'azurerm_private_endpoint',
  privateDnsZone: 'azurerm_private_dns_zone',
  enterprisePolicy: 'azapi_resource',
  dnsResolver: 'azurerm_private_dns_resolver',
  dnsForwardingRuleset: 'azurerm_private_dns_resolver_dns_forwarding_ruleset',
  dataPolicy: 'powerplatform_data_loss_prevention_policy',
};

const count = (parsed: Parsed, type: string) => Object.keys(parsed.resource?.[type] ?? {}).length;

describe('exported Terraform parses with the HCL parser', () => {
  for (const d of exportDesigns()) {
    it(`${d.name}: every .tf file parses; resources, variables and the policy body are as designed`, async () => {
      const files = exportDesign(d.design, 'terraform', { designFile: d.file });
      const parsed: Record<string, Parsed> = {};
      // data-gateways.md is the manual step for VNet data gateways, not HCL.
      for (const f of files.filter((x) => x.path.endsWith('.tf'))) parsed[f.path] = (await parse(f.path, f.content)) as Parsed;
      const main = parsed['main.tf']!;

      // Every modelled kind has its resources.
      const byType = new Map<string, number>();
      for (const e of d.design.elements) {
        const type = EXPECTED[e.kind];
        if (type) byType.set(type, (byType.get(type) ?? 0) + 1);
      }
      for (const [type, n] of byType) expect(count(main, type), type).toBe(n);
      expect(count(main, 'azurerm_virtual_network_peering')).toBe(d.design.relations.filter((r) => r.kind === 'peering').length);
      expect(count(main, 'azurerm_private_dns_zone_virtual_network_link')).toBe(d.design.relations.filter((r) => r.kind === 'dnsZoneLink').length);
      expect(count(main, 'azurerm_subnet_nat_gateway_association')).toBe(d.design.relations.filter((r) => r.kind === 'natAssociation').length);
      expect(count(main, 'azurerm_subnet_network_security_group_association')).toBe(d.design.relations.filter((r) => r.kind === 'nsgAssociation').length);
      expect(count(main, 'azurerm_subnet_route_table_association')).toBe(d.design.relations.filter((r) => r.kind === 'routeTableAssociation').length);
      expect(count(main, 'azurerm_monitor_diagnostic_setting')).toBe(d.design.relations.filter((r) => r.kind === 'diagnostics').length);
      // VNet flow logs: the target is a VNet, with a retention policy.
      for (const fl of Object.values(main.resource?.azurerm_network_watcher_flow_log ?? {})) {
        const f = fl[0]! as { target_resource_id: string; retention_policy: { days: number }[]; version: number };
        expect(f.target_resource_id).toMatch(/^\$\{azurerm_virtual_network\.[a-z0-9_]+\.id\}$/);
        expect(f.retention_policy).toHaveLength(1);
        expect(f.version).toBe(2);
      }
      // DNS private resolvers: one endpoint per relation, one rule per forwarding rule, one link per ruleset link.
      expect(count(main, 'azurerm_private_dns_resolver_inbound_endpoint')).toBe(d.design.relations.filter((r) => r.kind === 'resolverInbound').length);
      expect(count(main, 'azurerm_private_dns_resolver_outbound_endpoint')).toBe(d.design.relations.filter((r) => r.kind === 'resolverOutbound').length);
      expect(count(main, 'azurerm_private_dns_resolver_virtual_network_link')).toBe(d.design.relations.filter((r) => r.kind === 'rulesetLink').length);
      expect(count(main, 'azurerm_private_dns_resolver_forwarding_rule')).toBe(d.design.elements.reduce((n, e) => n + (e.kind === 'dnsForwardingRuleset' ? e.rules?.length ?? 0 : 0), 0));
      for (const rule of Object.values(main.resource?.azurerm_private_dns_resolver_forwarding_rule ?? {})) {
        const r = rule[0]! as { dns_forwarding_ruleset_id: string; target_dns_servers: { ip_address: string; port: number }[] };
        expect(r.dns_forwarding_ruleset_id).toMatch(/^\$\{azurerm_private_dns_resolver_dns_forwarding_ruleset\.[a-z0-9_]+\.id\}$/);
        expect(r.target_dns_servers.length).toBeGreaterThan(0);
      }
      // Azure Firewalls: a firewall, a policy and a public IP each, one rule collection group per designed group.
      const firewalls = d.design.elements.filter((e) => e.kind === 'firewall' && e.appliance !== 'nva');
      expect(count(main, 'azurerm_firewall')).toBe(firewalls.length);
      expect(count(main, 'azurerm_firewall_policy')).toBe(firewalls.length);
      expect(count(main, 'azurerm_firewall_policy_rule_collection_group')).toBe(firewalls.reduce((n, f) => n + (f.kind === 'firewall' ? f.ruleCollectionGroups?.length ?? 0 : 0), 0));
      for (const fw of Object.values(main.resource?.azurerm_firewall ?? {})) {
        const f = fw[0]! as { sku_name: string; firewall_policy_id: string; ip_configuration: { subnet_id: string; public_ip_address_id: string }[] };
        expect(f.sku_name).toBe('AZFW_VNet');
        expect(f.firewall_policy_id).toMatch(/^\$\{azurerm_firewall_policy\.[a-z0-9_]+\.id\}$/);
        expect(f.ip_configuration[0]!.public_ip_address_id).toMatch(/^\$\{azurerm_public_ip\.[a-z0-9_]+\.id\}$/);
      }
      expect(count(main, 'powerplatform_enterprise_policy')).toBe(d.design.relations.filter((r) => r.kind === 'policyLink').length);

      // Delegated subnets carry the service delegation with the join action.
      for (const subnet of Object.values(main.resource?.azurerm_subnet ?? {})) {
        const delegations = (subnet[0]!.delegation ?? []) as { name: string; service_delegation: { name: string; actions: string[] }[] }[];
        for (const del of delegations) {
          expect(del.service_delegation[0]!.name).toBe(del.name);
          expect(del.service_delegation[0]!.actions).toEqual(['Microsoft.Network/virtualNetworks/subnets/join/action']);
        }
      }

      // The policy body is an object whose virtualNetworks is a plain array of { id, subnet = { name } }.
      for (const policy of Object.values(main.resource?.azapi_resource ?? {})) {
        const p = policy[0]! as { type: string; schema_validation_enabled: boolean; body: { kind: string; properties: { networkInjection: { virtualNetworks: unknown } } }; response_export_values: string[] };
        expect(p.type).toBe('Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview');
        expect(p.schema_validation_enabled).toBe(false);
        expect(p.body.kind).toBe('NetworkInjection');
        const networks = p.body.properties.networkInjection.virtualNetworks;
        expect(Array.isArray(networks)).toBe(true);
        for (const n of networks as { id: string; subnet: { name: string } }[]) {
          expect(n.id).toMatch(/^\$\{azurerm_virtual_network\.[a-z0-9_]+\.id\}$/);
          expect(n.subnet.name).toMatch(/^\$\{azurerm_subnet\.[a-z0-9_]+\.name\}$/);
        }
        expect(p.response_export_values).toEqual(['properties.systemId']);
      }

      // Data policies: every group attribute present, each environment by reference, endpoint rules numbered 1…N.
      for (const policy of Object.values(main.resource?.powerplatform_data_loss_prevention_policy ?? {})) {
        type Entry = { id: string; endpoint_rules: { order: number; behavior: string; endpoint: string }[] };
        const p = policy[0]! as Record<string, unknown> & { environments: string[]; custom_connectors_patterns: { order: number }[] };
        expect(['General', 'Confidential', 'Blocked']).toContain(p.default_connectors_classification);
        expect(['AllEnvironments', 'OnlyEnvironments', 'ExceptEnvironments']).toContain(p.environment_type);
        for (const env of p.environments) expect(env).toMatch(/^\$\{(powerplatform_environment\.[a-z0-9_]+\.id|var\.[a-z0-9_]+)\}$/);
        for (const group of ['business_connectors', 'non_business_connectors', 'blocked_connectors']) {
          expect(Array.isArray(p[group]), group).toBe(true);
          for (const entry of p[group] as Entry[]) expect(entry.endpoint_rules.map((r) => r.order)).toEqual(entry.endpoint_rules.map((_, i) => i + 1));
        }
        expect(p.custom_connectors_patterns.map((r) => r.order)).toEqual(p.custom_connectors_patterns.map((_, i) => i + 1));
      }

      // Providers pinned with source addresses; every variable typed and described.
      const providers = parsed['providers.tf']!.terraform as unknown as { required_version: string; required_providers: Record<string, { source: string; version: string }>[] }[];
      expect(providers[0]!.required_providers[0]).toEqual({
        azapi: { source: 'azure/azapi', version: '~> 2.0' },
        azurerm: { source: 'hashicorp/azurerm', version: '~> 4.0' },
        powerplatform: { source: 'microsoft/power-platform', version: '~> 4.0' },
      });
      const variables = (parsed['variables.tf']!.variable ?? {}) as unknown as Record<string, { type?: string; description?: string }[]>;
      for (const [name, v] of Object.entries(variables)) {
        expect(v[0]!.type, name).toBeDefined();
        expect(String(v[0]!.description).length, name).toBeGreaterThan(10);
      }
      // Every reference to a variable names a declared one.
      const declared = new Set(Object.keys(variables));
      for (const f of files) for (const m of f.content.matchAll(/\bvar\.([a-z0-9_]+)/g)) expect(declared.has(m[1]!), `${f.path}: var.${m[1]}`).toBe(true);
    });
  }
});

const hasTerraform = (() => {
  try {
    execFileSync('terraform', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('exported Terraform is in `terraform fmt` layout', () => {
  // The emitter guarantees the layout by construction (hcl-writer tests); where the real terraform binary
  // exists, it confirms that for every fixture's export.
  it.skipIf(!hasTerraform)('terraform fmt -check leaves every fixture export unchanged (runs when terraform is on PATH)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ppvnet-tf-'));
    try {
      for (const d of exportDesigns()) {
        const sub = path.join(dir, d.file.replace(/\.ppvnet\.json$/, ''));
        mkdirSync(sub);
        for (const f of exportDesign(d.design, 'terraform', { designFile: d.file })) writeFileSync(path.join(sub, f.path), f.content);
      }
      execFileSync('terraform', ['fmt', '-check', '-recursive', '-diff', dir], { stdio: 'pipe' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
