// The pure Terraform and Bicep functions the readers evaluate statically; every other call is unknown.
// The tables are Maps: a function name comes from the file, and `__proto__(…)` or `toString(…)` must find
// nothing rather than something inherited from Object.prototype.
import type { SourceLocation } from '../model/source-range';
import { tryCidr } from '../net/cidr';
import { unknownAt, type Prop, type Value } from './iac-value';

type Fn = (args: readonly Value[], at: SourceLocation) => Value | undefined;

const passThrough: Fn = (args) => args[0];

const HCL = new Map<string, Fn>(Object.entries({
  jsonencode: passThrough,
  tolist: passThrough,
  toset: passThrough,
  tomap: passThrough,
  lower: (args, at) => (args[0]?.t === 'str' ? { t: 'str', v: args[0].v.toLowerCase(), at } : undefined),
  upper: (args, at) => (args[0]?.t === 'str' ? { t: 'str', v: args[0].v.toUpperCase(), at } : undefined),
  concat: (args, at) => (args.every((a) => a.t === 'arr') ? { t: 'arr', items: args.flatMap((a) => (a.t === 'arr' ? a.items : [])), at } : undefined),
  merge: (args, at) => mergeObjects(args, at),
  lookup: (args) => (args[0]?.t === 'obj' && args[1]?.t === 'str' ? (args[0].props.get(args[1].v)?.value ?? args[2]) : undefined),
  coalesce: (args) => args.find((a) => a.t !== 'null' && !(a.t === 'str' && a.v === '')),
  format: (args, at) => formatHcl(args, at),
  cidrsubnet: (args, at) => cidrSubnet(args, at, 'addBits'),
} satisfies Record<string, Fn>));

const BICEP = new Map<string, Fn>(Object.entries({
  any: passThrough,
  toLower: HCL.get('lower')!,
  toUpper: HCL.get('upper')!,
  concat: (args, at) => (args.every((a) => a.t === 'str') ? { t: 'str', v: args.map((a) => (a.t === 'str' ? a.v : '')).join(''), at } : HCL.get('concat')!(args, at)),
  union: (args, at) => (args.every((a) => a.t === 'arr') ? unionArrays(args, at) : mergeObjects(args, at)),
  // Bicep's coalesce skips only nulls (an empty string is a value), and cannot look past an unknown.
  coalesce: (args) => {
    for (const a of args) if (a.t !== 'null') return a.t === 'unknown' ? undefined : a;
    return undefined;
  },
  contains: (args, at) => containsOf(args, at),
  empty: (args, at) => {
    const [a] = args;
    if (a?.t === 'null') return { t: 'bool', v: true, at };
    const n = a ? sizeOf(a) : undefined;
    return n === undefined ? undefined : { t: 'bool', v: n === 0, at };
  },
  length: (args, at) => {
    const n = args[0] ? sizeOf(args[0]) : undefined;
    return n === undefined ? undefined : { t: 'num', v: n, at };
  },
  first: (args) => (args[0]?.t === 'arr' ? args[0].items[0] : undefined),
  last: (args) => (args[0]?.t === 'arr' ? args[0].items[args[0].items.length - 1] : undefined),
  split: (args, at) => (args[0]?.t === 'str' && args[1]?.t === 'str' ? { t: 'arr', items: args[0].v.split(args[1].v).map((v) => ({ t: 'str' as const, v, at })), at } : undefined),
  range: (args, at) => {
    const [start, count] = args;
    if (start?.t !== 'num' || count?.t !== 'num' || count.v < 0 || count.v > 1000) return undefined;
    return { t: 'arr', items: Array.from({ length: count.v }, (_, i) => ({ t: 'num' as const, v: start.v + i, at })), at };
  },
  format: (args, at) => formatBicep(args, at),
  resourceId: (args, at) => resourceIdOf(args, at),
  cidrSubnet: (args, at) => cidrSubnet(args, at, 'newLength'),
  environment: (_args, at) => azureCloud(at),
} satisfies Record<string, Fn>));

/**
 * `environment()` as in AzureCloud, the cloud Power Platform VNet support and the private DNS zone names
 * of the rules are written for; only the DNS suffixes are modelled, everything else stays unknown.
 */
function azureCloud(at: SourceLocation): Value {
  const s = (v: string): Prop => ({ value: { t: 'str', v, at }, at });
  const suffixes = new Map<string, Prop>([
    ['sqlServerHostname', s('.database.windows.net')],
    ['storage', s('core.windows.net')],
    ['keyvaultDns', s('.vault.azure.net')],
    ['acrLoginServer', s('.azurecr.io')],
  ]);
  return { t: 'obj', props: new Map([['name', s('AzureCloud')], ['suffixes', { value: { t: 'obj', props: suffixes, at }, at }]]), at };
}

/**
 * Functions whose value exists only at deployment or plan time (the subscription, a fresh GUID, the clock):
 * the readers know them, and their value is honestly unknown, so a call to them is not a note.
 */
const TERRAFORM_DEPLOYMENT_TIME = new Set(['timestamp', 'plantimestamp', 'uuid']);
const BICEP_DEPLOYMENT_TIME = new Set(['subscription', 'resourceGroup', 'tenant', 'managementGroup', 'deployment', 'deployer', 'uniqueString', 'guid', 'newGuid', 'utcNow', 'reference', 'getSecret', 'readEnvironmentVariable']);
/** `listKeys(…)`, `stg.listKeys()`: ARM list* functions read secrets of a deployed resource. */
const bicepDeploymentTime = (name: string) => BICEP_DEPLOYMENT_TIME.has(name) || /(^|\.)list[A-Z]\w*$/.test(name);

/**
 * A call's value: known when the function is modelled and its arguments are; unknown when they are not; and
 * `undefined` when the reader does not know the function at all, which the evaluator reports on the call.
 */
export function callFunction(name: string, args: readonly Value[], at: SourceLocation): Value | undefined {
  return call(HCL, (n) => TERRAFORM_DEPLOYMENT_TIME.has(n), name, args, at);
}

/** Evaluates a Bicep function call, same contract. */
export function callBicepFunction(name: string, args: readonly Value[], at: SourceLocation): Value | undefined {
  return call(BICEP, bicepDeploymentTime, name, args, at);
}

function call(table: ReadonlyMap<string, Fn>, deploymentTime: (name: string) => boolean, name: string, args: readonly Value[], at: SourceLocation): Value | undefined {
  const fn = table.get(name);
  if (fn) return fn(args, at) ?? unknownAt(at);
  return deploymentTime(name) ? unknownAt(at) : undefined;
}

/** The information note on a call of a function the reader does not know. */
export function notUnderstood(name: string): string {
  return `Function '${name}' is not understood, so the value it returns is unknown and not checked.`;
}

function unionArrays(args: readonly Value[], at: SourceLocation): Value | undefined {
  const out: Value[] = [];
  const seen = new Set<string>();
  for (const a of args) {
    if (a.t !== 'arr') return undefined;
    for (const item of a.items) {
      if (item.t === 'unknown') return undefined;
      const k = item.t === 'str' || item.t === 'num' || item.t === 'bool' ? `${item.t}:${String(item.v)}` : undefined;
      if (k !== undefined && seen.has(k)) continue;
      if (k !== undefined) seen.add(k);
      out.push(item);
    }
  }
  return { t: 'arr', items: out, at };
}

/** Bicep `contains(object, key)` (case-insensitive key), `contains(array, item)`, `contains(string, text)`. */
function containsOf(args: readonly Value[], at: SourceLocation): Value | undefined {
  const [c, x] = args;
  const b = (v: boolean): Value => ({ t: 'bool', v, at });
  if (!c || !x) return undefined;
  if (c.t === 'obj' && x.t === 'str') return b([...c.props.keys()].some((k) => k.toLowerCase() === x.v.toLowerCase()));
  if (c.t === 'str' && x.t === 'str') return b(c.v.includes(x.v));
  if (c.t === 'arr' && (x.t === 'str' || x.t === 'num' || x.t === 'bool')) {
    if (c.items.some((i) => i.t === x.t && i.v === x.v)) return b(true);
    return c.items.every((i) => i.t !== 'unknown') ? b(false) : undefined;
  }
  return undefined;
}

function sizeOf(v: Value): number | undefined {
  return v.t === 'arr' ? v.items.length : v.t === 'obj' ? v.props.size : v.t === 'str' ? v.v.length : undefined;
}

function mergeObjects(args: readonly Value[], at: SourceLocation): Value | undefined {
  if (!args.every((a) => a.t === 'obj')) return undefined;
  const props = new Map<string, Prop>();
  for (const a of args) if (a.t === 'obj') for (const [k, p] of a.props) props.set(k, p);
  return { t: 'obj', props, at };
}

function formatHcl(args: readonly Value[], at: SourceLocation): Value | undefined {
  const [spec, ...rest] = args;
  if (spec?.t !== 'str' || !rest.every((a) => a.t === 'str' || a.t === 'num')) return undefined;
  let i = 0;
  let ok = true;
  const v = spec.v.replace(/%[sd%]/g, (m) => {
    if (m === '%%') return '%';
    const a = rest[i++];
    if (!a || (a.t !== 'str' && a.t !== 'num')) ok = false;
    return a && (a.t === 'str' || a.t === 'num') ? String(a.v) : '';
  });
  return ok ? { t: 'str', v, at } : undefined;
}

function formatBicep(args: readonly Value[], at: SourceLocation): Value | undefined {
  const [spec, ...rest] = args;
  if (spec?.t !== 'str' || !rest.every((a) => a.t === 'str' || a.t === 'num')) return undefined;
  let ok = true;
  const v = spec.v.replace(/\{(\d+)\}/g, (_, n: string) => {
    const a = rest[Number(n)];
    if (!a || (a.t !== 'str' && a.t !== 'num')) ok = false;
    return a && (a.t === 'str' || a.t === 'num') ? String(a.v) : '';
  });
  return ok ? { t: 'str', v, at } : undefined;
}

/** `resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'snet')` as a scope-less ARM id. */
function resourceIdOf(args: readonly Value[], at: SourceLocation): Value | undefined {
  const strs = args.map((a) => (a.t === 'str' ? a.v : undefined));
  const typeIndex = strs.findIndex((s) => s !== undefined && /^[A-Za-z]+\.[A-Za-z.]+\/[A-Za-z/]+$/.test(s));
  if (typeIndex < 0) return undefined;
  const names = strs.slice(typeIndex + 1);
  if (names.some((n) => n === undefined)) return undefined;
  const [ns, ...types] = strs[typeIndex]!.split('/');
  if (types.length !== names.length) return undefined;
  const segments = types.flatMap((t, i) => [t, names[i]!]);
  return { t: 'str', v: `/providers/${ns}/${segments.join('/')}`, at };
}

/** Terraform `cidrsubnet(prefix, newbits, netnum)` / Bicep `cidrSubnet(prefix, newCidr, index)` for IPv4. */
function cidrSubnet(args: readonly Value[], at: SourceLocation, mode: 'addBits' | 'newLength'): Value | undefined {
  const [p, a, b] = args;
  if (p?.t !== 'str' || a?.t !== 'num' || b?.t !== 'num') return undefined;
  const c = tryCidr(p.v);
  if (!c) return undefined;
  const newLength = mode === 'addBits' ? c.prefix + a.v : a.v;
  if (newLength > 32 || newLength < c.prefix || !Number.isInteger(b.v) || b.v < 0 || b.v >= 2 ** (newLength - c.prefix)) return undefined;
  const start = c.start + b.v * 2 ** (32 - newLength);
  const ip = [24, 16, 8, 0].map((s) => Math.floor(start / 2 ** s) % 256).join('.');
  return { t: 'str', v: `${ip}/${newLength}`, at };
}
