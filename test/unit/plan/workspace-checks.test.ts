import { describe, expect, it } from 'vitest';
import { tryCidr } from '../../../src/core/net/cidr';
import type { AddressPlanConfig } from '../../../src/core/plan/address-plan-config';
import { checkWorkspace } from '../../../src/core/plan/workspace-checks';
import { edited, loadSample, set } from '../support/designs';

const seed = loadSample('seed');
const minimal = loadSample('minimal');
const c = (text: string) => tryCidr(text)!;

describe('checkWorkspace', () => {
  it('reports VNets of two designs that overlap, naming both files', () => {
    const other = edited(minimal, set('vnet-brs', { addressSpaces: ['10.10.0.0/20'] }), set('snet-pp', { addressPrefix: '10.10.1.0/26' }));
    const findings = checkWorkspace([{ file: 'a.ppvnet.json', design: seed }, { file: 'b.ppvnet.json', design: other }]);
    expect(findings).toEqual([
      {
        file: 'b.ppvnet.json', elementId: 'vnet-brs', property: 'addressSpaces',
        message: expect.stringMatching(/^VNet "vnet-pp-brs" \(10\.10\.0\.0\/20\) in b\.ppvnet\.json overlaps VNet "vnet-pp-weu" \(10\.10\.0\.0\/16\) in a\.ppvnet\.json\./),
        related: [{ file: 'a.ppvnet.json', elementId: 'vnet-weu', property: 'addressSpaces', message: 'VNet "vnet-pp-weu" (10.10.0.0/16) in a.ppvnet.json uses the same addresses.' }],
      },
    ]);
  });

  it('leaves overlaps inside one design to the design rules, and the same VNet drawn in two designs alone', () => {
    const sameDesignOverlap = edited(seed, set('vnet-neu', { addressSpaces: ['10.10.0.0/16'] }), set('snet-pp-neu', { addressPrefix: '10.10.1.0/24' }));
    expect(checkWorkspace([{ file: 'a.ppvnet.json', design: sameDesignOverlap }])).toEqual([]);
    expect(checkWorkspace([{ file: 'a.ppvnet.json', design: seed }, { file: 'b.ppvnet.json', design: seed }])).toEqual([]);
  });

  it('reports a VNet outside every pool, and one on a reserved or on-premises range', () => {
    const plan: AddressPlanConfig = { pools: [{ name: 'europe', ranges: [c('10.0.0.0/12')] }], reserved: [c('10.20.0.0/24')], onPremises: [c('10.30.0.0/16')] };
    const findings = checkWorkspace([{ file: 'a.ppvnet.json', design: seed, plan }, { file: 'b.ppvnet.json', design: minimal, plan }]);
    expect(findings.map((f) => `${f.file} ${f.elementId}: ${f.message}`)).toEqual([
      'a.ppvnet.json vnet-neu: VNet "vnet-pp-neu" (10.20.0.0/16) in a.ppvnet.json lies outside every address pool (europe) of the configuration.',
      'a.ppvnet.json vnet-neu: VNet "vnet-pp-neu" (10.20.0.0/16) in a.ppvnet.json overlaps the reserved range 10.20.0.0/24 of the configuration.',
      'b.ppvnet.json vnet-brs: VNet "vnet-pp-brs" (10.30.0.0/16) in b.ppvnet.json lies outside every address pool (europe) of the configuration.',
      'b.ppvnet.json vnet-brs: VNet "vnet-pp-brs" (10.30.0.0/16) in b.ppvnet.json overlaps the on-premises range 10.30.0.0/16 of the configuration.',
    ]);
  });
});
