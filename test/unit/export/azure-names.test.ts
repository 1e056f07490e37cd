// Names the exporters derive from display names are valid Microsoft.Network names (AZ-17 judges them the same way).
import { describe, expect, it } from 'vitest';
import { derivedNetworkName } from '../../../src/core/export/azure-names';
import { networkNameProblem } from '../../../src/core/rules/catalog/AZ-17';

describe('derivedNetworkName', () => {
  it('turns what Azure refuses into "-"', () => {
    expect(derivedNetworkName('lgw', 'Amsterdam datacentre')).toBe('lgw-Amsterdam-datacentre');
    expect(derivedNetworkName('cn', 'vpngw-hub', "O'Brien / HQ #2")).toBe('cn-vpngw-hub-O-Brien-HQ-2');
  });

  it('always gives a valid name, whatever the display names hold', () => {
    for (const s of ['', '---', '..', ' ', 'ä', '\u0000', '-a-', 'x'.repeat(200), 'a.', '\u202Eevil', '${x}']) {
      const name = derivedNetworkName('lgw', s);
      expect(networkNameProblem(name, { min: 1, max: 80 }), JSON.stringify(name)).toBeUndefined();
    }
    expect(derivedNetworkName('', '')).toBe('unnamed');
  });
});
