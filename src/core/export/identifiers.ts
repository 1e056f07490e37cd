// Turns element ids and names into identifiers that are valid, readable and unique in one generated
// file: camelCase for Bicep symbols, snake_case for Terraform labels and variables.

export type IdentifierCase = 'camel' | 'snake';

/** Words a symbol may not be, per language; a clash gets a suffix. */
const RESERVED: Readonly<Record<IdentifierCase, ReadonlySet<string>>> = {
  camel: new Set([
    'metadata', 'param', 'var', 'resource', 'module', 'output', 'existing', 'targetScope', 'import', 'using', 'type',
    'func', 'assert', 'extension', 'if', 'for', 'in', 'true', 'false', 'null', 'az', 'sys', 'with', 'as', 'from',
  ]),
  snake: new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'providers', 'locals', 'source', 'version', 'true', 'false', 'null']),
};

/** Splits on anything that is not a letter or digit, and on lower→upper case changes. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/** A valid identifier for `text` in the given case (not yet unique). */
export function toIdentifier(text: string, style: IdentifierCase): string {
  const parts = words(text);
  if (parts.length === 0) parts.push('item');
  let out = style === 'camel'
    ? parts[0] + parts.slice(1).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('')
    : parts.join('_');
  if (/^[0-9]/.test(out)) out = (style === 'camel' ? 'n' : 'n_') + out;
  return out;
}

/**
 * Hands out unique identifiers. Callers ask in a stable order (sorted by element id), so the same design
 * always gets the same names; a clash is resolved with a numeric suffix.
 */
export class IdentifierPool {
  private readonly used = new Set<string>();
  constructor(private readonly style: IdentifierCase, reserved: readonly string[] = []) {
    for (const r of RESERVED[style]) this.used.add(r.toLowerCase());
    for (const r of reserved) this.used.add(r.toLowerCase());
  }

  /** A fresh identifier built from `parts` (e.g. an element id plus a role such as "pip"). */
  take(...parts: string[]): string {
    const base = toIdentifier(parts.join(' '), this.style);
    let candidate = base;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${base}${this.style === 'snake' ? '_' : ''}${n}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}
