// PPV-047: a route to a virtual appliance names the private IP of a firewall or NVA of the design.
import { tryCidr } from '../../net/cidr';
import { ipOf } from '../../verify/network';
import type { Rule } from '../rule';
import { label } from '../analysis/power-platform';
import { FIREWALL_SOURCES } from './PPV-046';

export const rule: Rule = {
  meta: {
    id: 'PPV-047',
    title: 'Appliance routes name a firewall of the design',
    severity: 'warning',
    category: 'egress',
    rationale:
      "A user-defined route with next hop VirtualAppliance sends the subnet's traffic to one IP. If no firewall or network virtual appliance of the design has that IP, either the address is a typo (the traffic goes to nothing and is dropped) or the appliance is not modelled, and the verifier cannot judge what it lets through. Inside a subnet of the design the first case is likely; outside, it is only unknown.",
    fix: "Set the route's next hop IP to the firewall's private IP, or add the firewall (or the NVA, appliance 'nva') with that private IP to the design.",
    sources: [FIREWALL_SOURCES.forcedTunneling],
    checkable: 'static',
  },
  check(t, ctx) {
    const known = new Set(t.all('firewall').flatMap((f) => {
      const ip = f.privateIpAddress === undefined ? undefined : ipOf(f.privateIpAddress);
      return ip === undefined ? [] : [ip];
    }));
    // A firewall whose IP is not stated (read from IaC: Azure assigns it) may be the one the route names.
    const unstated = t.all('firewall').find((f) => f.privateIpAddress === undefined);
    const subnets = t.all('subnet').flatMap((s) => {
      const c = tryCidr(s.addressPrefix);
      return c ? [{ s, c }] : [];
    });
    for (const rt of t.all('routeTable')) {
      for (const route of rt.routes ?? []) {
        if (route.nextHopType !== 'VirtualAppliance' || route.nextHopIpAddress === undefined) continue;
        const ip = ipOf(route.nextHopIpAddress);
        if (ip === undefined || known.has(ip)) continue;
        const inside = subnets.find(({ c }) => c.start <= ip && ip <= c.end)?.s;
        ctx.report({
          elementId: rt.id,
          property: 'routes',
          ...(inside && !unstated ? {} : { cannotTell: true }),
          message: unstated
            ? `Route '${route.name}' of ${label(rt)} sends traffic to appliance ${route.nextHopIpAddress}; the private IP of firewall ${label(unstated)} is not stated (Azure assigns it), so whether it is that appliance cannot be told.`
            : inside
            ? `Route '${route.name}' of ${label(rt)} sends traffic to ${route.nextHopIpAddress} in subnet ${label(inside)}, but no firewall or appliance of the design has that IP; the traffic is dropped if nothing answers there.`
            : `Route '${route.name}' of ${label(rt)} sends traffic to appliance ${route.nextHopIpAddress}, which is not in the design; what it lets through is unknown.`,
        });
      }
    }
  },
};
