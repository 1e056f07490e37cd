// Hostile inputs: syntax errors, half-typed files, oversized files, absurd nesting, unknown resource types and
// odd Unicode. The readers must not throw or hang, keep what they can, and say when they skipped something.
import { describe, expect, it } from 'vitest';
import { READ_LIMITS } from '../../../src/core/iac/read-limits';
import { designSchema } from '../../../src/core/model/schema';
import { bicep, el, tf } from './iac-support';

const vnetTf = (name: string) => `resource "azurerm_virtual_network" "${name}" {
  name          = "vnet-${name}"
  location      = "westeurope"
  address_space = ["10.0.0.0/16"]
}
`;

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}

describe('hostile IaC input', () => {
  it('keeps the resources before and after a syntax error, and reports nothing about the error itself', async () => {
    const r = await tf(`${vnetTf('a')}resource "azurerm_subnet" "broken" {\n  name = [\n}\n${vnetTf('b')}`);
    expect(el(r, 'azurerm_virtual_network.a').name).toBe('vnet-a');
    expect(el(r, 'azurerm_virtual_network.b').name).toBe('vnet-b');
    expect(r.diagnostics.map((d) => d.message).join()).not.toMatch(/syntax/i);
  });

  it('reads a half-typed file and says so only when nothing could be read', async () => {
    const half = await bicep(`resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {\n  name: 'v'\n  location: 'westeu`);
    expect(designSchema.safeParse(half.design).success).toBe(true);
    const nothing = await tf('resource "azurerm_virtual_network" {{{ = = ]');
    expect(nothing.design.elements).toEqual([]);
    expect(nothing.diagnostics.map((d) => d.message).join()).toMatch(/syntax errors/);
  });

  it('skips a file over the size limit with a diagnostic, quickly', async () => {
    const big = vnetTf('a') + `# ${'x'.repeat(100)}\n`.repeat(Math.ceil(10_000_000 / 103));
    expect(big.length).toBeGreaterThan(READ_LIMITS.maxFileChars);
    const [r, ms] = await timed(() => tf({ 'big.tf': big, 'small.tf': vnetTf('b') }));
    expect(ms).toBeLessThan(3_000);
    expect(el(r, 'azurerm_virtual_network.b')).toBeDefined();
    expect(r.diagnostics.map((d) => `${d.file} ${d.message}`).join()).toMatch(/big\.tf File not checked: \d+ characters is over/);
  });

  it('survives 10,000-deep nesting in both languages within bounded time', async () => {
    const depth = 10_000;
    const [t, tms] = await timed(() => tf(`${vnetTf('a')}locals {\n  deep = ${'['.repeat(depth)}1${']'.repeat(depth)}\n}\nresource "azurerm_virtual_network" "d" {\n  name = "x"\n  address_space = local.deep\n}\n`));
    expect(el(t, 'azurerm_virtual_network.a').name).toBe('vnet-a');
    expect(el(t, 'azurerm_virtual_network.d').addressSpaces).toBeUndefined();
    expect(t.diagnostics.map((d) => d.message).join()).toMatch(/nested deeper/);
    const [b, bms] = await timed(() => bicep(`var deep = ${'{ a: '.repeat(depth)}1${' }'.repeat(depth)}\nresource v 'Microsoft.Network/virtualNetworks@2025-05-01' = {\n  name: 'v'\n  properties: { x: deep }\n}\n`));
    expect(el(b, 'v').name).toBe('v');
    expect(tms + bms).toBeLessThan(10_000);
  });

  it('ignores unknown resource types and keeps odd Unicode names intact', async () => {
    const r = await bicep(`resource x 'Contoso.Unknown/things@2099-01-01' = { name: 'x' }
resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: 'vnet-\u202eeuw\u200b-😀-é'
  location: 'westeurope'
}`);
    expect(r.design.elements.map((e) => e.id)).toEqual(['vnet']);
    expect(el(r, 'vnet').name).toBe('vnet-\u202eeuw\u200b-😀-é');
    const loc = r.locate({ elementId: 'vnet', property: 'name' })!;
    expect(loc.range.start).toEqual({ line: 2, character: 2 });
  });

  it('bounds runaway loops and self-references', async () => {
    const r = await tf(`
      locals { a = local.b
               b = local.a }
      resource "azurerm_virtual_network" "many" {
        count = 100000
        name  = "v\${count.index}"
        address_space = [local.a]
      }`);
    expect(r.design.elements).toHaveLength(READ_LIMITS.maxInstances);
    expect(r.diagnostics.map((d) => d.message).join()).toMatch(/only the first 1000/);
  });
});

// #12 case 6: a function, key or type named after a JavaScript built-in finds nothing inherited.
const BUILT_INS = ['__proto__', '__defineSetter__', '__lookupGetter__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('names of JavaScript built-ins', () => {
  it.each(BUILT_INS)('Terraform: %s(…) is an unknown value with a note on the call, and the rest of the file is read', async (fn) => {
    const r = await tf(`resource "azurerm_virtual_network" "a" {\n  name          = ${fn}("x")\n  address_space = ["10.0.0.0/16"]\n}\n${vnetTf('b')}`);
    expect(el(r, 'azurerm_virtual_network.a').name).toBe('a');
    expect(el(r, 'azurerm_virtual_network.a').addressSpaces).toEqual(['10.0.0.0/16']);
    expect(el(r, 'azurerm_virtual_network.b').name).toBe('vnet-b');
    expect(r.diagnostics.map((d) => `${d.severity} ${d.range.start.line}:${d.range.start.character} ${d.message}`))
      .toEqual([`info 1:18 Function '${fn}' is not understood, so the value it returns is unknown and not checked.`]);
  });

  it.each(BUILT_INS)('Bicep: %s(…) is an unknown value with a note on the call, and the rest of the file is read', async (fn) => {
    const r = await bicep(`resource v 'Microsoft.Network/virtualNetworks@2025-05-01' = {\n  name: ${fn}('x')\n  location: 'westeurope'\n}\nresource w 'Microsoft.Network/virtualNetworks@2025-05-01' = {\n  name: 'w'\n}\n`);
    expect(el(r, 'v').region).toBe('westeurope');
    expect(el(r, 'w').name).toBe('w');
    expect(r.diagnostics.map((d) => `${d.severity} ${d.range.start.line}:${d.range.start.character} ${d.message}`))
      .toEqual([`info 1:8 Function '${fn}' is not understood, so the value it returns is unknown and not checked.`]);
  });

  it('a call in a loop body is noted once; deployment-time functions are unknown without a note', async () => {
    const r = await tf(`resource "azurerm_virtual_network" "a" {\n  count       = 3\n  name        = "v\${count.index}\${uuid()}"\n  dns_servers = [md5("x")]\n}\n`);
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^Function 'md5' is not understood/)]);
    const b = await bicep(`resource v 'Microsoft.Network/virtualNetworks@2025-05-01' = {\n  name: 'v-\${uniqueString(resourceGroup().id)}'\n  location: resourceGroup().location\n}\n`);
    expect(b.diagnostics).toEqual([]);
  });

  it('resource types, object keys and for_each keys named after built-ins are read as plain names', async () => {
    const r = await tf(`resource "constructor" "x" { name = "a" }
resource "__proto__" "y" { name = "b" }
locals {
  m = { __proto__ = "10.0.0.0/16", constructor = "10.1.0.0/16" }
}
resource "azurerm_virtual_network" "toString" {
  for_each      = local.m
  name          = each.key
  address_space = [each.value, lookup(local.m, "hasOwnProperty", "10.9.0.0/16")]
}
`);
    expect(r.design.elements.map((e) => e.id).sort()).toEqual(['azurerm_virtual_network.toString.constructor', 'azurerm_virtual_network.toString.proto__']);
    expect(el(r, 'azurerm_virtual_network.toString.proto__').name).toBe('__proto__');
    expect(el(r, 'azurerm_virtual_network.toString.proto__').addressSpaces).toEqual(['10.0.0.0/16', '10.9.0.0/16']);
    const b = await bicep(`resource x 'constructor@2020-01-01' existing = { name: 'a' }
resource y '__proto__/toString@2020-01-01' = { name: 'b' }
var m = { __proto__: '10.0.0.0/16', constructor: '10.1.0.0/16' }
resource v 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: 'v'
  properties: { addressSpace: { addressPrefixes: [m.__proto__, m.constructor] } }
}
`);
    expect(b.design.elements.map((e) => e.id)).toEqual(['v']);
    expect(el(b, 'v').addressSpaces).toEqual(['10.0.0.0/16', '10.1.0.0/16']);
  });
});

// #12 case 9: tree-sitter ends a file at a NUL; the readers parse it as U+FFFD and say where it was.
describe('NUL bytes', () => {
  it('Terraform: a NUL inside a string keeps every resource after it, with a warning at the NUL', async () => {
    const r = await tf(`resource "azurerm_virtual_network" "a" {\n  name = "a\u0000b"\n}\n${vnetTf('b')}${vnetTf('c')}`);
    expect(r.design.elements.map((e) => e.id)).toEqual(['azurerm_virtual_network.a', 'azurerm_virtual_network.b', 'azurerm_virtual_network.c']);
    expect(el(r, 'azurerm_virtual_network.a').name).toBe('a\ufffdb');
    expect(r.diagnostics.map((d) => `${d.severity} ${d.range.start.line}:${d.range.start.character} ${d.message}`))
      .toEqual(['warning 1:11 File contains a NUL byte at 2:12; read as U+FFFD.']);
  });

  it('Bicep: the same, and a NUL between declarations', async () => {
    const r = await bicep(`resource v 'Microsoft.Network/virtualNetworks@2025-05-01' = {\n  name: 'a\u0000b'\n}\n\u0000\nresource w 'Microsoft.Network/virtualNetworks@2025-05-01' = {\n  name: 'w'\n}\n`);
    expect(r.design.elements.map((e) => e.id)).toEqual(['v', 'w']);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.range.start.line}:${d.range.start.character} ${d.message}`))
      .toEqual(['warning 1:10 File contains a NUL byte at 2:11 (and more after it); read as U+FFFD.']);
  });
});
