// Round trip: every fixture design exported to Bicep and to Terraform (src/core/export) and read back gives
// the same design, up to this normalisation:
//  - ids, positions and sizes are ignored: elements are keyed by a name path (`kind:name`, subnets and
//    gateways under their VNet's key) and relations by kind and endpoint keys;
//  - facts only the design carries (description, stage, environmentId, tenant/subscription/resource group
//    placement; connectors, which templates do not declare; on-premises networks, which the exporters write as
//    local network gateways named `lgw-…`, so their name does not come back) and facts only the
//    reader carries (apiVersion, policyKind, networksShape: how the IaC is written) are dropped;
//  - `delegations: []` equals no delegations, and `releaseCycle: 'standard'` (the default the exporter
//    leaves out) equals none;
//  - a property the original leaves unknown may come back with the value the exporter chose to deploy
//    (region, public IP count…): every property the original knows must come back unchanged;
//  - what the exporters deliberately reference instead of declaring is compared as far as it is written:
//    Azure services are `existing` in Bicep (kind, name, service type; services of type 'other' are a
//    resource-id parameter, left out) and ARM ids in Terraform (left out, with their peTarget relations); environments that already exist (they have an environmentId) are not
//    created by Terraform, and Bicep cannot declare environments at all (both left out with their
//    relations); a gateway whose VNet has no GatewaySubnet in the design is exported with the subnet as a
//    parameter, so its VNet cannot be known (left out);
//  - VNet data gateways are no Azure resource: the export deploys their delegated subnet and writes the gateway
//    as a manual step in data-gateways.md; the readers infer a gateway from each vnetaccesslinks subnet, so a
//    gateway is keyed by its subnet, and its name and member count (not in the IaC) are dropped;
//  - data policies are no Azure resource either: Terraform declares them (powerplatform_data_loss_prevention_policy,
//    which does come back), Bicep writes them as admin center steps in data-policies.md (left out there, with dataPolicyScope);
//  - a firewall's private IP is Azure's to assign (the first usable address of its subnet), so no template
//    declares it (left out); a network virtual appliance is its vendor's template (left out).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDesign, type ExportFormat } from '../../../src/core/export/export-design';
import { readBicep, readTerraform } from '../../../src/core/iac/read-iac';
import { loadDesign } from '../../../src/core/model/load-design';
import type { Design, Element } from '../../../src/core/model/schema';
import { parsers, ROOT } from './iac-support';

const DESIGNS = path.join(ROOT, 'test/fixtures/designs');
const DROP = new Set(['id', 'position', 'size', 'description', 'stage', 'environmentId', 'tenantId', 'subscriptionId', 'resourceGroup', 'parent', 'apiVersion', 'policyKind', 'networksShape']);

type Normal = { elements: Record<string, Record<string, unknown>>; relations: Record<string, Record<string, unknown>> };

export function normalise(design: Design, format: ExportFormat, original: Design): Normal {
  const byId = new Map(design.elements.map((e) => [e.id, e]));
  const gatewaySubnet = new Map(design.relations.filter((r) => r.kind === 'dataGatewaySubnet').map((r) => [r.from, byId.get(r.to)]));
  const keyOf = (e: Element): string => {
    const subnet = e.kind === 'vnetDataGateway' ? gatewaySubnet.get(e.id) : undefined;
    if (subnet) return `${keyOf(subnet)}/${e.kind}`;
    const parent = 'parent' in e && e.parent ? byId.get(e.parent) : undefined;
    return `${parent ? `${keyOf(parent)}/` : ''}${e.kind}:${e.name}`;
  };
  const skipped = skippedKeys(original);
  const skip = (e: Element) => skipped.has(keyOf(e)) || skippedKind(e, format);
  const elements: Normal['elements'] = {};
  for (const e of design.elements) {
    const key = keyOf(e);
    if (skip(e)) continue;
    const props = Object.fromEntries(Object.entries(e).filter(([k, v]) => !DROP.has(k)
      && !(k === 'delegations' && Array.isArray(v) && v.length === 0) && !(k === 'releaseCycle' && v === 'standard')));
    if (e.kind === 'azureService' && format === 'bicep') for (const k of ['region', 'publicNetworkAccess']) delete props[k];
    if (e.kind === 'firewall') delete props.privateIpAddress;
    if (e.kind === 'vnetDataGateway') for (const k of ['name', 'memberCount']) delete props[k];
    elements[key] = props;
  }
  const relations: Normal['relations'] = {};
  for (const r of design.relations) {
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    if (!from || !to || skip(from) || skip(to)) continue;
    relations[`${r.kind} ${keyOf(from)} -> ${keyOf(to)}`] = Object.fromEntries(Object.entries(r).filter(([k]) => !['id', 'kind', 'from', 'to'].includes(k)));
  }
  return { elements, relations };
}

/** Keys of the original's elements that the export does not declare (see the header). */
function skippedKeys(original: Design): Set<string> {
  const byId = new Map(original.elements.map((e) => [e.id, e]));
  const keyOf = (e: Element): string => {
    const parent = 'parent' in e && e.parent ? byId.get(e.parent) : undefined;
    return `${parent ? `${keyOf(parent)}/` : ''}${e.kind}:${e.name}`;
  };
  const out = new Set<string>();
  for (const e of original.elements) {
    const gatewayWithoutSubnet = (e.kind === 'vpnGateway' || e.kind === 'expressRouteGateway')
      && !original.elements.some((s) => s.kind === 'subnet' && s.parent === e.parent && s.name === 'GatewaySubnet');
    if (gatewayWithoutSubnet || (e.kind === 'environment' && e.environmentId !== undefined)) out.add(keyOf(e));
  }
  return out;
}

function skippedKind(e: Element, format: ExportFormat): boolean {
  return e.kind === 'connector' || e.kind === 'onPremises' || ((e.kind === 'environment' || e.kind === 'dataPolicy') && format === 'bicep')
    || (e.kind === 'azureService' && (format === 'terraform' || e.serviceType === 'other'));
}

/** The read-back design restricted to what the original knows: unknown-in-original properties are free. */
function projectOnto(back: Normal, original: Normal): Normal {
  const project = (b: Record<string, Record<string, unknown>>, o: Record<string, Record<string, unknown>>) =>
    Object.fromEntries(Object.entries(b).map(([k, v]) => [k, o[k] ? Object.fromEntries(Object.entries(v).filter(([p]) => p in o[k]!)) : v]));
  return { elements: project(back.elements, original.elements), relations: project(back.relations, original.relations) };
}

async function roundTrip(design: Design, format: ExportFormat): Promise<Design> {
  const p = await parsers();
  const files = exportDesign(design, format, { designFile: 'design.ppvnet.json' });
  const language = format === 'bicep' ? 'bicep' : 'terraform';
  const sources = files.filter((f) => f.path.endsWith(format === 'bicep' ? '.bicep' : '.tf'))
    .map((f) => ({ path: `/rt/${f.path}`, text: f.content, tree: p.parse(language, `/rt/${format}/${f.path}`, f.content) }));
  const read = format === 'bicep' ? readBicep('/rt/main.bicep', sources) : readTerraform(sources);
  return read.design;
}

describe('export → import round trip', () => {
  const names = readdirSync(DESIGNS).filter((n) => n.endsWith('.ppvnet.json')).sort();
  it('has fixture designs to go round', () => expect(names.length).toBeGreaterThan(2));
  for (const name of names) {
    const loaded = loadDesign(readFileSync(path.join(DESIGNS, name), 'utf8'));
    if (!loaded.ok) continue;
    for (const format of ['bicep', 'terraform'] as const) {
      it(`${name} via ${format}`, async () => {
        const back = await roundTrip(loaded.design, format);
        const original = normalise(loaded.design, format, loaded.design);
        expect(projectOnto(normalise(back, format, loaded.design), original)).toEqual(original);
      });
    }
  }
});
