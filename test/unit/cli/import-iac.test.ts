// `ppvnet import <bicep|terraform-folder>` in-process: writes the design the editor's "Open in Designer"
// writes, through the safe writer (inside the working folder, never over a file without --force), prints the
// reader's notes, and keeps the IaC's faults so `ppvnet validate` on the design reports them.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';
import { loadDesign } from '../../../src/core/model/load-design';
import type { Design } from '../../../src/core/model/schema';
import { importIac, importTarget } from '../../../src/node/iac/import-iac';
import { FIXTURES } from '../iac/iac-support';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'ppvnet-import-iac-'));
  for (const f of ['bicep-modules', 'bicep-problems', 'bicep-avm', 'terraform-paired']) await cp(path.join(FIXTURES, f), path.join(cwd, f), { recursive: true });
});
afterAll(() => rm(cwd, { recursive: true, force: true }));

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd, env: {} };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

async function designAt(rel: string): Promise<Design> {
  const loaded = loadDesign(await readFile(path.join(cwd, rel), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));
  return loaded.design;
}

async function rulesOf(rel: string): Promise<string[]> {
  let stdout = '';
  await main(['validate', rel, '--format', 'json'], { stdout: (s) => { stdout += s; }, stderr: () => {}, cwd, env: {} });
  return (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
}

describe('ppvnet import <iac>', () => {
  it('reads a Bicep file with its modules into <name>.ppvnet.json beside it, as the editor does', async () => {
    const r = await run(['import', 'bicep-modules/main.bicep']);
    expect(r.code).toBe(0);
    const out = path.join('bicep-modules', 'main.ppvnet.json');
    expect(r.stdout).toMatch(new RegExp(`^${out.replace(/[.\\]/g, '\\$&')}: \\d+ elements, \\d+ relations from ${path.join('bicep-modules', 'main.bicep').replace(/[.\\]/g, '\\$&')}\\n$`));
    const target = importTarget(path.join(cwd, 'bicep-modules', 'main.bicep'))!;
    const { design: editor } = await importIac(target);
    expect(await designAt(out)).toEqual(editor);
  });

  it('reads a Terraform folder, writing to --out', async () => {
    const r = await run(['import', 'terraform-paired', '--out', 'paired.ppvnet.json']);
    expect(r.code).toBe(0);
    const design = await designAt('paired.ppvnet.json');
    expect(design.elements.filter((e) => e.kind === 'vnet')).toHaveLength(2);
    expect(design.elements.every((e) => e.position !== undefined)).toBe(true);
  });

  it('reads a .bicepparam file with its template and values', async () => {
    const r = await run(['import', 'bicep-avm/main.bicepparam', '--out', 'avm.ppvnet.json']);
    expect(r.code).toBe(0);
    const names = (await designAt('avm.ppvnet.json')).elements.filter((e) => e.kind === 'vnet').map((e) => e.name);
    expect(names.some((n) => n.includes('tailspin'))).toBe(true);
  });

  it('prints what the reader could not follow as notes', async () => {
    await mkdir(path.join(cwd, 'partial'), { recursive: true });
    await writeFile(path.join(cwd, 'partial', 'main.bicep'), [
      "module gone './missing.bicep' = {\n  name: 'gone'\n}",
      "resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {\n  name: 'vnet-a'\n  location: 'westeurope'\n  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } }\n}",
    ].join('\n'));
    const r = await run(['import', 'partial/main.bicep']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^${path.join('partial', 'main.bicep').replace(/[.\\]/g, '\\$&')}:1:\\d+: note: .*missing\\.bicep`, 'm'));
  });

  it('never writes over a file without --force, nor outside the working folder', async () => {
    await writeFile(path.join(cwd, 'keep.ppvnet.json'), 'keep me');
    const refused = await run(['import', 'bicep-problems/main.bicep', '--out', 'keep.ppvnet.json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/keep\.ppvnet\.json exists; pass --force/);
    expect(await readFile(path.join(cwd, 'keep.ppvnet.json'), 'utf8')).toBe('keep me');
    const forced = await run(['import', 'bicep-problems/main.bicep', '--out', 'keep.ppvnet.json', '--force']);
    expect(forced.code).toBe(0);
    expect((await designAt('keep.ppvnet.json')).name).toBe('main');
    const outside = await run(['import', 'bicep-problems/main.bicep', '--out', '../escaped.ppvnet.json']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/outside the working folder/);
    await expect(readFile(path.join(cwd, '..', 'escaped.ppvnet.json'))).rejects.toThrow();
  });

  it('refuses what it cannot import, and Azure options with a path', async () => {
    await writeFile(path.join(cwd, 'empty.bicep'), "param x string = 'a'\n");
    const empty = await run(['import', 'empty.bicep']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no Power Platform network resources were found in empty\.bicep; nothing written/);
    await expect(readFile(path.join(cwd, 'empty.ppvnet.json'))).rejects.toThrow();
    expect((await run(['import', 'keep.ppvnet.json'])).stderr).toMatch(/is not a Bicep \(\.bicep, \.bicepparam\) file or a Terraform folder/);
    expect((await run(['import', 'nowhere.bicep'])).stderr).toMatch(/no such file or folder/);
    const mixed = await run(['import', 'bicep-problems/main.bicep', '--subscription', '00000000-0000-0000-0000-000000000000']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/--subscription is for reading Azure/);
  });

  it('--help names both forms', async () => {
    const r = await run(['import', '--help']);
    expect(r.stdout).toMatch(/ppvnet import <file\.bicep \| file\.bicepparam \| terraform-folder>/);
  });
});

describe('an import keeps the faults it read', () => {
  it('Bicep: a wrong kind and a {value: […]} wrapper are in the design, and its rules report them', async () => {
    await mkdir(path.join(cwd, 'faults'), { recursive: true });
    await writeFile(path.join(cwd, 'faults', 'main.bicep'), (await readFile(path.join(cwd, 'bicep-problems', 'main.bicep'), 'utf8')).replace("kind: 'NetworkInjection'", "kind: 'NetworkInjectionX'"));
    expect((await run(['import', 'faults/main.bicep'])).code).toBe(0);
    const out = path.join('faults', 'main.ppvnet.json');
    const policy = (await designAt(out)).elements.find((e) => e.kind === 'enterprisePolicy') as Record<string, unknown>;
    expect(policy.policyKind).toBe('NetworkInjectionX');
    expect(policy.networksShape).toBe('valueWrapper');
    const rules = await rulesOf(out);
    expect(rules).toContain('PPV-001');
    expect(rules).toContain('PPV-003');
  });

  it('Terraform: the same faults in an azapi_resource body', async () => {
    await mkdir(path.join(cwd, 'tf-faults'), { recursive: true });
    await writeFile(path.join(cwd, 'tf-faults', 'main.tf'), [
      'resource "azurerm_virtual_network" "v" {\n  name                = "vnet-a"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  address_space       = ["10.0.0.0/16"]\n}',
      'resource "azapi_resource" "policy" {\n  type      = "Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview"\n  name      = "ep"\n  location  = "europe"\n  parent_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"\n  body = {\n    kind = "NetworkInjectionX"\n    properties = { networkInjection = { virtualNetworks = { value = [{ id = azurerm_virtual_network.v.id, subnet = { name = "snet-pp" } }] } } }\n  }\n}',
    ].join('\n'));
    expect((await run(['import', 'tf-faults'])).code).toBe(0);
    const out = path.join('tf-faults', 'tf-faults.ppvnet.json');
    const policy = (await designAt(out)).elements.find((e) => e.kind === 'enterprisePolicy') as Record<string, unknown>;
    expect(policy.policyKind).toBe('NetworkInjectionX');
    expect(policy.networksShape).toBe('valueWrapper');
    const rules = await rulesOf(out);
    expect(rules).toContain('PPV-001');
    expect(rules).toContain('PPV-003');
  });
});
