// Exports of every fixture and template: deterministic bytes, stamped headers, golden files for the
// templates, the enterprise policy's plain virtualNetworks array, unique names, and no secrets.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDesign, EXPORT_FORMATS, type ExportedFile } from '../../../src/core/export/export-design';
import { headerState } from '../../../src/core/export/file-header';
import { loadDesign } from '../../../src/core/model/load-design';
import { ELEMENT_KINDS, RELATION_KINDS } from '../../../src/core/model/kinds';
import type { Design } from '../../../src/core/model/schema';
import { TEMPLATES } from '../../../src/core/templates/templates';
import { unchecked } from '../support/designs';
import { exportDesigns, FIXTURES, ROOT } from './export-support';

const designs = exportDesigns();
const GOLDEN = path.join(ROOT, 'test/golden');

function byName(name: string): Design {
  const d = designs.find((x) => x.file === `${name}.ppvnet.json`);
  if (!d) throw new Error(`no fixture ${name}`);
  return d.design;
}

describe('export of every fixture', () => {
  for (const { name, file, design } of designs) {
    for (const format of EXPORT_FORMATS) {
      it(`${name} → ${format}: deterministic, stamped, names the design`, () => {
        const a = exportDesign(design, format, { designFile: file });
        const b = exportDesign(structuredClone(design), format, { designFile: `/abs/path/${file}` });
        expect(b).toEqual(a);
        // Element order in the document does not change the output. (The main files and the connectivity check
        // name the primary side, which is the first delegated subnet the author drew, so relation order counts there.)
        const shuffled = { ...design, elements: [...design.elements].reverse(), relations: [...design.relations].reverse() };
        const c = exportDesign(shuffled, format, { designFile: file });
        const orderFree = (f: ExportedFile) => !['main.bicep', 'main.tf', 'verify-connectivity.ps1'].includes(f.path);
        expect(c.filter(orderFree).map((f) => f.content)).toEqual(a.filter(orderFree).map((f) => f.content));
        const elementsOnly = exportDesign({ ...design, elements: [...design.elements].reverse() }, format, { designFile: file });
        expect(elementsOnly.find((f) => f.path === 'verify-connectivity.ps1')).toEqual(a.find((f) => f.path === 'verify-connectivity.ps1'));
        for (const f of a) {
          expect(headerState(f.content), f.path).toBe('generated');
          expect(f.content).toContain(`from ${file}.`);
          expect(f.content).not.toContain('/abs/path');
        }
        const steps = design.elements.some((e) => e.kind === 'vnetDataGateway') ? ['data-gateways.md'] : [];
        // Bicep cannot create data policies: the Bicep export writes their admin center steps.
        const policies = design.elements.some((e) => e.kind === 'dataPolicy') ? ['data-policies.md'] : [];
        // A typed Azure service's diagnostic setting is deployed by a module in the service's resource group.
        const modules = [...new Set(design.relations.filter((r) => r.kind === 'diagnostics').map((r) => design.elements.find((e) => e.id === r.from))
          .flatMap((e) => (e?.kind === 'azureService' && e.serviceType !== 'other' ? [`modules/diagnostics-${e.serviceType.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}.bicep`] : [])))].sort();
        expect(a.map((f) => f.path)).toEqual(format === 'bicep'
          ? [...steps, ...policies, 'link-environments.ps1', 'link-environments.sh', 'main.bicep', ...modules, 'verify-connectivity.ps1']
          : [...steps, 'main.tf', 'outputs.tf', 'providers.tf', 'variables.tf', 'verify-connectivity.ps1']);
      });
    }
  }
});

describe('golden exports of the templates', () => {
  for (const template of ['seed', 'minimal']) {
    for (const format of EXPORT_FORMATS) {
      it(`${template} → ${format} matches test/golden/${template}/${format}`, () => {
        const files = exportDesign(byName(template), format, { designFile: `${template}.ppvnet.json` });
        const dir = path.join(GOLDEN, template, format);
        if (process.env.UPDATE_GOLDEN === '1') {
          rmSync(dir, { recursive: true, force: true });
          mkdirSync(dir, { recursive: true });
          for (const f of files) {
            mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
            writeFileSync(path.join(dir, f.path), f.content);
          }
        }
        // Files in subfolders (Bicep modules) too, with forward slashes as the export names them.
        const written = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
          .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
        expect(written.sort()).toEqual(files.map((f) => f.path));
        for (const f of files) expect(f.content, `${dir}/${f.path} is stale: UPDATE_GOLDEN=1 npx vitest run test/unit/export`).toBe(readFileSync(path.join(dir, f.path), 'utf8'));
      });
    }
  }

  it('the seed and minimal fixtures are the shipped templates', () => {
    for (const t of TEMPLATES.filter((x) => x.id !== 'empty')) {
      const fixture = byName(t.id);
      expect(t.create(fixture.name)).toEqual(fixture);
    }
  });
});

describe('enterprise policy shape', () => {
  const seed = byName('seed');
  const bicep = exportDesign(seed, 'bicep', { designFile: 'seed.ppvnet.json' }).find((f) => f.path === 'main.bicep')!.content;
  const tf = exportDesign(seed, 'terraform', { designFile: 'seed.ppvnet.json' }).find((f) => f.path === 'main.tf')!.content;

  it('Bicep: NetworkInjection, geography location, a plain array of VNet id + subnet name, outputs id and systemId', () => {
    const block = /resource policyProd 'Microsoft\.PowerPlatform\/enterprisePolicies@2020-10-30-preview' = \{[\s\S]*?\n\}/.exec(bicep)?.[0];
    expect(block).toBeDefined();
    expect(block).toContain("kind: 'NetworkInjection'");
    expect(block).toMatch(/virtualNetworks: \[\n\s+\{\n\s+id: vnetWeu\.id\n\s+subnet: \{\n\s+name: snetPpWeuName/);
    expect(block).not.toMatch(/value:/);
    expect(bicep).toContain("param policyProdLocation string = 'europe'");
    expect(bicep).toContain('output policyProdId string = policyProd.id');
    expect(bicep).toContain('output policyProdSystemId string = policyProd.properties.systemId');
    // No compiler diagnostic is ever suppressed (the linter's API-age rule is, once, on diagnostic settings).
    expect(bicep).not.toMatch(/#disable-next-line (BCP|.*\bBCP)/);
    expect(block).not.toContain('#disable-next-line');
  });

  it('Terraform: azapi with schema validation off, body object with the plain array, systemId exported and linked', () => {
    expect(tf).toContain('type                      = "Microsoft.PowerPlatform/enterprisePolicies@2020-10-30-preview"');
    expect(tf).toContain('schema_validation_enabled = false');
    expect(tf).toMatch(/virtualNetworks = \[\n\s+\{\n\s+id = azurerm_virtual_network\.vnet_weu\.id/);
    expect(tf).toContain('response_export_values = ["properties.systemId"]');
    expect(tf).toMatch(/resource "powerplatform_enterprise_policy" "env_prod_policy_link" \{[\s\S]*system_id\s+= azapi_resource\.policy_prod\.output\.properties\.systemId[\s\S]*depends_on = \[powerplatform_managed_environment\.env_prod\]/);
  });

  it('follows the design: a policy with one subnet gets a one-element array', () => {
    const min = exportDesign(byName('minimal'), 'bicep', { designFile: 'm.ppvnet.json' }).find((f) => f.path === 'main.bicep')!.content;
    expect(min.match(/subnet: \{\n\s+name: /g)).toHaveLength(1);
  });
});

describe('the environment link scripts', () => {
  const files = exportDesign(byName('hub-spoke-hybrid'), 'bicep', { designFile: 'h.ppvnet.json' });
  const sh = files.find((f) => f.path === 'link-environments.sh')!.content;
  const ps = files.find((f) => f.path === 'link-environments.ps1')!.content;

  it('bash: strict mode, BAP link call with the SystemId per environment, ids from the environment', () => {
    expect(sh.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(sh).toContain('set -euo pipefail');
    expect(sh).toContain('/enterprisePolicies/NetworkInjection/link?api-version=2019-10-01');
    expect(sh).toContain('--query properties.systemId');
    expect(sh).toContain(`[ -n "$ENV_CLAIMS_PROD_ID" ] || ENV_CLAIMS_PROD_ID='7d3c5a1e-2f4b-4c8d-9e0a-1b2c3d4e5f60'`);
    expect(sh).toContain(`[ -n "$ENV_CLAIMS_TEST_ID" ] || ENV_CLAIMS_TEST_ID=''`);
    expect(sh.match(/^link_environment "/gm)).toHaveLength(2);
  });

  it('PowerShell: parameters per environment, Enable-SubnetInjection with the policy ARM id', () => {
    expect(ps).toContain('[string] $EnvClaimsProdId = \'7d3c5a1e-2f4b-4c8d-9e0a-1b2c3d4e5f60\'');
    expect(ps).toContain("$ErrorActionPreference = 'Stop'");
    expect(ps.match(/^Enable-SubnetInjection -EnvironmentId/gm)).toHaveLength(2);
  });

  it('keeps hostile names inside comments and messages', () => {
    // A line break is refused in a design file's names, but IaC input is not schema-checked.
    const evil = unchecked(byName('minimal'), 'env-sandbox', { name: 'x}"; rm -rf / #\n$(reboot)' });
    const script = exportDesign(evil, 'bicep', { designFile: 'm.ppvnet.json' }).find((f) => f.path === 'link-environments.sh')!.content;
    const code = script.split('\n').filter((l) => !l.trimStart().startsWith('#'));
    expect(code.join('\n')).not.toContain('$(reboot)');
    expect(code.join('\n')).not.toContain('"; rm');
    expect(code.find((l) => l.includes(':?set ENV_SANDBOX_ID'))).toMatch(/^: "\$\{ENV_SANDBOX_ID:\?set ENV_SANDBOX_ID to the id of the environment [A-Za-z0-9 ._()-]+\}"$/);
    execFileSync('bash', ['-n'], { input: script });
  });
});

// Values that look like credentials: private keys, storage keys, SAS signatures, JWTs, long random tokens,
// or a secret-named setting assigned a literal.
const SECRET_PATTERNS: readonly RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /AccountKey=/i,
  /[?&]sig=[A-Za-z0-9%]{16,}/,
  /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./,
  /\b(?:password|secret|sharedKey|shared_key|client_secret|api_key)\b\s*[:=]\s*['"][^'"]+['"]/i,
  /(?<![0-9a-f])(?=[A-Za-z0-9+/]*[A-Z])(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[0-9])[A-Za-z0-9+/]{40,}={0,2}/,
];

function scan(files: readonly ExportedFile[]): string[] {
  const hits: string[] = [];
  for (const f of files) {
    f.content.split('\n').forEach((line, i) => {
      if (line.includes('ppvnet-hash:')) return;
      for (const p of SECRET_PATTERNS) if (p.test(line)) hits.push(`${f.path}:${i + 1}: ${line.trim()}`);
    });
  }
  return hits;
}

describe('exports never contain secrets', () => {
  it('the scanner itself catches secret-looking values', () => {
    expect(scan([{ path: 'x', content: "sharedKey: 'hunter2'\n" }])).toHaveLength(1);
    expect(scan([{ path: 'x', content: 'token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.x"\n' }])).toHaveLength(1);
    expect(scan([{ path: 'x', content: 'k = "Zm9vYmFyYmF6cXV4cXV1eHh5ejEyMzQ1Njc4OTBBQkNERUY="\n' }])).toHaveLength(1);
  });

  for (const { name, file, design } of designs) {
    it(`${name}: no secret-looking values; secure inputs have no defaults`, () => {
      for (const format of EXPORT_FORMATS) {
        const files = exportDesign(design, format, { designFile: file });
        expect(scan(files)).toEqual([]);
        for (const f of files) {
          // A @secure() parameter and a sensitive variable must be supplied at deploy time, never defaulted.
          for (const m of f.content.matchAll(/@secure\(\)\n(?:@description\([^\n]*\)\n)?param \S+ \S+([^\n]*)/g)) expect(m[1]).toBe('');
          for (const m of f.content.matchAll(/variable "[^"]+" \{\n([^}]*sensitive\s+= true[^}]*)\}/g)) expect(m[1]).not.toMatch(/default/);
        }
      }
    });
  }

  it("a connector's client secret becomes a Key Vault secret name and URI, never a value", () => {
    const seed = byName('seed');
    const bicep = exportDesign(seed, 'bicep', { designFile: 's.ppvnet.json' }).find((f) => f.path === 'main.bicep')!.content;
    expect(bicep).toContain("param connCasemgmtClientSecretName string = 'casemgmt-connector-client-secret'");
    expect(bicep).toContain("output connCasemgmtClientSecretUri string = '${kv.properties.vaultUri}secrets/${connCasemgmtClientSecretName}'");
    const tf = exportDesign(seed, 'terraform', { designFile: 's.ppvnet.json' });
    expect(tf.find((f) => f.path === 'outputs.tf')!.content).toContain('"${data.azurerm_key_vault.kv.vault_uri}secrets/${var.conn_casemgmt_client_secret_name}"');
  });

  it('a VPN connection takes its pre-shared key as a secure parameter / sensitive variable', () => {
    const hub = byName('hub-spoke-hybrid');
    const bicep = exportDesign(hub, 'bicep', { designFile: 'h.ppvnet.json' }).find((f) => f.path === 'main.bicep')!.content;
    expect(bicep).toMatch(/@secure\(\)\n@description\('IPsec pre-shared key[^\n]*\nparam vpnDcSharedKey string\n/);
    const vars = exportDesign(hub, 'terraform', { designFile: 'h.ppvnet.json' }).find((f) => f.path === 'variables.tf')!.content;
    expect(vars).toMatch(/variable "vpn_dc_shared_key" \{\n[^}]*sensitive\s+= true\n\}/);
  });
});

describe('fixtures', () => {
  it('every fixture loads and covers every element and relation kind between them', () => {
    const kinds = new Set<string>();
    const relations = new Set<string>();
    for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.ppvnet.json'))) {
      const r = loadDesign(readFileSync(path.join(FIXTURES, f), 'utf8'));
      expect(r.ok, f).toBe(true);
      if (!r.ok) continue;
      for (const e of r.design.elements) kinds.add(e.kind);
      for (const x of r.design.relations) relations.add(x.kind);
    }
    expect([...kinds].sort()).toEqual([...ELEMENT_KINDS].sort());
    expect([...relations].sort()).toEqual([...RELATION_KINDS].sort());
  });
});
