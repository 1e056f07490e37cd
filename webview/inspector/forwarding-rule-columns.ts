// The DNS forwarding ruleset's rule table: each rule is one row whose targets are edited as one
// "ip[:port], …" cell, turned back into the document's target list only when every entry is valid.
import { parseIpv4 } from '../../src/core/net/cidr';
import type { ForwardingRule } from '../../src/core/model/schema';
import { checkName, freeName, type Column, type Row } from './rule-columns';

type Target = ForwardingRule['targetDnsServers'][number];

const STATES = ['Enabled', 'Disabled'] as const;

/** The targets of a cell, or why the cell is not a list of IPv4 addresses with optional ports. */
export function parseTargets(text: string): { ok: true; targets: Target[] } | { ok: false; error: string } {
  const items = text.split(/[,\s]+/).filter((s) => s !== '');
  if (items.length === 0) return { ok: false, error: 'A rule needs at least one target DNS server, e.g. 192.168.1.4:53.' };
  const targets: Target[] = [];
  for (const item of items) {
    const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(item);
    const port = m?.[2] === undefined ? undefined : Number(m[2]);
    if (!m || parseIpv4(m[1]!) === undefined) return { ok: false, error: `'${item}' is not an IPv4 address with an optional port, like 192.168.1.4:53.` };
    if (port !== undefined && (port < 1 || port > 65535)) return { ok: false, error: `Port ${port} of '${item}' is outside 1–65535.` };
    targets.push(port === undefined ? { ipAddress: m[1]! } : { ipAddress: m[1]!, port });
  }
  return { ok: true, targets };
}

export function formatTargets(targets: readonly Target[]): string {
  return targets.map((t) => (t.port === undefined ? t.ipAddress : `${t.ipAddress}:${t.port}`)).join(', ');
}

/** A domain name of one or more labels, as Azure takes it (the trailing dot optional here). */
export function checkDomainName(text: string): string | undefined {
  const t = text.trim().replace(/\.$/, '');
  if (t === '') return 'A domain name is required, e.g. contoso.local.';
  return /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(t)
    ? undefined : `'${text}' is not a domain name like contoso.local.`;
}

export const FORWARDING_RULE_COLUMNS: readonly Column[] = [
  { key: 'name', label: 'Name', type: 'text', check: checkName },
  { key: 'domainName', label: 'Domain', type: 'text', check: checkDomainName },
  { key: 'targets', label: 'Target DNS servers', type: 'text', check: (t) => { const r = parseTargets(t); return r.ok ? undefined : r.error; } },
  { key: 'state', label: 'State', type: 'enum', options: STATES },
];

export function rulesToRows(rules: readonly ForwardingRule[]): Row[] {
  return rules.map((r) => ({ name: r.name, domainName: r.domainName, targets: formatTargets(r.targetDnsServers), state: r.enabled === false ? 'Disabled' : 'Enabled' }));
}

/** The rules of the table's rows; a row whose targets do not parse keeps none rather than inventing any. */
export function rowsToRules(rows: readonly Row[]): ForwardingRule[] {
  return rows.map((row) => {
    const parsed = parseTargets(String(row.targets ?? ''));
    return {
      name: String(row.name),
      domainName: String(row.domainName),
      targetDnsServers: parsed.ok ? parsed.targets : [],
      ...(row.state === 'Disabled' ? { enabled: false } : {}),
    };
  });
}

/** A new rule with a name not yet used: an on-premises domain forwarded to a DNS server on port 53. */
export function newForwardingRow(rows: readonly Row[]): Row {
  return { name: freeName(rows, 'rule'), domainName: 'contoso.local.', targets: '192.168.0.4:53', state: 'Enabled' };
}
