// Reading Azure Firewall back from Bicep and Terraform: the exported sample reads back with every rule
// (the round trip checks that), and what the reader cannot follow leaves the rules unknown, saying why.
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../src/core/export/export-design';
import { verifyDesign } from '../../../src/core/verify/verify-design';
import { loadSample } from '../support/designs';
import { bicep, tf } from './iac-support';

const hub = loadSample('hub-firewall');
const exported = (format: 'bicep' | 'terraform') => Object.fromEntries(exportDesign(hub, format, { designFile: 'hub-firewall.ppvnet.json' })
  .filter((f) => f.path.endsWith(format === 'bicep' ? '.bicep' : '.tf')).map((f) => [f.path, f.content]));

describe('reading Azure Firewall', () => {
  for (const format of ['bicep', 'terraform'] as const) {
    it(`${format}: the rules come back; with the private IP unstated the flows through the firewall are unknown, not guessed`, async () => {
      const r = format === 'bicep' ? await bicep(exported('bicep')) : await tf(exported('terraform'));
      const fw = r.design.elements.find((e) => e.kind === 'firewall' && e.name === 'afw-hub-weu');
      expect(fw).toMatchObject({ skuTier: 'Standard', ruleCollectionGroups: [{ name: 'rcg-powerplatform', priority: 200 }] });
      expect(r.design.relations.some((x) => x.kind === 'firewallSubnet' && x.from === fw!.id)).toBe(true);
      // Templates declare no connectors: every private endpoint is a presumed target, reached through the tunnel.
      const flows = verifyDesign(r.design).filter((f) => f.target.kind === 'privateEndpoint');
      expect(flows.length).toBeGreaterThan(0);
      expect(flows.every((f) => f.verdict === 'unknown')).toBe(true);
    });
  }
  it('a DNAT collection leaves the rules unknown, with a diagnostic', async () => {
    const text = exported('terraform')['main.tf']!.replace(
      /(resource "azurerm_firewall_policy_rule_collection_group" "afw_weu_rcg_1" \{\n[^\n]+\n[^\n]+\n[^\n]+\n)/,
      '$1  nat_rule_collection {\n    name     = "dnat"\n    priority = 50\n    action   = "Dnat"\n  }\n',
    );
    expect(text).toMatch(/nat_rule_collection/);
    const r = await tf({ ...exported('terraform'), 'main.tf': text });
    const fw = r.design.elements.find((e) => e.kind === 'firewall' && e.name === 'afw-hub-weu') as Record<string, unknown>;
    expect(fw.ruleCollectionGroups).toBeUndefined();
    expect(r.diagnostics.some((d) => /rules of Azure Firewall 'afw-hub-weu' cannot be read statically \(DNAT collections are not modelled\)/.test(d.message))).toBe(true);
  });
  it('a rule list from a parameter leaves the rules unknown', async () => {
    const main = exported('bicep')['main.bicep']!.replace(/sourceAddresses: \[\n\s+'\*'\n\s+\]/, 'sourceAddresses: trustedSources');
    expect(main).toMatch(/sourceAddresses: trustedSources/);
    const r = await bicep({ 'main.bicep': `param trustedSources array\n${main}` });
    const fws = r.design.elements.filter((e) => e.kind === 'firewall') as Record<string, unknown>[];
    expect(fws.filter((f) => f.ruleCollectionGroups === undefined)).toHaveLength(1);
  });
});
