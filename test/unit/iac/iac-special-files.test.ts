// #12 cases 7 and 10: modules and .tf files that are FIFOs, links to /dev/zero or /dev/stdin, dangling links or
// links out of the folder. Each read ends at once with a positioned note or warning; links inside are followed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBicepFile, readTerraformFolder } from '../../../src/node/iac/iac-files';
import { el, parsers } from './iac-support';

let base: string;
let ws: string;
beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'ppvnet-special-'));
  ws = path.join(base, 'ws');
  mkdirSync(ws);
  writeFileSync(path.join(base, 'outside.bicep'), "resource o 'Microsoft.Network/virtualNetworks@2025-05-01' = { name: 'o' }\n");
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const QUICK = { timeout: 1_000 };
const put = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
  writeFileSync(path.join(ws, rel), text);
};
const fifo = (rel: string) => execFileSync('mkfifo', [path.join(ws, rel)]);
const link = (target: string, rel: string) => symlinkSync(target, path.join(ws, rel));
const notes = (r: { diagnostics: readonly { severity: string; range: { start: { line: number } }; file: string; message: string }[] }) =>
  r.diagnostics.map((d) => `${d.severity} ${path.basename(d.file)}:${d.range.start.line} ${d.message}`);

const vnetBicep = (name: string) => `resource ${name} 'Microsoft.Network/virtualNetworks@2025-05-01' = { name: '${name}' }\n`;
const vnetTf = (name: string) => `resource "azurerm_virtual_network" "${name}" {\n  name = "${name}"\n}\n`;

describe('Bicep modules that are not regular files inside the folder', () => {
  it('a FIFO, /dev/zero, /dev/stdin, a dangling link and a link outside are notes on their module lines', QUICK, async () => {
    fifo('fifo.bicep');
    link('/dev/zero', 'zero.bicep');
    link(path.join(ws, 'gone.bicep'), 'dangling.bicep');
    link(path.join(base, 'outside.bicep'), 'out.bicep');
    put('real.bicep', vnetBicep('r'));
    link(path.join(ws, 'real.bicep'), 'inside.bicep');
    put('main.bicep', [
      vnetBicep('v').trim(),
      "module a './fifo.bicep' = { name: 'a' }",
      "module b './zero.bicep' = { name: 'b' }",
      "module c '/dev/stdin' = { name: 'c' }",
      "module d './dangling.bicep' = { name: 'd' }",
      "module e './out.bicep' = { name: 'e' }",
      "module f '../outside.bicep' = { name: 'f' }",
      "module g './inside.bicep' = { name: 'g' }",
    ].join('\n'));
    const r = await readBicepFile(path.join(ws, 'main.bicep'), { parsers: await parsers(), root: ws });
    expect(r.design.elements.map((e) => e.id).sort()).toEqual(['g.r', 'v']);
    expect(notes(r)).toEqual([
      "info main.bicep:1 Module './fifo.bicep' is not read: it is a FIFO (named pipe), not a regular file; its resources are not checked.",
      expect.stringMatching(/^info main\.bicep:2 Module '\.\/zero\.bicep' is not read: it leads outside the folder .* \(to \/dev\/zero\)/),
      expect.stringMatching(/^info main\.bicep:3 Module '\/dev\/stdin' is not read: it is outside the folder /),
      "info main.bicep:4 Module './dangling.bicep' is not read: it is a symbolic link to nothing (dangling); its resources are not checked.",
      expect.stringMatching(/^info main\.bicep:5 Module '\.\/out\.bicep' is not read: it leads outside the folder .*outside\.bicep\)/),
      expect.stringMatching(/^info main\.bicep:6 Module '\.\.\/outside\.bicep' is not read: it is outside the folder /),
    ]);
  });

  it('an entry file that is a FIFO is a warning, not a hang', QUICK, async () => {
    fifo('main.bicep');
    const r = await readBicepFile(path.join(ws, 'main.bicep'), { parsers: await parsers() });
    expect(notes(r)).toEqual(['warning main.bicep:0 main.bicep is not read: it is a FIFO (named pipe), not a regular file; what it declares is not checked.']);
  });
});

describe('Terraform folders and modules with special files', () => {
  it('reads a linked .tf inside the folder, and warns on a FIFO, /dev/zero, a dangling and an outside link', QUICK, async () => {
    put('main.tf', vnetTf('a'));
    put('shared/b.tf', vnetTf('b'));
    link(path.join(ws, 'shared', 'b.tf'), 'b.tf');
    fifo('fifo.tf');
    link('/dev/zero', 'zero.tf');
    link(path.join(ws, 'gone.tf'), 'dangling.tf');
    writeFileSync(path.join(base, 'secret.tf'), vnetTf('secret'));
    link(path.join(base, 'secret.tf'), 'out.tf');
    const r = await readTerraformFolder(ws, { parsers: await parsers() });
    expect(r.design.elements.map((e) => e.id).sort()).toEqual(['azurerm_virtual_network.a', 'azurerm_virtual_network.b']);
    expect(el(r, 'azurerm_virtual_network.b').name).toBe('b');
    expect(notes(r)).toEqual([
      'warning dangling.tf:0 dangling.tf is not read: it is a symbolic link to nothing (dangling); what it declares is not checked.',
      'warning fifo.tf:0 fifo.tf is not read: it is a FIFO (named pipe), not a regular file; what it declares is not checked.',
      expect.stringMatching(/^warning out\.tf:0 out\.tf is not read: it leads outside the folder .*secret\.tf\)/),
      expect.stringMatching(/^warning zero\.tf:0 zero\.tf is not read: it leads outside the folder .*\/dev\/zero\)/),
    ]);
  });

  it('a module whose files are special, or whose folder is outside, is a note on the module block', QUICK, async () => {
    put('m/ok.tf', vnetTf('m'));
    fifo('m/fifo.tf');
    mkdirSync(path.join(ws, 'z'));
    link('/dev/urandom', 'z/main.tf');
    put('main.tf', [
      'module "m" {\n  source = "./m"\n}',
      'module "z" {\n  source = "./z"\n}',
      'module "up" {\n  source = "../elsewhere"\n}',
    ].join('\n'));
    const r = await readTerraformFolder(ws, { parsers: await parsers() });
    expect(r.design.elements.map((e) => e.id)).toEqual(['module.m.azurerm_virtual_network.m']);
    expect(notes(r)).toEqual([
      'info main.tf:0 Module "m" read in part: fifo.tf: it is a FIFO (named pipe), not a regular file, so what that declares is not checked.',
      expect.stringMatching(/^info main\.tf:3 Module "z" not read: main\.tf: it leads outside the folder .*\/dev\/urandom\), so what it deploys is not checked\.$/),
      expect.stringMatching(/^info main\.tf:6 Module "up" not read: \.\.\/elsewhere: it is outside the folder .*, so what it deploys is not checked\.$/),
    ]);
  });
});
