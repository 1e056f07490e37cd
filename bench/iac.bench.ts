// IaC diagnostics cost: a generated 5,000-line Terraform folder and a 5,000-line Bicep file, read with
// tree-sitter and validated with the full rule catalog (what the Problems panel runs), against
// @cdktf/hcl2json (HashiCorp's HCL parser in wasm) merely parsing the same folder, and the Bicep file against
// `bicep build` of it (the real Bicep CLI); then re-validation after a one-line edit, which re-parses
// incrementally from the previous tree.
import { parse as hcl2json } from '@cdktf/hcl2json';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateDesign } from '../src/core/rules/engine';
import { readBicepFile, readTerraformFolder } from '../src/node/iac/iac-files';
import { sharedParsers } from '../src/node/iac/tree-sitter-parsers';
import { findBicep } from '../test/unit/export/export-support';
import { median } from './cpu-time';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LINES = 5_000;

function terraformUnit(i: number): string {
  const a = i % 250;
  return `
resource "azurerm_virtual_network" "v${i}" {
  name                = "vnet-${i}"
  location            = "${i % 2 ? 'northeurope' : 'westeurope'}"
  resource_group_name = "rg"
  address_space       = ["10.${a}.0.0/16"]
}

resource "azurerm_subnet" "pp${i}" {
  name                 = "snet-pp-${i}"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.v${i}.name
  address_prefixes     = ["10.${a}.1.0/24"]
  delegation {
    name = "pp"
    service_delegation {
      name    = "Microsoft.PowerPlatform/enterprisePolicies"
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }
}

resource "azurerm_nat_gateway" "nat${i}" {
  name                = "nat-${i}"
  location            = azurerm_virtual_network.v${i}.location
  resource_group_name = "rg"
}

resource "azurerm_subnet_nat_gateway_association" "nat${i}" {
  subnet_id      = azurerm_subnet.pp${i}.id
  nat_gateway_id = azurerm_nat_gateway.nat${i}.id
}

resource "azurerm_network_security_group" "nsg${i}" {
  name     = "nsg-${i}"
  location = azurerm_virtual_network.v${i}.location
  security_rule {
    name                       = "dns"
    priority                   = 100
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "53"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_subnet_network_security_group_association" "nsg${i}" {
  subnet_id                 = azurerm_subnet.pp${i}.id
  network_security_group_id = azurerm_network_security_group.nsg${i}.id
}
`;
}

function bicepUnit(i: number): string {
  const a = i % 250;
  return `
resource nat${i} 'Microsoft.Network/natGateways@2025-05-01' = {
  name: 'nat-${i}'
  location: '${i % 2 ? 'northeurope' : 'westeurope'}'
  sku: { name: 'Standard' }
}

resource vnet${i} 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: 'vnet-${i}'
  location: '${i % 2 ? 'northeurope' : 'westeurope'}'
  properties: {
    addressSpace: { addressPrefixes: [ '10.${a}.0.0/16' ] }
    subnets: [
      {
        name: 'snet-pp'
        properties: {
          addressPrefix: '10.${a}.1.0/24'
          delegations: [ { name: 'pp', properties: { serviceName: 'Microsoft.PowerPlatform/enterprisePolicies' } } ]
          natGateway: { id: nat${i}.id }
        }
      }
      {
        name: 'snet-pe'
        properties: { addressPrefix: '10.${a}.2.0/24' }
      }
    ]
  }
}
`;
}

function generate(unit: (i: number) => string): string[] {
  const out: string[] = [];
  let lines = 0;
  for (let i = 0; lines < LINES; i++) {
    const u = unit(i);
    out.push(u);
    lines += u.split('\n').length - 1;
  }
  return out;
}

interface Timing { cpu: number; wall: number }

/**
 * CPU time (user + system) of this process, in ms, and wall-clock time. The machine is shared, so the ratios
 * use CPU time (wasm and the wasm-compiled hcl2json run on this thread; GC threads count too).
 */
async function time(f: () => Promise<unknown> | unknown): Promise<{ cpu: number; wall: number }> {
  const c = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const u = process.cpuUsage(c);
  return { cpu: (u.user + u.system) / 1000, wall: performance.now() - t0 };
}

/** CPU time of this process's finished children so far, in ms (Linux: /proc/self/stat cutime + cstime). */
function childrenCpu(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the command name: field 3 is state, so cutime (16) and cstime (17) sit at 13 and 14; ticks of 10 ms.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** `bicep build` of `file` (to stdout, so nothing is written): CPU time of the CLI process and wall time. */
function bicepBuild(file: string): { cpu: number | undefined; wall: number } {
  const tool = findBicep();
  const before = childrenCpu();
  const t0 = performance.now();
  const r = spawnSync(tool.path, ['build', '--stdout', file], { env: tool.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`bicep build failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  const after = childrenCpu();
  return { cpu: before === undefined || after === undefined ? undefined : after - before, wall };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ppvnet-bench-iac-'));
  try {
    const tfUnits = generate(terraformUnit);
    const perFile = Math.ceil(tfUnits.length / 4);
    mkdirSync(path.join(dir, 'tf'));
    const tfFiles: string[] = [];
    for (let f = 0; f < 4; f++) {
      const file = path.join(dir, 'tf', `part${f}.tf`);
      tfFiles.push(file);
      writeFileSync(file, tfUnits.slice(f * perFile, (f + 1) * perFile).join(''), { flag: 'w' });
    }
    const bicepFile = path.join(dir, 'main.bicep');
    writeFileSync(bicepFile, generate(bicepUnit).join(''));
    const tfTexts = tfFiles.map((f) => readFileSync(f, 'utf8'));
    const tfLines = tfTexts.reduce((n, t) => n + t.split('\n').length, 0);
    const bicepLines = readFileSync(bicepFile, 'utf8').split('\n').length;

    const parsers = await sharedParsers();
    const tfDir = path.join(dir, 'tf');
    const forgetAll = () => {
      for (const f of tfFiles) parsers.forget(f);
      parsers.forget(bicepFile);
    };
    // The CPU of the last diagnose's validateDesign alone: the rules' share of "read + validate".
    let lastValidate = 0;
    const diagnose = async (kind: 'tf' | 'bicep', openText?: (abs: string) => string | undefined) => {
      const r = kind === 'tf' ? await readTerraformFolder(tfDir, { parsers, openText }) : await readBicepFile(bicepFile, { parsers, openText });
      const c = process.cpuUsage();
      const findings = validateDesign(r.design, { locate: r.locate });
      const u = process.cpuUsage(c);
      lastValidate = (u.user + u.system) / 1000;
      return { read: r, findings };
    };

    // Warm-up (wasm compilation, JIT), then timed runs from scratch (no cached trees).
    forgetAll();
    const sample = await diagnose('tf');
    const sampleBicep = await diagnose('bicep');
    await hcl2json('part0.tf', tfTexts[0]!);
    bicepBuild(bicepFile);
    const tfCold: Timing[] = [];
    const tfColdValidate: number[] = [];
    const bicepColdValidate: number[] = [];
    const bicepCold: Timing[] = [];
    const hcl: Timing[] = [];
    const tfEdit: Timing[] = [];
    const bicepEdit: Timing[] = [];
    const bicepCli: { cpu: number | undefined; wall: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      forgetAll();
      tfCold.push(await time(() => diagnose('tf')));
      tfColdValidate.push(lastValidate);
      bicepCold.push(await time(() => diagnose('bicep')));
      bicepColdValidate.push(lastValidate);
      hcl.push(await time(async () => {
        for (const [i, t] of tfTexts.entries()) await hcl2json(`part${i}.tf`, t);
      }));
      bicepCli.push(bicepBuild(bicepFile));
      // One-line edit: a subnet prefix in the first file, as typed in the editor (unsaved text).
      const edited = tfTexts[0]!.replace('10.0.1.0/24', `10.0.1.${run % 2 ? 0 : 128}/25`);
      tfEdit.push(await time(() => diagnose('tf', (abs) => (abs === tfFiles[0] ? edited : undefined))));
      const bicepText = readFileSync(bicepFile, 'utf8');
      const bicepEdited = bicepText.replace("addressPrefix: '10.0.1.0/24'", `addressPrefix: '10.0.1.${run % 2 ? 0 : 128}/25'`);
      bicepEdit.push(await time(() => diagnose('bicep', (abs) => (abs === bicepFile ? bicepEdited : undefined))));
    }

    const cpu = (xs: Timing[]) => median(xs.map((x) => x.cpu));
    const wall = (xs: { wall: number }[]) => median(xs.map((x) => x.wall));
    const ms = (xs: Timing[]) => `${cpu(xs).toFixed(1)} ms (wall ${wall(xs).toFixed(0)} ms)`;
    const cliCpu = bicepCli.every((x) => x.cpu !== undefined) ? median(bicepCli.map((x) => x.cpu!)) : undefined;
    const tfRatio = cpu(tfCold) / cpu(hcl);
    const bicepRatio = cliCpu === undefined ? undefined : cpu(bicepCold) / cliCpu;
    const rows: [string, string, string][] = [
      [`Terraform folder: read + validate (${tfLines} lines, 4 files)`, ms(tfCold), `${sample.read.design.elements.length} elements, ${sample.findings.length} findings`],
      ['  of which validateDesign (the rules)', `${median(tfColdValidate).toFixed(1)} ms`, 'the rest is reading: parse, tree walk, evaluation, design'],
      ['  @cdktf/hcl2json: parse only, same folder', ms(hcl), `ours / hcl2json = ${tfRatio.toFixed(2)} (CPU), ${(wall(tfCold) / wall(hcl)).toFixed(2)} (wall)`],
      ['  after a one-line edit (incremental parse)', ms(tfEdit), `${(cpu(tfCold) / cpu(tfEdit)).toFixed(1)}× less CPU than from scratch`],
      [`Bicep file: read + validate (${bicepLines} lines)`, ms(bicepCold), `${sampleBicep.read.design.elements.length} elements, ${sampleBicep.findings.length} findings`],
      ['  of which validateDesign (the rules)', `${median(bicepColdValidate).toFixed(1)} ms`, 'the rest is reading: parse, tree walk, evaluation, design'],
      ['  `bicep build` of the same file (Bicep CLI, own process)', `${cliCpu === undefined ? 'CPU n/a' : `${cliCpu.toFixed(0)} ms`} (wall ${wall(bicepCli).toFixed(0)} ms)`, `ours / bicep build = ${bicepRatio === undefined ? 'n/a' : bicepRatio.toFixed(3)} (CPU), ${(wall(bicepCold) / wall(bicepCli)).toFixed(3)} (wall)`],
      ['  after a one-line edit (incremental parse)', ms(bicepEdit), `${(cpu(bicepCold) / cpu(bicepEdit)).toFixed(1)}× less CPU than from scratch`],
    ];
    console.log(`CPU time (user + system) of this process, median of ${RUNS} runs; bicep build: CPU time of the CLI process\n`);
    console.log('| measurement | time | note |\n|---|---:|---|');
    for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
    // Issue #19's done-when lines, one each, for a reader or a script.
    console.log(`\nGOAL (#19): Terraform diagnostics = ${tfRatio.toFixed(2)}× @cdktf/hcl2json parsing the same folder (goal ≤ 1×): ${tfRatio <= 1 ? 'PASS' : 'over'}.`);
    console.log(`GOAL (#19): Bicep diagnostics = ${bicepRatio === undefined ? 'n/a' : `${bicepRatio.toFixed(3)}×`} \`bicep build\` of the same file (CPU).`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
