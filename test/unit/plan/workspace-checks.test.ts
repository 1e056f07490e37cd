import { describe, expect, it } from 'vitest';
import { tryCidr } from '../../../src/core/net/cidr';
import type { AddressPlanConfig } from '../../../src/core/plan/address-plan-config';
import { checkWorkspace, workspaceLevel } from '../../../src/core/plan/workspace-checks';
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
        severity: 'warning',
        related: [{ file: 'a.ppvnet.json', elementId: 'vnet-weu', property: 'addressSpaces', message: 'VNet "vnet-pp-weu" (10.10.0.0/16) in a.ppvnet.json uses the same addresses.', severity: 'warning' }],
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

  describe('the PPV-WORKSPACE level of each design\'s configuration', () => {
    const other = edited(minimal, set('vnet-brs', { addressSpaces: ['10.10.0.0/20'] }), set('snet-pp', { addressPrefix: '10.10.1.0/26' }));
    const plan: AddressPlanConfig = { pools: [{ name: 'europe', ranges: [c('10.0.0.0/12')] }], reserved: [], onPremises: [] };
    const where = (findings: ReturnType<typeof checkWorkspace>) => findings.map((f) => `${f.severity} ${f.file} ${f.elementId} (${f.related.map((r) => `${r.file} ${r.severity ?? 'off'}`).join()})`);

    it('is read from the rules section, warning by default', () => {
      expect(workspaceLevel(undefined)).toBe('warning');
      expect(workspaceLevel({ rules: { 'PPV-001': 'off' } })).toBe('warning');
      expect(workspaceLevel({ rules: { 'PPV-WORKSPACE': 'error' } })).toBe('error');
      expect(workspaceLevel({ rules: { 'PPV-WORKSPACE': 'off' } })).toBe('off');
    });

    it('re-levels a finding in the design it is reported in', () => {
      expect(where(checkWorkspace([{ file: 'a.ppvnet.json', design: seed, level: 'info' }, { file: 'b.ppvnet.json', design: other, level: 'error' }])))
        .toEqual(['error b.ppvnet.json vnet-brs (a.ppvnet.json info)']);
      expect(where(checkWorkspace([{ file: 'a.ppvnet.json', design: seed, plan, level: 'error' }]))).toEqual(['error a.ppvnet.json vnet-neu ()']);
    });

    it('switched off in one design, reports an overlap in the other; off in both, not at all', () => {
      expect(where(checkWorkspace([{ file: 'a.ppvnet.json', design: seed }, { file: 'b.ppvnet.json', design: other, level: 'off' }])))
        .toEqual(['warning a.ppvnet.json vnet-weu (b.ppvnet.json off)']);
      expect(where(checkWorkspace([{ file: 'a.ppvnet.json', design: seed, level: 'off' }, { file: 'b.ppvnet.json', design: other }])))
        .toEqual(['warning b.ppvnet.json vnet-brs (a.ppvnet.json off)']);
      expect(checkWorkspace([{ file: 'a.ppvnet.json', design: seed, level: 'off' }, { file: 'b.ppvnet.json', design: other, level: 'off' }])).toEqual([]);
    });

    it('switched off, reports no VNet outside the pools', () => {
      expect(checkWorkspace([{ file: 'a.ppvnet.json', design: seed, plan, level: 'off' }])).toEqual([]);
    });
  });
});
