// Every exported main.bicep compiles with the real Bicep CLI with no error and no warning (compiler or
// linter, use-recent-api-versions included). A deliberately wrong variant (the { value: [...] } wrapper) must warn, which proves the CLI
// checks the enterprise policy against real type data rather than passing it blindly.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDesign } from '../../../src/core/export/export-design';
import { exportDesigns, findBicep } from './export-support';
import { hostileDesign } from './hostile-designs';

const run = promisify(execFile);
const designs = exportDesigns();
// Each fixture again with hostile strings in every property the schema and AZ-17 let through (seeded, replayable).
const hostile = designs.map((d, i) => ({ ...d, ...hostileDesign(d.design, 1000 + i, { deployable: true }) }));

interface Diagnostic { file: string; line: number; level: string; code: string; message: string }

function parseDiagnostics(output: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const line of output.split('\n')) {
    const m = /^(.*)\((\d+),\d+\) : (Error|Warning|Info) ([^:]+): (.*)$/.exec(line.trim());
    if (m) out.push({ file: path.resolve(m[1]!), line: Number(m[2]), level: m[3]!, code: m[4]!, message: m[5]! });
  }
  return out;
}

async function bicep(args: string[]): Promise<{ output: string; code: number }> {
  const tool = findBicep();
  try {
    const r = await run(tool.path, args, { env: tool.env, maxBuffer: 32 * 1024 * 1024 });
    return { output: `${r.stdout}\n${r.stderr}`, code: 0 };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    return { output: `${err.stdout ?? ''}\n${err.stderr ?? ''}`, code: typeof err.code === 'number' ? err.code : 1 };
  }
}

interface ArmTemplate { resources?: ArmResource[] | Record<string, ArmResource> }
interface ArmResource { type: string; properties?: { template?: ArmTemplate } }

/** A compiled template's own resources (an array, or an object by symbol in language version 2.0). */
const listResources = (template: ArmTemplate): ArmResource[] => (Array.isArray(template.resources) ? template.resources : Object.values(template.resources ?? {}));

/** Resource types of a compiled template with their counts, nested deployments included, sorted. */
function resourceTypes(template: ArmTemplate, counts = new Map<string, number>()): string[] {
  for (const r of listResources(template)) {
    counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    if (r.properties?.template) resourceTypes(r.properties.template, counts);
  }
  return [...counts].map(([t, n]) => `${t} × ${n}`).sort();
}

describe('exported Bicep against the real Bicep CLI', () => {
  let dir: string;
  let build: { output: string; code: number; diagnostics: Diagnostic[] };
  let lint: { output: string; code: number; diagnostics: Diagnostic[] };
  let version: string;
  const trapFile = () => path.join(dir, 'trap', 'value-wrapper.bicep');

  // A missing CLI must fail every test by name, not leave them skipped behind a hook error.
  let setupError: unknown;
  const ready = () => {
    if (setupError) throw setupError;
  };

  beforeAll(async () => {
    try {
      await setUp();
    } catch (e) {
      setupError = e;
    }
  }, 300_000);

  /** An exported file at its path under `sub`, modules/ included. */
  function writeExported(sub: string, f: { path: string; content: string }): void {
    mkdirSync(path.dirname(path.join(sub, f.path)), { recursive: true });
    writeFileSync(path.join(sub, f.path), f.content);
  }

  async function setUp(): Promise<void> {
    findBicep();
    dir = mkdtempSync(path.join(os.tmpdir(), 'ppvnet-bicep-'));
    // use-recent-api-versions is off by default; users who turn it on must not see the export flagged.
    writeFileSync(path.join(dir, 'bicepconfig.json'), JSON.stringify({ analyzers: { core: { rules: { 'use-recent-api-versions': { level: 'warning' } } } } }));
    for (const d of designs) {
      const sub = path.join(dir, d.file.replace(/\.ppvnet\.json$/, ''));
      mkdirSync(sub, { recursive: true });
      for (const f of exportDesign(d.design, 'bicep', { designFile: d.file })) writeExported(sub, f);
    }
    for (const d of hostile) {
      const sub = path.join(dir, 'hostile', d.file.replace(/\.ppvnet\.json$/, ''));
      mkdirSync(sub, { recursive: true });
      for (const f of exportDesign(d.design, 'bicep', { designFile: d.file })) writeExported(sub, f);
    }
    const seed = readFileSync(path.join(dir, 'seed', 'main.bicep'), 'utf8');
    const wrapped = seed.replace(/virtualNetworks: \[([\s\S]*?)\n {6}\]/, 'virtualNetworks: {\n        value: [$1\n        ]\n      }');
    expect(wrapped).not.toBe(seed);
    mkdirSync(path.dirname(trapFile()), { recursive: true });
    writeFileSync(trapFile(), wrapped);
    version = (await bicep(['--version'])).output.trim();
    // One process for all files: each Bicep start costs seconds on a shared machine.
    const b = await bicep(['build', '--pattern', `${dir}/**/*.bicep`]);
    build = { ...b, diagnostics: parseDiagnostics(b.output) };
    const l = await bicep(['lint', '--pattern', `${dir}/**/*.bicep`]);
    lint = { ...l, diagnostics: parseDiagnostics(l.output) };
  }

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uses a real Bicep CLI', () => {
    ready();
    expect(version).toMatch(/^Bicep CLI version \d+\.\d+\.\d+/);
    console.log(version);
  });

  for (const d of designs) {
    const name = d.file.replace(/\.ppvnet\.json$/, '');
    it(`${d.name}: builds with 0 errors and 0 warnings, and lints clean`, () => {
      ready();
      const folder = path.join(dir, name) + path.sep;
      // main.bicep and the modules it calls (a service's diagnostic setting, deployed in the service's resource group).
      const own = (list: Diagnostic[]) => list.filter((x) => x.file.startsWith(folder)).map((x) => `${path.basename(x.file)} ${x.level} ${x.code} line ${x.line}: ${x.message}`);
      expect(own(build.diagnostics)).toEqual([]);
      expect(own(lint.diagnostics)).toEqual([]);
      expect(existsSync(path.join(dir, name, 'main.json')), `bicep build wrote no main.json:\n${build.output}`).toBe(true);
      // Each diagnostic setting of a typed service is a nested deployment in the service's resource group.
      const serviceSettings = d.design.relations.filter((r) => r.kind === 'diagnostics' && d.design.elements.some((e) => e.id === r.from && e.kind === 'azureService' && e.serviceType !== 'other'));
      const arm = JSON.parse(readFileSync(path.join(dir, name, 'main.json'), 'utf8')) as ArmTemplate;
      const deployments = listResources(arm).filter((r) => r.type === 'Microsoft.Resources/deployments');
      expect(deployments).toHaveLength(serviceSettings.length);
      for (const m of deployments) expect(listResources(m.properties?.template ?? {}).map((r) => r.type)).toContain('Microsoft.Insights/diagnosticSettings');
    });

    it(`${d.name}: the compiled ARM template has each DNS resolver endpoint, forwarding rule and ruleset link`, () => {
      ready();
      const types = resourceTypes(JSON.parse(readFileSync(path.join(dir, name, 'main.json'), 'utf8')) as ArmTemplate);
      const n = (kind: string) => d.design.relations.filter((r) => r.kind === kind).length;
      const rules = d.design.elements.reduce((sum, e) => sum + (e.kind === 'dnsForwardingRuleset' ? e.rules?.length ?? 0 : 0), 0);
      const expected = [
        ['Microsoft.Network/dnsResolvers', d.design.elements.filter((e) => e.kind === 'dnsResolver').length],
        ['Microsoft.Network/dnsResolvers/inboundEndpoints', n('resolverInbound')],
        ['Microsoft.Network/dnsResolvers/outboundEndpoints', n('resolverOutbound')],
        ['Microsoft.Network/dnsForwardingRulesets', d.design.elements.filter((e) => e.kind === 'dnsForwardingRuleset').length],
        ['Microsoft.Network/dnsForwardingRulesets/forwardingRules', rules],
        ['Microsoft.Network/dnsForwardingRulesets/virtualNetworkLinks', n('rulesetLink')],
      ] as const;
      for (const [type, count] of expected) expect(types.filter((t) => t.startsWith(`${type} ×`)), type).toEqual(count ? [`${type} × ${count}`] : []);
    });

    it(`${d.name}: the compiled ARM template carries the policy as a plain virtualNetworks array`, () => {
      ready();
      const arm = JSON.parse(readFileSync(path.join(dir, name, 'main.json'), 'utf8')) as { resources: Record<string, unknown>[] | Record<string, Record<string, unknown>> };
      const resources = Array.isArray(arm.resources) ? arm.resources : Object.values(arm.resources);
      const policies = resources.filter((r) => r.type === 'Microsoft.PowerPlatform/enterprisePolicies');
      expect(policies.length).toBe(d.design.elements.filter((e) => e.kind === 'enterprisePolicy').length);
      for (const p of policies) {
        expect(p.apiVersion).toBe('2020-10-30-preview');
        expect(p.kind).toBe('NetworkInjection');
        const networks = (p.properties as { networkInjection: { virtualNetworks: unknown } }).networkInjection.virtualNetworks;
        expect(Array.isArray(networks)).toBe(true);
      }
    });
  }

  for (const d of hostile) {
    const name = d.file.replace(/\.ppvnet\.json$/, '');
    it(`${d.name} with hostile strings (${d.changed} properties): builds, and compiles to the same resources`, () => {
      ready();
      const file = path.join(dir, 'hostile', name, 'main.bicep');
      const errors = build.diagnostics.filter((x) => x.file === file && x.level === 'Error').map((x) => `${x.code} line ${x.line}: ${x.message}`);
      expect(errors).toEqual([]);
      const types = (f: string) => resourceTypes(JSON.parse(readFileSync(f, 'utf8')) as ArmTemplate);
      expect(types(path.join(dir, 'hostile', name, 'main.json'))).toEqual(types(path.join(dir, name, 'main.json')));
    });
  }

  it('the { value: [...] } wrapper is reported (the type data is real), so a clean build means the plain array', () => {
    ready();
    const trap = build.diagnostics.filter((x) => x.file === trapFile());
    expect(trap.map((x) => x.code)).toContain('BCP036');
  });

  it('the link script is valid bash', async () => {
    ready();
    for (const d of designs) {
      const script = path.join(dir, d.file.replace(/\.ppvnet\.json$/, ''), 'link-environments.sh');
      await run('bash', ['-n', script]);
    }
    for (const d of hostile) {
      const script = path.join(dir, 'hostile', d.file.replace(/\.ppvnet\.json$/, ''), 'link-environments.sh');
      if (existsSync(script)) await run('bash', ['-n', script]);
    }
  });
});
