import { rule } from '../../../src/core/rules/catalog/PPV-047';
import { validateDesign } from '../../../src/core/rules/engine';
import { edited, loadFixture, loadSample, set } from '../support/designs';
import { testRule } from '../support/rule-tester';
import { describe, expect, it } from 'vitest';
import { seed } from './ppv-fixtures';

const hub = loadSample('hub-firewall');
const toIp = (ip: string) => set('rt-pp-weu', { routes: [{ name: 'default-to-firewall', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: ip }] });

testRule(rule, {
  valid: [
    { name: 'the firewall sample: both routes name a firewall', design: hub },
    { name: 'the seed routes to no appliance', design: seed },
    { name: 'an NVA with that IP counts', design: edited(hub, set('afw-weu', { appliance: 'nva', privateIpAddress: '10.200.1.5' }), toIp('10.200.1.5')) },
  ],
  invalid: [
    { name: 'a typo inside the firewall subnet', design: edited(hub, toIp('10.200.1.5')), expected: ['rt-pp-weu'], messages: [/10\.200\.1\.5 in subnet .*AzureFirewallSubnet.* no firewall or appliance of the design has that IP/] },
  ],
});

describe('PPV-047 severity', () => {
  it('is a warning inside a subnet of the design and information outside it', () => {
    const sev = (ip: string) => validateDesign(edited(hub, toIp(ip))).filter((f) => f.ruleId === 'PPV-047').map((f) => f.severity);
    expect(sev('10.200.1.5')).toEqual(['warning']);
    expect(sev('172.16.0.4')).toEqual(['info']);
    expect(validateDesign(edited(hub, toIp('172.16.0.4'))).find((f) => f.ruleId === 'PPV-047')?.message).toMatch(/172\.16\.0\.4, which is not in the design; what it lets through is unknown/);
    // A firewall whose IP is not stated (as read from IaC) may be the one: information only.
    const unstated = validateDesign(edited(hub, set('afw-weu', { privateIpAddress: undefined }))).filter((f) => f.ruleId === 'PPV-047');
    expect(unstated.map((f) => f.severity)).toEqual(['info']);
    expect(unstated[0]!.message).toMatch(/private IP of firewall .*afw-hub-weu.* is not stated/);
    // The existing fixture whose appliance is not modelled gets only information.
    expect(validateDesign(loadFixture('hub-spoke-firewall')).filter((f) => f.ruleId === 'PPV-047').every((f) => f.severity !== 'error')).toBe(true);
  });
});
