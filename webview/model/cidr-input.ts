// What the inspector's address fields accept while the user types: one CIDR, or a comma/newline separated
// list, IPv4 or IPv6 (dual-stack). Invalid text shows the strict parser's message and is never sent as an edit.
import { parseAddressPrefix } from '../../src/core/net/address-prefix';

export type FieldCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** One CIDR block; empty clears the property (undefined = unknown in the design). */
export function checkCidrField(text: string, required = false): FieldCheck<string | undefined> {
  if (text.trim() === '') return required ? { ok: false, error: 'An address prefix is required.' } : { ok: true, value: undefined };
  const r = parseAddressPrefix(text.trim());
  return r.ok ? { ok: true, value: r.cidr.text } : { ok: false, error: r.error };
}

export function splitList(text: string): string[] {
  return text.split(/[\n,]+/).map((s) => s.trim()).filter((s) => s !== '');
}

/** A list of CIDR blocks; the first bad entry is reported with its position in the list. */
export function checkCidrList(text: string): FieldCheck<string[] | undefined> {
  const items = splitList(text);
  if (items.length === 0) return { ok: true, value: undefined };
  for (const [i, item] of items.entries()) {
    const r = parseAddressPrefix(item);
    if (!r.ok) return { ok: false, error: `Entry ${i + 1}: ${r.error}` };
  }
  return { ok: true, value: items };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** DNS server addresses: plain IPv4 addresses. */
export function checkIpList(text: string): FieldCheck<string[] | undefined> {
  const items = splitList(text);
  if (items.length === 0) return { ok: true, value: undefined };
  const bad = items.findIndex((s) => !IPV4.test(s));
  if (bad >= 0) return { ok: false, error: `Entry ${bad + 1}: '${items[bad]}' is not an IPv4 address like 10.0.0.4` };
  return { ok: true, value: items };
}
