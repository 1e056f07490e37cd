// Route selection case by case: longest prefix match, user over gateway over system on equal prefixes,
// Azure's default system routes, and service-tag routes against public destinations.
import { describe, expect, it } from 'vitest';
import { tryCidr } from '../../../src/core/net/cidr';
import { SYSTEM_ROUTES, selectRoute, userRoute, type EffectiveRoute } from '../../../src/core/verify/routes';

const system: EffectiveRoute[] = SYSTEM_ROUTES.map((s) => ({ prefix: tryCidr(s.prefix)!, nextHop: s.nextHop, source: 'Default', ref: {}, text: s.prefix }));
const vnet: EffectiveRoute = { prefix: tryCidr('10.10.0.0/16')!, nextHop: 'VnetLocal', source: 'Default', ref: {}, text: 'vnet' };
const at = (routes: EffectiveRoute[], text: string) => {
  const c = selectRoute(routes, { kind: 'range', cidr: tryCidr(text)! });
  return c.kind === 'route' ? `${c.route.nextHop}${c.route.nextHopIp ? ` ${c.route.nextHopIp}` : ''}` : 'unknown';
};
const udr = (addressPrefix: string, nextHopType: EffectiveRoute['nextHop'], nextHopIpAddress?: string) =>
  userRoute({ name: addressPrefix, addressPrefix, nextHopType, ...(nextHopIpAddress ? { nextHopIpAddress } : {}) } as Parameters<typeof userRoute>[0], 'rt');

describe('system routes', () => {
  it('the VNet is local, other private space is dropped, the rest goes to the internet', () => {
    const routes = [vnet, ...system];
    expect(at(routes, '10.10.5.0/24')).toBe('VnetLocal');
    expect(at(routes, '10.20.0.0/24')).toBe('None');
    expect(at(routes, '192.168.1.0/24')).toBe('None');
    expect(at(routes, '20.1.0.0/16')).toBe('Internet');
    expect(selectRoute(routes, { kind: 'public' })).toMatchObject({ kind: 'route', route: { nextHop: 'Internet' } });
  });
});

describe('user-defined routes', () => {
  it('a longer prefix wins over a shorter one', () => {
    const routes = [vnet, ...system, udr('0.0.0.0/0', 'VirtualAppliance', '10.0.1.4'), udr('10.20.0.0/16', 'VirtualAppliance', '10.0.1.5')];
    expect(at(routes, '10.20.3.0/24')).toBe('VirtualAppliance 10.0.1.5');
    expect(at(routes, '10.10.3.0/24')).toBe('VnetLocal');
    expect(selectRoute(routes, { kind: 'public' })).toMatchObject({ kind: 'route', route: { nextHop: 'VirtualAppliance', nextHopIp: '10.0.1.4' } });
  });
  it('on an equal prefix the user route beats the system route', () => {
    expect(at([vnet, ...system, udr('10.10.0.0/16', 'None')], '10.10.1.0/24')).toBe('None');
  });
  it('a destination split between two routes is unknown', () => {
    expect(at([vnet, ...system, udr('10.10.1.128/25', 'None')], '10.10.1.0/24')).toBe('unknown');
  });
  it('a service-tag route catches that service, and leaves an unnamed host unknown', () => {
    const routes = [...system, udr('Storage', 'None')];
    expect(selectRoute(routes, { kind: 'public', serviceType: 'storageAccount' })).toMatchObject({ kind: 'route', route: { nextHop: 'None' } });
    expect(selectRoute(routes, { kind: 'public', serviceType: 'keyVault' })).toMatchObject({ kind: 'route', route: { nextHop: 'Internet' } });
    expect(selectRoute(routes, { kind: 'public' }).kind).toBe('unknown');
  });
});
