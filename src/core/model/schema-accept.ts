// A fast, accept-only form of a zod schema, compiled once from the schema's own definition: for a JSON value
// (what JSON.parse returns) it returns what zod's parse returns (the same values, keys in the schema's order;
// the input itself where that is equal), or REJECTED. The loader
// runs it first and asks zod only when it rejects, so zod still writes every error message, and the schema
// stays the one source of truth. A schema using a feature this file does not know is not compiled at all.
import type { z } from 'zod';
import { firstUnsafeCharacter } from './unsafe-characters';

export const REJECTED: unique symbol = Symbol('rejected');

/** Returns zod's output for `value`, or REJECTED if zod would report an issue. */
export type Accept = (value: unknown) => unknown;

/** Custom checks the compiler may run itself: each maps to a predicate equal to the refinement's "no issue". */
const KNOWN_CHECKS = new WeakMap<object, (value: string) => boolean>();

/** Declares that the custom check `check` (a zod check instance) reports an issue exactly when a name has an unsafe character. */
export function registerSafeTextCheck(check: object): void {
  KNOWN_CHECKS.set(check, (text) => firstUnsafeCharacter(text) === undefined);
}

class Unsupported extends Error {}

interface Def {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly [key: string]: unknown;
}

interface CheckDef {
  readonly check: string;
  readonly [key: string]: unknown;
}

type Schema = z.core.$ZodType;

function defOf(schema: Schema): Def {
  return schema._zod.def as unknown as Def;
}

/** The compiled schema, or undefined when it uses something the compiler does not cover (zod then does all). */
export function compileAccept(schema: Schema): Accept | undefined {
  try {
    return compile(schema);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function compile(schema: Schema): Accept {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': return compileString(def);
    case 'number': return compileNumber(def);
    case 'boolean':
      noChecks(def);
      return (v) => (typeof v === 'boolean' ? v : REJECTED);
    case 'literal': {
      noChecks(def);
      const values = def.values as readonly unknown[];
      return (v) => (values.includes(v) ? v : REJECTED);
    }
    case 'enum': {
      noChecks(def);
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v) => (values.has(v) ? v : REJECTED);
    }
    case 'array': return compileArray(def);
    case 'object': return compileObject(def);
    case 'union': return compileUnion(def);
    default: throw new Unsupported(def.type);
  }
}

function noChecks(def: Def): void {
  if (def.checks && def.checks.length > 0) throw new Unsupported(`checks on ${def.type}`);
}

function compileString(def: Def): Accept {
  let min = 0;
  let max = Infinity;
  const patterns: RegExp[] = [];
  const predicates: ((value: string) => boolean)[] = [];
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    // zod's length checks carry a condition that only skips values without a length: never a string.
    if (c.when !== undefined && c.check !== 'min_length' && c.check !== 'max_length') throw new Unsupported('conditional check');
    if (c.check === 'min_length') min = Math.max(min, c.minimum as number);
    else if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
    else if (c.check === 'string_format' && c.format === 'regex' && !(c.pattern as RegExp).global && !(c.pattern as RegExp).sticky) patterns.push(c.pattern as RegExp);
    else if (c.check === 'custom' && KNOWN_CHECKS.has(check)) predicates.push(KNOWN_CHECKS.get(check)!);
    else throw new Unsupported(`string check ${c.check}`);
  }
  return (v) => {
    if (typeof v !== 'string' || v.length < min || v.length > max) return REJECTED;
    for (let i = 0; i < patterns.length; i++) if (!patterns[i]!.test(v)) return REJECTED;
    for (let i = 0; i < predicates.length; i++) if (!predicates[i]!(v)) return REJECTED;
    return v;
  };
}

function compileNumber(def: Def): Accept {
  let integer = false;
  const lower: [value: number, inclusive: boolean][] = [];
  const upper: [value: number, inclusive: boolean][] = [];
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.when !== undefined) throw new Unsupported('conditional check');
    if (c.check === 'number_format' && c.format === 'safeint') integer = true;
    else if (c.check === 'greater_than') lower.push([c.value as number, c.inclusive as boolean]);
    else if (c.check === 'less_than') upper.push([c.value as number, c.inclusive as boolean]);
    else throw new Unsupported(`number check ${c.check}`);
  }
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return REJECTED;
    if (integer && !Number.isSafeInteger(v)) return REJECTED;
    for (const [bound, inclusive] of lower) if (inclusive ? v < bound : v <= bound) return REJECTED;
    for (const [bound, inclusive] of upper) if (inclusive ? v > bound : v >= bound) return REJECTED;
    return v;
  };
}

function compileArray(def: Def): Accept {
  noChecks(def);
  const element = compile(def.element as Schema);
  return (v) => {
    if (!Array.isArray(v)) return REJECTED;
    // zod returns a new array; the input is returned instead when every entry comes back as it went in.
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      const r = element(item);
      if (r === REJECTED) return REJECTED;
      if (r !== item) (out ??= v.slice(0, i))[i] = r;
      else if (out) out[i] = r;
    }
    return out ?? v;
  };
}

interface Field {
  readonly key: string;
  readonly optional: boolean;
  readonly accept: Accept;
}

function compileObject(def: Def): Accept {
  noChecks(def);
  const catchall = def.catchall as Schema | undefined;
  // Only strict objects: a plain z.object strips unknown keys, which this compiler does not do.
  if (!catchall || defOf(catchall).type !== 'never') throw new Unsupported('non-strict object');
  const fields: Field[] = Object.entries(def.shape as Record<string, Schema>).map(([key, s]) => {
    if (key in Object.prototype) throw new Unsupported(`key ${key}`);
    const d = defOf(s);
    if (d.type === 'optional') return { key, optional: true, accept: compile(d.innerType as Schema) };
    return { key, optional: false, accept: compile(s) };
  });
  const keys = fields.map((f) => f.key);
  const known = new Set(keys);
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return REJECTED;
    const input = v as Record<string, unknown>;
    // Every key must be in the shape (strict). zod's output has the shape's key order: the input can be the
    // output only if its keys come in that order (a serialized design's do).
    let inOrder = true;
    let next = 0;
    for (const k in input) {
      let j = next;
      while (j < keys.length && keys[j] !== k) j++;
      if (j < keys.length) next = j + 1;
      else if (known.has(k)) inOrder = false;
      else return REJECTED;
    }
    let out: Record<string, unknown> | undefined = inOrder ? undefined : {};
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      const value = input[f.key];
      if (value === undefined) {
        if (!f.optional) return REJECTED;
        continue;
      }
      const r = f.accept(value);
      if (r === REJECTED) return REJECTED;
      if (out) out[f.key] = r;
      else if (r !== value) {
        // The first field whose value changed: the fields before it are copied as they are.
        out = {};
        for (let j = 0; j < i; j++) {
          const w = input[fields[j]!.key];
          if (w !== undefined) out[fields[j]!.key] = w;
        }
        out[f.key] = r;
      }
    }
    return out ?? input;
  };
}

function compileUnion(def: Def): Accept {
  const discriminator = def.discriminator as string | undefined;
  // Only discriminated unions: zod parses the one option whose literal matches, which is what this does.
  if (discriminator === undefined) throw new Unsupported('union');
  const byValue = new Map<unknown, Accept>();
  for (const option of def.options as Schema[]) {
    const d = defOf(option);
    const tag = d.type === 'object' ? (d.shape as Record<string, Schema>)[discriminator] : undefined;
    const tagDef = tag && defOf(tag);
    if (!tagDef || tagDef.type !== 'literal') throw new Unsupported('discriminator');
    const accept = compile(option);
    for (const value of tagDef.values as unknown[]) {
      if (byValue.has(value)) throw new Unsupported('ambiguous discriminator');
      byValue.set(value, accept);
    }
  }
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return REJECTED;
    const accept = byValue.get((v as Record<string, unknown>)[discriminator]);
    return accept ? accept(v) : REJECTED;
  };
}
