// Before → after text of a property change as a reviewer reads it: lists comma-separated, CIDR blocks with
// how their size moved, lists of plain values with the entries that came and went.
import { tryCidr } from '../net/cidr';
import type { PropertyChange } from './design-diff';

/**
 * A value as a reviewer reads it: lists comma-separated, objects as compact JSON, absent as "(none)". A
 * changed CIDR block also says how its size moved, since /24 → /25 halves the addresses a subnet offers.
 */
export function formatValue(v: unknown): string {
  if (v === undefined) return '(none)';
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.length === 0 ? '[]' : v.map(String).join(', ');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function formatChange(p: PropertyChange): string {
  const arrow = `${formatValue(p.before)} → ${formatValue(p.after)}`;
  const a = typeof p.before === 'string' ? tryCidr(p.before) : undefined;
  const b = typeof p.after === 'string' ? tryCidr(p.after) : undefined;
  if (a && b && a.size !== b.size) return `${arrow} (${count(a.size)} → ${count(b.size)} addresses)`;
  const listNote = listDelta(p.before, p.after);
  return listNote ? `${arrow} (${listNote})` : arrow;
}

/** For lists of plain values (address spaces, delegations, DNS servers): which entries came and went. */
function listDelta(before: unknown, after: unknown): string | undefined {
  const plain = (v: unknown): v is readonly (string | number | boolean)[] => Array.isArray(v) && v.every((x) => typeof x !== 'object');
  if (!plain(before) || !plain(after)) return undefined;
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  if (added.length === 0 && removed.length === 0) return 'reordered';
  return [added.length > 0 && `added ${added.join(', ')}`, removed.length > 0 && `removed ${removed.join(', ')}`].filter(Boolean).join('; ');
}

const count = (n: number) => n.toLocaleString('en-US');
