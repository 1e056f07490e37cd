// Statically evaluated IaC values (Bicep and Terraform alike), each with where it was written and, when it
// came from another resource (`vnet.id`, `azurerm_subnet.a.name`), which resource: readers resolve
// relations through that provenance instead of guessing from names.
import type { SourceLocation } from '../model/source-range';

/** Provenance: the value is (part of) resource `target`'s attribute `path`, followed by literal `suffix`. */
export interface ValueRef {
  readonly target: string;
  readonly path: readonly (string | number)[];
  readonly suffix?: string;
}

interface Base {
  readonly at: SourceLocation;
  readonly ref?: ValueRef;
}

export interface Prop {
  readonly value: Value;
  /** Where the key is written (the whole `key: value` pair). */
  readonly at: SourceLocation;
}

export type Value =
  | (Base & { readonly t: 'str'; readonly v: string })
  | (Base & { readonly t: 'num'; readonly v: number })
  | (Base & { readonly t: 'bool'; readonly v: boolean })
  | (Base & { readonly t: 'null' })
  | (Base & { readonly t: 'arr'; readonly items: readonly Value[] })
  | (Base & { readonly t: 'obj'; readonly props: ReadonlyMap<string, Prop> })
  /** Anything not statically known: a parameter without default, a function we do not model, a computed id. */
  | (Base & { readonly t: 'unknown' });

export type ObjValue = Extract<Value, { t: 'obj' }>;

export function unknownAt(at: SourceLocation, ref?: ValueRef): Value {
  return ref ? { t: 'unknown', at, ref } : { t: 'unknown', at };
}

/** Walks object keys (case-insensitive, as ARM property names are) and array indexes. */
export function member(v: Value | undefined, ...path: readonly (string | number)[]): Value | undefined {
  let cur = v;
  for (const key of path) {
    if (!cur) return undefined;
    if (typeof key === 'number') cur = cur.t === 'arr' ? cur.items[key] : undefined;
    else cur = cur.t === 'obj' ? propOf(cur, key)?.value : undefined;
  }
  return cur;
}

/** The property (value and key location) of an object, matching the key case-insensitively. */
export function propOf(obj: Value | undefined, key: string): Prop | undefined {
  if (!obj || obj.t !== 'obj') return undefined;
  const exact = obj.props.get(key);
  if (exact) return exact;
  const lower = key.toLowerCase();
  for (const [k, p] of obj.props) if (k.toLowerCase() === lower) return p;
  return undefined;
}

export function str(v: Value | undefined): string | undefined {
  return v?.t === 'str' ? v.v : undefined;
}

export function num(v: Value | undefined): number | undefined {
  return v?.t === 'num' ? v.v : undefined;
}

export function bool(v: Value | undefined): boolean | undefined {
  return v?.t === 'bool' ? v.v : undefined;
}

export function items(v: Value | undefined): readonly Value[] | undefined {
  return v?.t === 'arr' ? v.items : undefined;
}

/** A list of strings, or undefined when the list or any item is not statically known. */
export function strings(v: Value | undefined): string[] | undefined {
  const list = items(v);
  if (!list) return undefined;
  const out: string[] = [];
  for (const item of list) {
    if (item.t !== 'str') return undefined;
    out.push(item.v);
  }
  return out;
}

/** Re-tags a value as coming from `ref` (keeps an existing, more specific provenance). */
export function withRef(v: Value, ref: ValueRef): Value {
  return v.ref ? v : { ...v, ref };
}

/**
 * Member access that keeps provenance: reading `vnet.properties.subnets[0].id` from a resource yields the
 * value written there (or unknown) tagged with the resource and the path walked.
 */
export function access(v: Value, key: string | number, at: SourceLocation): Value {
  const childRef = v.ref && v.ref.suffix === undefined ? { target: v.ref.target, path: [...v.ref.path, key] } : undefined;
  if (v.t === 'unknown') return unknownAt(at, childRef);
  const found = typeof key === 'number' ? (v.t === 'arr' ? v.items[key] : undefined) : propOf(v, key)?.value;
  if (!found) return unknownAt(at, childRef);
  if (found.t === 'unknown' && found.ref) return found;
  return childRef ? { ...found, ref: childRef } : found;
}
