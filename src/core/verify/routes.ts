// Effective routes of a subnet as Azure builds them (system routes, peering routes, gateway routes,
// user-defined routes) and the route Azure picks for a destination: the longest matching prefix, and on
// equal prefixes a user route before a gateway (BGP) route before a system route. Exact on concrete
// ranges: a destination that two routes would split is judged per half.
import type { Route } from '../model/schema';
import { tryCidr, type Cidr } from '../net/cidr';
import { halves, isPrivate, matchCidr, matchPrefix, type Endpoint } from './addresses';
import type { FlowRef } from './flow';

export type NextHop = 'VnetLocal' | 'VNetPeering' | 'VirtualNetworkGateway' | 'Internet' | 'None' | 'VirtualAppliance';
export type RouteSource = 'User' | 'Gateway' | 'Default';

export interface EffectiveRoute {
  /** A CIDR, or a service tag as a UDR may name one. */
  readonly prefix: Cidr | { readonly tag: string };
  readonly nextHop: NextHop;
  readonly nextHopIp?: string;
  readonly source: RouteSource;
  /** For peering routes: the peered VNet; for gateway routes: the gateway element. */
  readonly via?: string;
  /** Where the route comes from in the design (the route table and its `routes`, a peering, the VNet). */
  readonly ref: FlowRef;
  /** e.g. `10.0.0.0/8 → None (system route)`. */
  readonly text: string;
}

const PRECEDENCE: Record<RouteSource, number> = { User: 0, Gateway: 1, Default: 2 };

/** Azure's default system routes, which a VNet's own address space and peerings override. */
export const SYSTEM_ROUTES: readonly { prefix: string; nextHop: NextHop }[] = [
  { prefix: '0.0.0.0/0', nextHop: 'Internet' },
  { prefix: '10.0.0.0/8', nextHop: 'None' },
  { prefix: '172.16.0.0/12', nextHop: 'None' },
  { prefix: '192.168.0.0/16', nextHop: 'None' },
  { prefix: '100.64.0.0/10', nextHop: 'None' },
];

/** The effective route for a UDR; undefined nextHopIp on a VirtualAppliance hop is kept (and judged unknown). */
export function userRoute(route: Route, routeTableId: string, index?: number): EffectiveRoute {
  const cidr = tryCidr(route.addressPrefix);
  const hop = route.nextHopType;
  return {
    prefix: cidr ?? { tag: route.addressPrefix },
    nextHop: hop,
    ...(route.nextHopIpAddress !== undefined ? { nextHopIp: route.nextHopIpAddress } : {}),
    source: 'User',
    ref: { elementId: routeTableId, property: 'routes', ...(index !== undefined ? { item: [index] } : {}) },
    text: `route '${route.name}' ${route.addressPrefix} → ${hop}${route.nextHopIpAddress ? ` ${route.nextHopIpAddress}` : ''}`,
  };
}

export type RouteChoice =
  | { readonly kind: 'route'; readonly route: EffectiveRoute }
  | { readonly kind: 'unknown'; readonly reason: string; readonly routes: readonly EffectiveRoute[] };

function matchRoute(r: EffectiveRoute, dst: Endpoint): 'yes' | 'no' | 'maybe' | 'split' {
  if ('tag' in r.prefix) {
    // A service-tag route covers that service's public ranges only.
    if (dst.kind === 'range') return isPrivate(dst.cidr) ? 'no' : 'maybe';
    if (dst.kind === 'azureDns') return 'no';
    return matchPrefix(r.prefix.tag, dst, { virtualNetwork: [] });
  }
  return matchCidr(r.prefix, dst);
}

/** Tag routes are ranked between the default route and any explicit prefix: their ranges are longer than /0. */
const length = (r: EffectiveRoute) => ('tag' in r.prefix ? 0.5 : r.prefix.prefix);
const better = (a: EffectiveRoute, b: EffectiveRoute) => length(a) > length(b) || (length(a) === length(b) && PRECEDENCE[a.source] < PRECEDENCE[b.source]);
const sameHop = (a: EffectiveRoute, b: EffectiveRoute) => a.nextHop === b.nextHop && a.nextHopIp === b.nextHopIp && a.via === b.via;

/** The route Azure uses for a destination, or why the design cannot tell. */
export function selectRoute(routes: readonly EffectiveRoute[], dst: Endpoint): RouteChoice {
  let best: EffectiveRoute | undefined;
  const maybes: EffectiveRoute[] = [];
  for (const r of routes) {
    const m = matchRoute(r, dst);
    if (m === 'no') continue;
    if (m === 'split' && dst.kind === 'range') {
      // Part of the destination takes a more specific route: judge the halves.
      const [a, b] = halves(dst.cidr);
      const ca = selectRoute(routes, { kind: 'range', cidr: a });
      const cb = selectRoute(routes, { kind: 'range', cidr: b });
      if (ca.kind === 'route' && cb.kind === 'route' && sameHop(ca.route, cb.route)) return ca;
      if (ca.kind === 'unknown') return ca;
      if (cb.kind === 'unknown') return cb;
      return { kind: 'unknown', reason: `${dst.cidr.text} is split between ${ca.route.text} and ${cb.route.text}`, routes: [ca.route, cb.route] };
    }
    if (m === 'yes') {
      if (!best || better(r, best)) best = r;
    } else maybes.push(r);
  }
  if (!best) return { kind: 'unknown', reason: 'no route matches', routes: [] };
  const rivals = maybes.filter((m) => better(m, best) && !sameHop(m, best));
  if (rivals.length > 0) return { kind: 'unknown', reason: `the design does not say whether ${rivals[0]!.text} applies instead of ${best.text}`, routes: [best, ...rivals] };
  return { kind: 'route', route: best };
}
