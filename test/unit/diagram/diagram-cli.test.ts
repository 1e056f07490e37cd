// `ppvnet diagram`: writes the renderer's SVG, and refuses unreadable or invalid designs with a positioned message.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/cli-io';
import { renderDesignSvg } from '../../../src/core/diagram/render-svg';
import { validateDesign } from '../../../src/core/rules/engine';
import { loadSample } from '../support/designs';

const ROOT = path.resolve(__dirname, '../../..');

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd, env: {} };
  return { value, out: () => out.join(''), err: () => err.join('') };
}

describe('ppvnet diagram', () => {
  it('writes the SVG of a design with its findings', async () => {
    // --out writes only inside the working folder (the safe writer's rule), so the run happens in a copy.
    const dir = mkdtempSync(path.join(tmpdir(), 'ppvnet-diagram-'));
    copyFileSync(path.join(ROOT, 'samples/seed.ppvnet.json'), path.join(dir, 'seed.ppvnet.json'));
    const t = io(dir);
    const code = await main(['diagram', 'seed.ppvnet.json', '--out', 'out/seed.svg'], t.value);
    expect(code).toBe(0);
    const seed = loadSample('seed');
    expect(readFileSync(path.join(dir, 'out/seed.svg'), 'utf8')).toBe(renderDesignSvg(seed, { findings: validateDesign(seed) }));
  });

  it('prints to stdout without --out', async () => {
    const t = io(ROOT);
    expect(await main(['diagram', 'samples/minimal.ppvnet.json'], t.value)).toBe(0);
    expect(t.out()).toMatch(/^<\?xml/);
    expect(t.out()).toContain('vnet-pp-brs');
  });

  it('exits 2 with file:line:col on an invalid design and writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ppvnet-diagram-'));
    writeFileSync(path.join(dir, 'bad.ppvnet.json'), '{\n  "version": 1,\n  "name": "x",\n  "elements": [],\n  "relations": [],\n  "extra": true\n}\n');
    const t = io(dir);
    expect(await main(['diagram', 'bad.ppvnet.json', '--out', 'bad.svg'], t.value)).toBe(2);
    expect(t.err()).toMatch(/^bad\.ppvnet\.json:6:3: error: Unknown property "extra"/);
    expect(() => readFileSync(path.join(dir, 'bad.svg'))).toThrow();
  });

  it('exits 2 on a missing file and on wrong usage', async () => {
    const t = io(ROOT);
    expect(await main(['diagram', 'nope.ppvnet.json'], t.value)).toBe(2);
    expect(t.err()).toMatch(/nope\.ppvnet\.json:1:1: error: cannot read/);
    expect(await main(['diagram'], io(ROOT).value)).toBe(2);
    expect(await main(['diagram', 'a', 'b'], io(ROOT).value)).toBe(2);
    expect(await main(['diagram', 'samples/seed.ppvnet.json', '--bogus'], io(ROOT).value)).toBe(2);
  });
});
