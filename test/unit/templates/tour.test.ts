// The walkthrough's planted faults are real: the tour design fails exactly on its one fault, and the Terraform
// sample, read back by the real Terraform reader, fails on its fault on the subnet's attribute.
import { describe, expect, it } from 'vitest';
import { readTerraform } from '../../../src/core/iac/read-iac';
import { validateDesign } from '../../../src/core/rules/engine';
import { TEMPLATES } from '../../../src/core/templates/templates';
import { TOUR_DESIGN_FAULT, TOUR_TERRAFORM_FAULT, tourDesign, tourTerraformFiles } from '../../../src/core/templates/tour';
import { parsers } from '../iac/iac-support';

const errors = (design: Parameters<typeof validateDesign>[0]) =>
  validateDesign(design).filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.elementId ?? ''}`.trim());

describe('walkthrough material', () => {
  it('the seed has no errors, so each planted fault is the only one', () => {
    expect(errors(TEMPLATES.find((t) => t.id === 'seed')!.create('seed'))).toEqual([]);
  });

  it('the tour design fails only on the missing delegation', () => {
    expect(errors(tourDesign())).toEqual([`${TOUR_DESIGN_FAULT.rule} ${TOUR_DESIGN_FAULT.element}`]);
  });

  it('the Terraform sample, read back, fails on the unequal subnet pair', async () => {
    const p = await parsers();
    const files = tourTerraformFiles().filter((f) => f.path.endsWith('.tf'));
    expect(files.map((f) => f.path)).toContain('main.tf');
    const read = readTerraform(files.map((f) => ({ path: `/tour/${f.path}`, text: f.content, tree: p.parse('terraform', `/tour/${f.path}`, f.content) })));
    const ruleIds = validateDesign(read.design).filter((f) => f.severity === 'error').map((f) => f.ruleId);
    expect(ruleIds).toContain(TOUR_TERRAFORM_FAULT.rule);
    expect(files.some((f) => f.content.includes(TOUR_TERRAFORM_FAULT.addressPrefix))).toBe(true);
  });
});
