// `ppvnet validate <folder>`: a Bicep file or Terraform folder that another input of the scan calls as a
// module is not validated alone, so each finding located in it is reported once (through its caller).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';

const ROOT = path.resolve(__dirname, '../../..');

interface JsonFinding { ruleId: string; message: string; file: string; elementId?: string; range: { start: { line: number; character: number } } }

async function findings(args: string[], cwd = ROOT): Promise<JsonFinding[]> {
  let stdout = '';
  const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: () => {}, cwd, env: {} };
  await main(['validate', ...args, '--format', 'json'], io);
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
}

const key = (f: JsonFinding) => `${f.ruleId} ${f.file}:${f.range.start.line}:${f.range.start.character} ${f.elementId ?? ''} ${f.message}`;
const rules = (fs: JsonFinding[]) => fs.filter((f) => f.ruleId !== 'PPV-READ');

const temp = mkdtempSync(path.join(tmpdir(), 'ppvnet-folder-modules-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
function write(name: string, files: Record<string, string>): string {
  const dir = path.join(temp, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('folder validation reads a module once, through its caller', () => {
  it('Bicep: modules/net.bicep is reported through main.bicep only, with a note saying so', async () => {
    const dir = write('bicep', {
      'main.bicep': `module net './modules/net.bicep' = {\n  name: 'net'\n  params: {\n    name: 'vnet-prod'\n  }\n}\n`,
      'modules/net.bicep': [
        "param name string = 'vnet-default'",
        "resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {\n  name: name\n  location: 'westeurope'\n  properties: {\n    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }\n    subnets: [\n      { name: 'snet-pp', properties: { addressPrefix: '10.0.1.0/24' } }\n    ]\n  }\n}",
        // An Azure region as the policy location: PPV-002 has something to say inside the module.
        "resource policy 'Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview' = {\n  name: 'ep'\n  location: 'westeurope'\n  kind: 'NetworkInjection'\n  properties: {\n    networkInjection: {\n      virtualNetworks: [\n        { id: vnet.id, subnet: { name: 'snet-pp' } }\n      ]\n    }\n  }\n}",
      ].join('\n'),
    });
    const scanned = await findings(['.'], dir);
    const alone = await findings(['main.bicep'], dir);
    expect(rules(alone).some((f) => f.ruleId === 'PPV-002' && f.file === path.join('modules', 'net.bicep'))).toBe(true);
    expect(rules(scanned).map(key).sort()).toEqual(rules(alone).map(key).sort());
    const note = scanned.find((f) => f.ruleId === 'PPV-READ' && f.file === path.join('modules', 'net.bicep'));
    expect(note?.message).toBe('read as a module of main.bicep; its findings are reported there');
  });

  it('a module named on the command line is still validated alone', async () => {
    const r = await findings(['test/fixtures/iac/bicep-modules/modules/net.bicep']);
    expect(r.some((f) => f.ruleId === 'PPV-READ' && /read as a module/.test(f.message))).toBe(false);
  });

  it('Terraform: a module folder called from another root of the scan is reported through that root only', async () => {
    const dir = write('tf', {
      'envs/prod/main.tf': `module "net" {\n  source = "../../modules/net"\n  name   = "vnet-prod"\n}\n`,
      'modules/net/main.tf': [
        'variable "name" {\n  type    = string\n  default = "vnet-default"\n}',
        'resource "azurerm_virtual_network" "v" {\n  name                = var.name\n  location            = "westeurope"\n  resource_group_name = "rg"\n  address_space       = ["10.0.0.0/16"]\n}',
        // No delegation: PPV-008 has something to say about the subnet the policy uses.
        'resource "azurerm_subnet" "pp" {\n  name                 = "snet-pp"\n  resource_group_name  = "rg"\n  virtual_network_name = azurerm_virtual_network.v.name\n  address_prefixes     = ["10.0.1.0/24"]\n}',
        'resource "azapi_resource" "policy" {\n  type      = "Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview"\n  name      = "ep"\n  location  = "europe"\n  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"\n  body = {\n    kind = "NetworkInjection"\n    properties = { networkInjection = { virtualNetworks = [{ id = azurerm_virtual_network.v.id, subnet = { name = azurerm_subnet.pp.name } }] } }\n  }\n}',
      ].join('\n'),
    });
    const scanned = await findings(['.'], dir);
    const alone = await findings([path.join('envs', 'prod')], dir);
    expect(rules(alone).some((f) => f.file === path.join('modules', 'net', 'main.tf'))).toBe(true);
    expect(rules(scanned).map(key).sort()).toEqual(rules(alone).map(key).sort());
    const note = scanned.find((f) => f.ruleId === 'PPV-READ' && f.file === path.join('modules', 'net'));
    expect(note?.message).toBe(`read as a module of ${path.join('envs', 'prod')}; its findings are reported there`);
  });
});
