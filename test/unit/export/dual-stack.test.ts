// A dual-stack design (IPv4 and IPv6 address spaces, an IPv6 /64 subnet) validates without address-space
// errors, so export is not blocked; both exports carry both prefixes and the readers read them back
// (#12 case 12). The fixture also goes through the generic round-trip and Bicep compile tests.
import { describe, expect, it } from 'vitest';
import { exportDesign, type ExportFormat } from '../../../src/core/export/export-design';
import { readBicep, readTerraform } from '../../../src/core/iac/read-iac';
import type { Design, ElementOf } from '../../../src/core/model/schema';
import { validateDesign } from '../../../src/core/rules/engine';
import { parsers } from '../iac/iac-support';
import { edited, loadFixture, set } from '../support/designs';

const dual = loadFixture('dual-stack');

async function readBack(design: Design, format: ExportFormat): Promise<Design> {
  const p = await parsers();
  const files = exportDesign(design, format, { designFile: 'dual-stack.ppvnet.json' });
  const language = format === 'bicep' ? 'bicep' : 'terraform';
  const sources = files.filter((f) => f.path.endsWith(format === 'bicep' ? '.bicep' : '.tf'))
    .map((f) => ({ path: `/ds/${f.path}`, text: f.content, tree: p.parse(language, `/ds/${f.path}`, f.content) }));
  return (format === 'bicep' ? readBicep('/ds/main.bicep', sources) : readTerraform(sources)).design;
}

describe('a dual-stack design', () => {
  it('has no error-level finding, and none from the address-space rules at all', () => {
    const findings = validateDesign(dual);
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(findings.filter((f) => ['AZ-02', 'AZ-03', 'AZ-04', 'AZ-06', 'PPV-032'].includes(f.ruleId))).toEqual([]);
  });

  it('still reports overlapping IPv6 ranges, within a VNet and across the peering', () => {
    const within = edited(dual, set('vnet-weu', { addressSpaces: ['10.10.0.0/16', 'fd00:db8:deca::/48', 'fd00:db8::/32'] }));
    expect(validateDesign(within).filter((f) => f.ruleId === 'AZ-03').map((f) => f.message)).toEqual([expect.stringMatching(/fd00:db8::\/32 and fd00:db8:deca::\/48 .* overlap/)]);
    const across = edited(dual, set('vnet-neu', { addressSpaces: ['10.20.0.0/16', 'fd00:db8:deca:8000::/49'] }));
    expect(validateDesign(across).filter((f) => f.ruleId === 'AZ-06').map((f) => f.message)).toEqual([expect.stringMatching(/fd00:db8:deca::\/48 ↔ fd00:db8:deca:8000::\/49/)]);
  });

  for (const format of ['bicep', 'terraform'] as const) {
    it(`exports both prefixes to ${format}, and the ${format} reader reads them back`, async () => {
      const text = exportDesign(dual, format, { designFile: 'dual-stack.ppvnet.json' }).map((f) => f.content).join('\n');
      for (const prefix of ['fd00:db8:deca::/48', 'ace:cab:deca::/48', 'fd00:db8:deca:1::/64']) expect(text).toContain(prefix);
      const back = await readBack(dual, format);
      const spacesOf = (d: Design, name: string) => d.elements.find((e): e is ElementOf<'vnet'> => e.kind === 'vnet' && e.name === name)?.addressSpaces;
      expect(spacesOf(back, 'vnet-pp-weu')).toEqual(['10.10.0.0/16', 'fd00:db8:deca::/48']);
      expect(spacesOf(back, 'vnet-pp-neu')).toEqual(['10.20.0.0/16', 'ace:cab:deca::/48']);
      expect(back.elements.find((e) => e.kind === 'subnet' && e.name === 'snet-ipv6')).toMatchObject({ addressPrefix: 'fd00:db8:deca:1::/64' });
      // What the IaC diagnostics then say about the read-back template: no address-space errors either.
      expect(validateDesign(back).filter((f) => ['AZ-02', 'AZ-03', 'AZ-04', 'AZ-06'].includes(f.ruleId))).toEqual([]);
    });
  }
});
