// `ppvnet import` in-process against the loopback ARM server: writes a design that `ppvnet validate` reads,
// exit codes 0/1/2, refuses to overwrite, never writes or prints the token, and only ever sends GETs.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/cli-io';
import { loadDesign } from '../../../src/core/model/load-design';
import { loadArmFixture, startArmServer, type ArmFault, type ArmServer } from '../../support/arm-server';
import { FIXTURE_FILE, SUB } from './arm-snapshot';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(path.join(tmpdir(), 'ppvnet-import-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function run(argv: string[], faults: ArmFault[] = []) {
  const token = `tok-${randomBytes(16).toString('hex')}`;
  const server: ArmServer = await startArmServer({ fixture: loadArmFixture(FIXTURE_FILE), token, faults, lifetimeMs: 60_000 });
  const caFile = path.join(dir, `ca-${randomBytes(4).toString('hex')}.pem`);
  await writeFile(caFile, server.ca);
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd: dir,
    env: { AZURE_ACCESS_TOKEN: token, AZURE_RESOURCE_MANAGER_ENDPOINT: server.endpoint },
  };
  try {
    const code = await main(['import', '--subscription', SUB, '--ca-file', caFile, ...argv], io);
    return { code, stdout, stderr, token, requests: server.requests };
  } finally {
    await server.close();
  }
}

const restricted: ArmFault = { pathIncludes: '/resourcegroups/rg-legacy-restricted', status: 403, times: 1000 };

describe('ppvnet import', () => {
  it('writes the design, exits 1 naming the unreadable group, and leaks no token', async () => {
    const r = await run(['--out', 'live.ppvnet.json', '--name', 'Live'], [restricted]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rg-legacy-restricted: HTTP 403 AuthorizationFailed/);
    expect(r.stdout).toMatch(/^live\.ppvnet\.json: 24 elements, 29 relations from 3 of 4 resource groups \(\d+ HTTP requests\)\n$/);
    const text = await readFile(path.join(dir, 'live.ppvnet.json'), 'utf8');
    const loaded = loadDesign(text);
    expect(loaded.ok && loaded.design.name).toBe('Live');
    for (const output of [r.stdout, r.stderr, text]) expect(output).not.toContain(r.token);
    expect(new Set(r.requests.map((q) => q.method))).toEqual(new Set(['GET']));
    // The design is readable by `ppvnet validate` (exit 0 or 1 by findings; 2 would mean it could not be read).
    const validate = await main(['validate', 'live.ppvnet.json'], { stdout: () => {}, stderr: () => {}, cwd: dir, env: {} });
    expect([0, 1]).toContain(validate);
  });

  it('exits 0 when every named group is read', async () => {
    const r = await run(['--out', 'two.ppvnet.json', '--resource-group', 'rg-casemgmt-network', '--resource-group=rg-casemgmt-policy']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/from 2 of 2 resource groups/);
  });

  it('refuses to overwrite without --force and overwrites with it', async () => {
    const file = path.join(dir, 'existing.ppvnet.json');
    await writeFile(file, 'keep me');
    const refused = await run(['--out', 'existing.ppvnet.json', '--resource-group', 'rg-casemgmt-network']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/exists; pass --force/);
    expect(await readFile(file, 'utf8')).toBe('keep me');
    const forced = await run(['--out', 'existing.ppvnet.json', '--resource-group', 'rg-casemgmt-network', '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/"vnet-pp-weu"/);
  });

  it('exits 2 and writes nothing when no group can be read', async () => {
    const r = await run(['--out', 'none.ppvnet.json', '--resource-group', 'rg-legacy-restricted'], [restricted]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No resource group could be read:\nrg-legacy-restricted: HTTP 403/);
    await expect(readFile(path.join(dir, 'none.ppvnet.json'))).rejects.toThrow();
  });

  it('rejects a missing or malformed subscription and a plain-http endpoint', async () => {
    const io: CliIo = { stdout: () => {}, stderr: () => {}, cwd: dir, env: { AZURE_ACCESS_TOKEN: 'x' } };
    expect(await main(['import', '--out', 'x.json'], io)).toBe(2);
    expect(await main(['import', '--subscription', 'prod', '--out', 'x.json'], io)).toBe(2);
    expect(await main(['import', '--subscription', SUB, '--out', 'x.json', '--endpoint', 'http://127.0.0.1:1'], io)).toBe(2);
  });
});
