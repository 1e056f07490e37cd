// Columns of the NSG rule and route tables with the checks Azure applies to each cell, so the editor
// refuses (and explains) a value the deployment would reject instead of writing it to the design.
import { parseIpv4, parseCidr } from '../../src/core/net/cidr';
import { NSG_PRIORITY } from '../../src/core/rules/catalog/AZ-12';
import { nsgRuleSchema, routeSchema } from '../../src/core/model/schema';

export type Row = Readonly<Record<string, unknown>>;

export interface Column {
  readonly key: string;
  readonly label: string;
  readonly type: 'text' | 'number' | 'enum';
  readonly options?: readonly string[];
  /** Words shown for enum values, when they differ from the stored value. */
  readonly optionLabels?: Readonly<Record<string, string>>;
  readonly optional?: boolean;
  /** Why `text` is not acceptable in this cell of `row`, or undefined when it is. */
  readonly check?: (text: string, row: Row) => string | undefined;
  /** Other cells cleared when this enum changes to a value they do not apply to. */
  readonly clears?: (value: string, row: Row) => readonly string[];
}

// Azure resource names of rules and routes: 1–80 characters, start alphanumeric, end alphanumeric or '_'.
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;
// Service tags: VirtualNetwork, AzureLoadBalancer, Internet, Storage.WestEurope, AzurePlatformDNS …
const SERVICE_TAG = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)?$/;

export function checkName(text: string): string | undefined {
  if (text.trim() === '') return 'A name is required.';
  return NAME.test(text) ? undefined
    : `'${text}' is not a valid name: 1–80 letters, digits, '_', '.', '-', starting with a letter or digit and not ending with '.' or '-'.`;
}

export function checkPriority(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `Priority must be a whole number from ${NSG_PRIORITY.min} to ${NSG_PRIORITY.max}.`;
  const n = Number(t);
  return n < NSG_PRIORITY.min || n > NSG_PRIORITY.max
    ? `Priority ${n} is outside ${NSG_PRIORITY.min}–${NSG_PRIORITY.max}, the range Azure allows for custom rules.` : undefined;
}

/** '*', an IPv4 address, a CIDR block or a service tag. */
export function checkAddressPrefix(text: string, allowAny = true): string | undefined {
  const t = text.trim();
  if (t === '') return 'A prefix is required (* for any).';
  if (t === '*') return allowAny ? undefined : `'*' is not a route prefix; use 0.0.0.0/0 for every address.`;
  if (/^[\d./]+$/.test(t)) {
    if (t.includes('/')) {
      const r = parseCidr(t);
      return r.ok ? undefined : r.error;
    }
    return allowAny && parseIpv4(t) !== undefined ? undefined : `'${t}' is not an IPv4 address or CIDR block like 10.0.1.0/24.`;
  }
  return SERVICE_TAG.test(t) ? undefined : `'${t}' is not an address, a CIDR block, '*' or a service tag like VirtualNetwork.`;
}

/** '*', a port 0–65535 or a range low-high. */
export function checkPortRange(text: string): string | undefined {
  const t = text.trim();
  if (t === '*') return undefined;
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(t);
  const lo = m ? Number(m[1]) : NaN;
  const hi = m?.[2] !== undefined ? Number(m[2]) : lo;
  if (!m || lo > 65535 || hi > 65535) return `'${t}' is not a port (0–65535), a range like 8000-8080, or *.`;
  return lo > hi ? `The range ${t} ends before it starts.` : undefined;
}

/** Azure keeps at most 140 characters of a rule's description. */
export function checkDescription(text: string): string | undefined {
  return text.length > 140 ? `A rule description holds at most 140 characters (this one has ${text.length}).` : undefined;
}

export function checkNextHopIp(text: string, row: Row): string | undefined {
  const t = text.trim();
  const appliance = row.nextHopType === 'VirtualAppliance';
  if (t === '') return appliance ? 'A VirtualAppliance next hop needs the appliance\'s IP address.' : undefined;
  if (!appliance) return 'Only a VirtualAppliance next hop has an IP address.';
  return parseIpv4(t) === undefined ? `'${t}' is not an IPv4 address like 10.0.2.4.` : undefined;
}

export const NSG_RULE_COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Name', type: 'text', check: checkName },
  { key: 'priority', label: 'Priority', type: 'number', check: checkPriority },
  { key: 'direction', label: 'Direction', type: 'enum', options: nsgRuleSchema.shape.direction.options },
  { key: 'access', label: 'Access', type: 'enum', options: nsgRuleSchema.shape.access.options },
  { key: 'protocol', label: 'Protocol', type: 'enum', options: nsgRuleSchema.shape.protocol.options },
  { key: 'sourceAddressPrefix', label: 'Source', type: 'text', check: (t) => checkAddressPrefix(t) },
  { key: 'sourcePortRange', label: 'Src ports', type: 'text', check: checkPortRange },
  { key: 'destinationAddressPrefix', label: 'Destination', type: 'text', check: (t) => checkAddressPrefix(t) },
  { key: 'destinationPortRange', label: 'Dst ports', type: 'text', check: checkPortRange },
  { key: 'description', label: 'Description', type: 'text', optional: true, check: checkDescription },
];

export const ROUTE_COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Name', type: 'text', check: checkName },
  { key: 'addressPrefix', label: 'Prefix', type: 'text', check: (t) => checkAddressPrefix(t, false) },
  {
    key: 'nextHopType', label: 'Next hop', type: 'enum', options: routeSchema.shape.nextHopType.options,
    // Azure refuses a next hop address on any other next hop type.
    clears: (v) => (v === 'VirtualAppliance' ? [] : ['nextHopIpAddress']),
  },
  { key: 'nextHopIpAddress', label: 'Next hop IP', type: 'text', optional: true, check: checkNextHopIp },
];

/** A new rule: the first free priority (step 10) of inbound rules and a name not yet used. */
export function newNsgRule(rows: readonly Row[]): Row {
  const used = new Set(rows.filter((r) => r.direction === 'Inbound').map((r) => r.priority));
  let priority = NSG_PRIORITY.min;
  while (used.has(priority) && priority + 10 <= NSG_PRIORITY.max) priority += 10;
  return { name: freeName(rows, 'rule'), priority, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '443' };
}

export function newRoute(rows: readonly Row[]): Row {
  return { name: freeName(rows, 'route'), addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' };
}

/** `stem-N` for the first N from the row count up that no row's name uses (names compared without case). */
export function freeName(rows: readonly Row[], stem: string): string {
  const names = new Set(rows.map((r) => String(r.name).toLowerCase()));
  let n = rows.length + 1;
  while (names.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}
