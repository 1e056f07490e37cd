// NSG security rules and routes read out of IaC values, all or nothing. The ARM/Bicep and Terraform
// readers differ only in where each field sits and how it is spelled, so each passes its own getter.
import { nsgRuleSchema, routeSchema, type NsgRule, type Route } from '../model/schema';
import { items, num, str, type Value } from './iac-value';

/** Reads one field of one rule or route, named as the design document names it. */
export type RowField<T> = (row: Value, key: keyof T & string) => Value | undefined;

const DIRECTIONS = nsgRuleSchema.shape.direction.options;
const ACCESS = nsgRuleSchema.shape.access.options;
const PROTOCOLS = nsgRuleSchema.shape.protocol.options;
const HOPS = routeSchema.shape.nextHopType.options;

/** IaC spells enum values in any case (Azure accepts `tcp`); the design stores the canonical spelling. */
export function pickEnum<T extends string>(allowed: readonly T[], v: string | undefined): T | undefined {
  const lower = v?.toLowerCase();
  return lower === undefined ? undefined : allowed.find((a) => a.toLowerCase() === lower);
}

/** Maps every item, or gives undefined when any item is not statically known. */
export function allOrNothing<T>(list: readonly Value[] | undefined, map: (v: Value) => T | undefined): T[] | undefined {
  if (!list) return undefined;
  const out: T[] = [];
  for (const v of list) {
    const m = map(v);
    if (m === undefined) return undefined;
    out.push(m);
  }
  return out;
}

/** NSG rules, all of them statically known, or undefined (a partial rule set would mislead the rules). */
export function nsgRulesFrom(v: Value | undefined, get: RowField<NsgRule>): NsgRule[] | undefined {
  return allOrNothing(items(v), (r) => {
    const s = (k: keyof NsgRule & string) => str(get(r, k));
    const rule = {
      name: s('name'), priority: num(get(r, 'priority')), direction: pickEnum(DIRECTIONS, s('direction')),
      access: pickEnum(ACCESS, s('access')), protocol: pickEnum(PROTOCOLS, s('protocol')),
      sourceAddressPrefix: s('sourceAddressPrefix'), sourcePortRange: s('sourcePortRange'),
      destinationAddressPrefix: s('destinationAddressPrefix'), destinationPortRange: s('destinationPortRange'),
    };
    if (Object.values(rule).some((x) => x === undefined) || !rule.name) return undefined;
    const description = s('description');
    return { ...(rule as NsgRule), ...(description !== undefined ? { description } : {}) };
  });
}

/** Routes, all of them statically known, or undefined. */
export function routesFrom(v: Value | undefined, get: RowField<Route>): Route[] | undefined {
  return allOrNothing(items(v), (r) => {
    const name = str(get(r, 'name'));
    const addressPrefix = str(get(r, 'addressPrefix'));
    const nextHopType = pickEnum(HOPS, str(get(r, 'nextHopType')));
    const ip = str(get(r, 'nextHopIpAddress'));
    if (!name || addressPrefix === undefined || !nextHopType) return undefined;
    return { name, addressPrefix, nextHopType, ...(ip !== undefined ? { nextHopIpAddress: ip } : {}) };
  });
}
