// The Terraform data policy section names each environment by the id expression the environment section wrote;
// a policy whose environment has none is the exporter's bug, said as such rather than written as `null`.
import { describe, expect, it } from 'vitest';
import { ExportPlan } from '../../../src/core/export/export-plan';
import { emitDataPoliciesTerraform } from '../../../src/core/export/terraform/emit-data-policies';
import { renderHclFile } from '../../../src/core/export/terraform/hcl-writer';
import { loadSample } from '../support/designs';

const seed = loadSample('seed');
const plan = new ExportPlan(seed);
const context = (environmentIds: ReadonlyMap<string, string>) => ({
  plan,
  labelOf: (id: string) => id.replace(/-/g, '_'),
  nameVar: (e: { id: string }) => `var.${e.id.replace(/-/g, '_')}_name`,
  environmentIds,
});

describe('Terraform data policy environments', () => {
  it('are the id expressions the environment section wrote', () => {
    const ids = new Map(plan.all('environment').map((e) => [e.id, `powerplatform_environment.${e.id.replace(/-/g, '_')}.id`]));
    const hcl = renderHclFile(emitDataPoliciesTerraform(context(ids)));
    expect(hcl).toMatch(/environments\s+= \[\n?\s*powerplatform_environment\.\w+\.id/);
    expect(hcl).not.toMatch(/environments\s+= \[[^\]]*null/);
  });

  it('refuse an environment with no id expression instead of writing null', () => {
    expect(() => emitDataPoliciesTerraform(context(new Map()))).toThrow(/data policy "dlp-casemgmt" names the environment "[^"]+", which the environment section did not write/);
  });
});
