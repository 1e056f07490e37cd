// The text reports print names and messages from the inputs; a hostile key or name (ESC sequences, bidi
// overrides, line breaks) must reach the terminal as visible escapes, never as raw controls (#12 case 13).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { formatText } from '../../../src/cli/format/text';
import { main } from '../../../src/cli/main';
import { escapeUnsafeCharacters, firstUnsafeCharacter } from '../../../src/core/model/unsafe-characters';
import { serializeDesign } from '../../../src/core/model/serialize-design';
import { loadSample } from '../support/designs';

// eslint-disable-next-line no-control-regex -- the assertions are about control characters
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const temp = mkdtempSync(path.join(tmpdir(), 'ppvnet-hostile-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd, env: {} };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

function workspace(name: string, files: Record<string, string>): string {
  const dir = path.join(temp, name);
  mkdirSync(dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(dir, rel), text);
  return dir;
}

describe('escapeUnsafeCharacters', () => {
  it('writes every control, line break, bidi control and unpaired surrogate as an escape', () => {
    expect(escapeUnsafeCharacters('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(escapeUnsafeCharacters('\u0000\t\n\r\u007f\u009b')).toBe('\\x00\\x09\\x0a\\x0d\\x7f\\x9b');
    expect(escapeUnsafeCharacters('x\u202ey\u2066z\u200f\u061c\u2028')).toBe('x\\u202ey\\u2066z\\u200f\\u061c\\u2028');
    expect(escapeUnsafeCharacters('lone \ud800 and \udc00')).toBe('lone \\ud800 and \\udc00');
  });

  it('leaves ordinary text alone, including letters outside ASCII and surrogate pairs', () => {
    const text = 'Zürich → 🚀 vnet-pp-weu (10.10.0.0/16)';
    expect(escapeUnsafeCharacters(text)).toBe(text);
    expect(firstUnsafeCharacter(text)).toBeUndefined();
  });
});

describe('ppvnet validate, text format, with hostile input', () => {
  it('prints a design whose unknown key holds an ESC sequence without a raw ESC', async () => {
    const text = serializeDesign(loadSample('seed')).replace('"region": "westeurope",', '"region": "westeurope", "x\\u001b]0;owned\\u0007\\u001b[2J": 1,');
    const dir = workspace('key', { 'hostile.ppvnet.json': text });
    const { stdout, code } = await run(['validate', 'hostile.ppvnet.json'], dir);
    expect(code).not.toBe(0);
    expect(stdout).toContain('Unknown property "x\\x1b]0;owned\\x07\\x1b[2J"');
    expect(stdout).not.toMatch(RAW_UNSAFE);
    expect(stdout.includes('\u001b')).toBe(false);
  });

  it('prints the schema error for an ESC in a name, saying which character, without a raw ESC', async () => {
    const text = serializeDesign(loadSample('seed')).replace('"name": "kv-casemgmt"', '"name": "kv\\u001b[31m"');
    const dir = workspace('name', { 'hostile.ppvnet.json': text });
    const { stdout } = await run(['validate', 'hostile.ppvnet.json'], dir);
    expect(stdout).toMatch(/hostile\.ppvnet\.json:\d+:\d+: error PPV-LOAD: Contains U\+001B \(ESC, a control character\) at character 3/);
    expect(stdout.includes('\u001b')).toBe(false);
  });

  it('prints names read from Terraform, which keep what the file says, escaped', async () => {
    const tf = [
      'resource "azurerm_virtual_network" "v" {',
      '  name                = "vnet-a"',
      '  location            = "westeurope"',
      '  resource_group_name = "rg"',
      '  address_space       = ["10.0.0.0/16"]',
      '}',
      'resource "azurerm_subnet" "s" {',
      '  name                 = "snet\\u001b[2J\\u202e"',
      '  resource_group_name  = "rg"',
      '  virtual_network_name = azurerm_virtual_network.v.name',
      '  address_prefixes     = ["10.0.0.0/30"]',
      '}',
      '',
    ].join('\n');
    const dir = workspace('tf', { 'main.tf': tf });
    const { stdout } = await run(['validate', '.'], dir);
    expect(stdout).toContain('error AZ-02: Subnet "snet\\x1b[2J\\u202e" is 10.0.0.0/30');
    expect(stdout).not.toMatch(RAW_UNSAFE);
  });

  // IaC names are not schema-checked, so their findings reach formatText with whatever the file held.
  it('escapes file names, messages and related messages from any reader', () => {
    const zero = { line: 0, character: 0 };
    const out = formatText({
      inputs: ['evil\u001b[2J.ppvnet.json'],
      findings: [{
        ruleId: 'AZ-04', severity: 'error', message: 'Subnet "a\nFAKE: error" overlaps', file: 'evil\u001b[2J.ppvnet.json', range: { start: zero, end: zero },
        related: [{ file: 'x\u202e.json', range: { start: zero, end: zero }, message: 'Overlapping subnet "\u009b31m"' }],
      }],
    } as Parameters<typeof formatText>[0]);
    expect(out).not.toMatch(RAW_UNSAFE);
    expect(out).toContain('evil\\x1b[2J.ppvnet.json:1:1: error AZ-04: Subnet "a\\x0aFAKE: error" overlaps');
    expect(out.split('\n')).toHaveLength(4);
  });
});
