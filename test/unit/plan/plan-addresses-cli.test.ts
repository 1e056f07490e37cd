// `ppvnet plan-addresses` in-process: per pool, used ranges named by design/VNet/subnet and free blocks;
// --new-pair proposes equal blocks in the pool; an exhausted pool exits 1 and says so; --svg writes the map inside only.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { main } from '../../../src/cli/main';
import { serializeDesign } from '../../../src/core/model/serialize-design';
import { edited, loadSample, set } from '../support/designs';
import { writeWorkspace } from '../support/temp-workspace';

const temp = mkdtempSync(path.join(tmpdir(), 'ppvnet-plan-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd, env: {} };
  const code = await main(['plan-addresses', ...args], io);
  return { code, stdout, stderr };
}

const design = serializeDesign(edited(loadSample('seed'),
  set('vnet-weu', { addressSpaces: ['10.64.0.0/24'] }), set('snet-pp-weu', { addressPrefix: '10.64.0.0/25' }), set('snet-pe-weu', { addressPrefix: '10.64.0.128/26' }),
  set('vnet-neu', { addressSpaces: ['10.64.2.0/24'] }), set('snet-pp-neu', { addressPrefix: '10.64.2.0/25' })));
const config = JSON.stringify({ addressPools: [{ name: 'europe', ranges: ['10.64.0.0/20'] }], reservedRanges: ['10.64.1.0/24'] });

const workspace = (name: string, files: Record<string, string>) => writeWorkspace(temp, name, files);

describe('ppvnet plan-addresses', () => {
  const dir = workspace('ws', { 'ppvnet.config.json': config, 'net/a.ppvnet.json': design });

  it('lists used and free ranges per pool, by design, VNet and subnet', async () => {
    const r = await run(['.'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pool europe (10.64.0.0/20): 3328 addresses free');
    expect(r.stdout).toMatch(/used 10\.64\.0\.0\/24\s+net\/a\.ppvnet\.json VNet vnet-pp-weu/);
    expect(r.stdout).toMatch(/10\.64\.0\.0\/25\s+subnet snet-powerplatform/);
    expect(r.stdout).toMatch(/free 10\.64\.3\.0\/24\s+10\.64\.3\.0 – 10\.64\.3\.255/);
  });

  it('proposes a new pair in free blocks of the pool (json)', async () => {
    const r = await run(['.', '--new-pair', '--production', '4', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { newPair: unknown; pools: { used: unknown[] }[] };
    expect(out.newPair).toEqual({ pool: 'europe', requiredUsable: 120, primary: { vnet: '10.64.3.0/24', delegatedSubnet: '10.64.3.0/25' }, failover: { vnet: '10.64.4.0/24', delegatedSubnet: '10.64.4.0/25' } });
    expect(out.pools[0]!.used).toHaveLength(2);
  });

  it('counts the free blocks of a size with --prefix', async () => {
    const r = await run(['.', '--prefix', '22'], dir);
    expect(r.stdout).toContain('3 free /22 blocks');
  });

  it('exits 1 and says so when the pool is exhausted', async () => {
    const r = await run(['.', '--new-pair', '--prefix', '19'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no new pair: Pool exhausted: 10.64.0.0/20 has no free /19 block left.');
  });

  it('reports VNets outside every pool', async () => {
    const other = workspace('outside', { 'ppvnet.config.json': JSON.stringify({ addressPools: [{ name: 'p', ranges: ['10.99.0.0/16'] }] }), 'a.ppvnet.json': design });
    const r = await run(['.'], other);
    expect(r.stdout).toMatch(/outside every pool:\n {2}10\.64\.0\.0\/24\s+a\.ppvnet\.json VNet vnet-pp-weu/);
  });

  it('rejects a bad count', async () => {
    const r = await run(['.', '--new-pair', '--production', 'many'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--production must be a whole number/);
  });

  it('writes the address map with --svg inside the current folder, beside the usual text', async () => {
    const r = await run(['.', '--svg', 'maps/addresses.svg'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('wrote maps/addresses.svg\n');
    expect(r.stdout).toContain('pool europe');
    const svg = readFileSync(path.join(dir, 'maps', 'addresses.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('pool europe: 10.64.0.0/20');
    expect(svg).toContain('url(#ppvnet-hatch-reserved)');
  });

  it('refuses an --svg path outside the current folder and writes nothing', async () => {
    const outside = path.join(temp, 'outside-map.svg');
    const r = await run(['.', '--svg', '../outside-map.svg'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write \.\.\/outside-map\.svg: .*outside the workspace folder/);
    expect(r.stdout).toBe('');
    expect(existsSync(outside)).toBe(false);
  });
});
