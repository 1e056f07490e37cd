// The monitoring sections and the data gateway step: what is left out says so, and data-gateways.md is
// written only for designs with a VNet data gateway, its table cells kept to one line.
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../src/core/export/export-design';
import { edited, loadSample, set, unchecked } from '../support/designs';

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

  it("deploys an Azure service's diagnostic setting in the service's resource group (a Bicep module) and in Terraform", () => {
    const main = file(seed, 'bicep', 'main.bicep')!;
    expect(main).toMatch(/module diagKv 'modules\/diagnostics-key-vault\.bicep' = \{\n {2}name: 'diagKv-[0-9a-f]{8}'\n {2}scope: resourceGroup\(kvResourceGroup\)\n {2}params: \{\n {4}targetName: kv\.name\n {4}settingName: 'diag-to-log-pp-monitoring'\n {4}workspaceId: logPp\.id/);
    expect(main).not.toContain('Not exported: the diagnostic setting');
    const module = file(seed, 'bicep', 'modules/diagnostics-key-vault.bicep')!;
    expect(module).toContain("resource target 'Microsoft.KeyVault/vaults@2025-05-01' existing = {");
    expect(module).toMatch(/scope: target\n {2}properties: \{\n {4}workspaceId: workspaceId\n {4}logs: \[\n {6}\{\n {8}categoryGroup: 'allLogs'/);
    // A service of type other has no type to declare `existing` with: the setting stays a note.
    const other = edited(seed, set('kv', { serviceType: 'other', resourceType: 'Microsoft.KeyVault/vaults' }));
    expect(file(other, 'bicep', 'main.bicep')).toContain('Not exported: the diagnostic setting "diag-kv" of "kv"');
    expect(file(other, 'bicep', 'modules/diagnostics-key-vault.bicep')).toBeUndefined();
    expect(file(seed, 'terraform', 'main.tf')).toMatch(/resource "azurerm_monitor_diagnostic_setting" "diag_kv" \{[\s\S]*?category_group = "allLogs"/);
    // NAT gateways have metrics only.
    expect(file(seed, 'terraform', 'main.tf')).not.toMatch(/resource "azurerm_monitor_diagnostic_setting" "diag_nat_weu" \{[^}]*enabled_log/);
  });
});

describe('diagnostic setting module deployment names', () => {
  const deploymentName = (design: typeof seed) => /module diagKv '[^']+' = \{\n {2}name: '([^']+)'/.exec(file(design, 'bicep', 'main.bicep')!)![1]!;

  it('differ between designs, and between targets, so one export does not replace another\'s deployment', () => {
    const base = deploymentName(seed);
    expect(deploymentName({ ...seed, name: 'Another design' })).not.toBe(base);
    // The same setting (id, symbol) sending to another workspace: another target.
    const other = { ...seed.elements.find((e) => e.id === 'log-pp')!, id: 'log-other', name: 'log-other' };
    const retargeted = { ...seed, elements: [...seed.elements, other], relations: seed.relations.map((r) => (r.id === 'diag-kv' ? { ...r, to: 'log-other' } : r)) };
    expect(deploymentName(retargeted)).not.toBe(base);
  });

  it('are deterministic and within Azure\'s 64 characters', () => {
    expect(deploymentName(seed)).toBe(deploymentName(structuredClone(seed)));
    const longId = 'diag-'.padEnd(79, 'k');
    const long = { ...seed, relations: seed.relations.map((r) => (r.id === 'diag-kv' ? { ...r, id: longId } : r)) };
    const name = /module \w+ 'modules\/diagnostics-key-vault\.bicep' = \{\n {2}name: '([^']+)'/.exec(file(long, 'bicep', 'main.bicep')!)![1]!;
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^[A-Za-z0-9]+-[0-9a-f]{8}$/);
  });
});

describe('data-policies.md', () => {
  it('is written for Bicep only (Terraform deploys the policies), when the design has a data policy', () => {
    expect(file(loadSample('minimal'), 'bicep', 'data-policies.md')).toBeUndefined();
    expect(file(seed, 'terraform', 'data-policies.md')).toBeUndefined();
    const text = file(seed, 'bicep', 'data-policies.md')!;
    expect(text).toContain('## Case Management data policy');
    expect(text).toContain('- Scope: only named environments: Case Management');
    expect(text).toContain('| /providers/Microsoft.PowerApps/apis/shared\\_webcontents | Business | 1. Allow https://app-casemgmt-api.azurewebsites.net/\\*; 2. Deny \\* |');
    expect(text).toContain('| http | Blocked | none |');
    expect(file(seed, 'bicep', 'link-environments.ps1')).toContain("Write-Host 'Next: create the data policies of this design in the Power Platform admin center, as data-policies.md describes.'");
  });

  it('keeps design text inside its table cell', () => {
    // Read from IaC, text is not schema-checked: a line break must not end the row.
    const hostile = unchecked(seed, 'dlp-casemgmt', { endpointRules: [{ connector: 'http', endpoint: 'a|b`c\n## x', behavior: 'Allow' }, { connector: 'http', endpoint: '*', behavior: 'Deny' }] });
    const text = file(hostile, 'bicep', 'data-policies.md');
    expect(text).toBeDefined();
    const row = text!.split('\n').find((l) => l.startsWith('| http |'))!;
    expect(row).toBe('| http | Blocked | 1. Allow a\\|b\\`c ## x; 2. Deny \\* |');
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
