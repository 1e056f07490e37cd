// The monitoring sections and the data gateway step: what is left out says so, and data-gateways.md is
// written only for designs with a VNet data gateway, its table cells kept to one line.
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../src/core/export/export-design';
import { edited, loadSample, set } from '../support/designs';

const seed = loadSample('seed');
const file = (design: typeof seed, format: 'bicep' | 'terraform', path: string) =>
  exportDesign(design, format, { designFile: 'd.ppvnet.json' }).find((f) => f.path === path)?.content;

describe('monitoring export', () => {
  it('deploys each flow log under its watcher, with the VNet as target and the retention as designed', () => {
    const bicep = file(seed, 'bicep', 'main.bicep')!;
    expect(bicep).toMatch(/resource flWeu 'Microsoft\.Network\/networkWatchers\/flowLogs@[^']+' = \{\n {2}parent: nwWeu\n/);
    expect(bicep).toContain('targetResourceId: vnetWeu.id');
    expect(bicep).toMatch(/retentionPolicy: \{\n\s+enabled: true\n\s+days: 90/);
    const tf = file(seed, 'terraform', 'main.tf')!;
    expect(tf).toMatch(/resource "azurerm_network_watcher_flow_log" "fl_weu" \{[\s\S]*?target_resource_id\s+= azurerm_virtual_network\.vnet_weu\.id/);
  });

  it('says which flow log it leaves out for want of a watcher', () => {
    const noWatcher = { ...seed, relations: seed.relations.filter((r) => r.id !== 'fl-neu-watcher') };
    expect(file(noWatcher, 'bicep', 'main.bicep')).toContain('Not exported: the flow log(s) "fl-neu" need a target VNet and a Network Watcher');
    expect(file(noWatcher, 'terraform', 'main.tf')).toContain('Not exported: the flow log(s) "fl-neu"');
  });

  it("leaves an Azure service's diagnostic setting to its own template in Bicep, and deploys it in Terraform", () => {
    expect(file(seed, 'bicep', 'main.bicep')).toContain('Not exported: the diagnostic setting "diag-kv" of "kv"');
    expect(file(seed, 'terraform', 'main.tf')).toMatch(/resource "azurerm_monitor_diagnostic_setting" "diag_kv" \{[\s\S]*?category_group = "allLogs"/);
    // NAT gateways have metrics only.
    expect(file(seed, 'terraform', 'main.tf')).not.toMatch(/resource "azurerm_monitor_diagnostic_setting" "diag_nat_weu" \{[^}]*enabled_log/);
  });
});

describe('data-gateways.md', () => {
  it('is written only when the design has a VNet data gateway', () => {
    expect(file(loadSample('minimal'), 'bicep', 'data-gateways.md')).toBeUndefined();
    const text = file(seed, 'terraform', 'data-gateways.md')!;
    expect(text).toContain('| vdgw-casemgmt-reports | vnet-pp-weu | snet-datagateway | westeurope | 2 |');
    expect(text).toContain('Microsoft.PowerPlatform/vnetaccesslinks');
  });

  it('keeps design text inside its table cell', () => {
    const text = file(edited(seed, set('vdgw-weu', { name: 'a|b`c' })), 'bicep', 'data-gateways.md')!;
    expect(text).toContain('| a\\|b\\`c | vnet-pp-weu |');
  });
});
