// A tiny Bicep text writer: values (literals, expressions, objects, arrays) rendered multi-line with
// two-space indentation the way `bicep format` lays them out, and statements joined by blank lines.

/** A Bicep value: a string literal, number, boolean, raw expression, array or object (ordered keys). */
export type BicepValue = string | number | boolean | BicepExpr | readonly BicepValue[] | BicepObject;
export interface BicepExpr { readonly expr: string }
export interface BicepObject { readonly entries: readonly (readonly [string, BicepValue | undefined])[] }

/** A raw Bicep expression, written as is (symbol references, function calls). */
export const expr = (text: string): BicepExpr => ({ expr: text });

/** An object whose undefined entries are dropped, keeping the order given. */
export function obj(...entries: (readonly [string, BicepValue | undefined])[]): BicepObject {
  return { entries };
}

/** A single-quoted Bicep string literal; `${` is escaped so names never turn into interpolations. */
export function bicepString(text: string): string {
  return `'${text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '\\${')}'`;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function key(name: string): string {
  return IDENT.test(name) ? name : bicepString(name);
}

function isExpr(v: BicepValue): v is BicepExpr {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'expr' in v;
}
function isObject(v: BicepValue): v is BicepObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'entries' in v;
}

/** Renders a value; nested lines are indented relative to `indent`. */
export function renderValue(v: BicepValue, indent = ''): string {
  if (typeof v === 'string') return bicepString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isExpr(v)) return v.expr;
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((item) => inner + renderValue(item, inner)).join('\n')}\n${indent}]`;
  }
  if (isObject(v)) {
    const present = v.entries.filter((e): e is readonly [string, BicepValue] => e[1] !== undefined);
    if (present.length === 0) return '{}';
    return `{\n${present.map(([k, val]) => `${inner}${key(k)}: ${renderValue(val, inner)}`).join('\n')}\n${indent}}`;
  }
  throw new Error('unreachable bicep value');
}

/** `// text` comment lines, wrapped by the caller; empty text gives an empty comment line. */
export function comments(...lines: string[]): string {
  return lines.flatMap((l) => l.split(/\r?\n|\r/)).map((l) => (l === '' ? '//' : `// ${l}`)).join('\n');
}

export function resource(symbol: string, typeAndVersion: string, body: BicepObject, options: { existing?: boolean; lead?: string } = {}): string {
  const head = `resource ${symbol} '${typeAndVersion}'${options.existing ? ' existing' : ''} = ${renderValue(body)}`;
  return options.lead ? `${options.lead}\n${head}` : head;
}

/** A module call: `path` is a relative .bicep file the export writes beside main.bicep. */
export function moduleCall(symbol: string, path: string, body: BicepObject, options: { lead?: string } = {}): string {
  const head = `module ${symbol} ${bicepString(path)} = ${renderValue(body)}`;
  return options.lead ? `${options.lead}\n${head}` : head;
}

export function param(symbol: string, type: string, description: string, defaultValue?: BicepValue, decorators: readonly string[] = []): string {
  const lines = [...decorators, `@description(${bicepString(description)})`];
  lines.push(`param ${symbol} ${type}${defaultValue === undefined ? '' : ` = ${renderValue(defaultValue)}`}`);
  return lines.join('\n');
}

export function output(symbol: string, type: string, value: BicepValue, description: string): string {
  return `@description(${bicepString(description)})\noutput ${symbol} ${type} = ${renderValue(value)}`;
}
