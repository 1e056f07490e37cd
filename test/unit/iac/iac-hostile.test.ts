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
