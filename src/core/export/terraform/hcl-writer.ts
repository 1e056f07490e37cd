// A small HCL emitter whose output is already in `terraform fmt` canonical layout: two-space indentation,
// and the `=` of consecutive single-line attributes aligned one space past the longest name. As in
// hclwrite, a line that opens a multi-line value, a nested block, a comment or a blank line ends the run.

/** An HCL value: string literal, number, bool, raw expression, tuple, or object (ordered keys). */
export type HclValue = string | number | boolean | HclRaw | readonly HclValue[] | HclObject;
export interface HclRaw { readonly raw: string }
export interface HclObject { readonly entries: readonly (readonly [string, HclValue | undefined])[] }

/** A raw HCL expression (reference, function call, template), written as is. */
export const raw = (text: string): HclRaw => ({ raw: text });
/** An object constructor; undefined entries are dropped, order is kept. */
export const hobj = (...entries: (readonly [string, HclValue | undefined])[]): HclObject => ({ entries });

export type HclItem =
  | { readonly kind: 'attr'; readonly name: string; readonly value: HclValue }
  | { readonly kind: 'block'; readonly type: string; readonly labels: readonly string[]; readonly body: readonly HclItem[] }
  | { readonly kind: 'comment'; readonly text: string }
  | { readonly kind: 'blank' };

/** An attribute, or nothing when the value is undefined (optional design properties). */
export function attr(name: string, value: HclValue | undefined): HclItem[] {
  return value === undefined ? [] : [{ kind: 'attr', name, value }];
}
export function block(type: string, labels: readonly string[], body: readonly (HclItem | HclItem[])[]): HclItem {
  return { kind: 'block', type, labels, body: body.flat() };
}
export const comment = (text: string): HclItem => ({ kind: 'comment', text });
export const blank: HclItem = { kind: 'blank' };

/** A double-quoted HCL string; `${` and `%{` are escaped so names are never read as templates. */
export function hclString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{')}"`;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const INLINE_TUPLE_LIMIT = 100;

function isRaw(v: HclValue): v is HclRaw {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'raw' in v;
}
function isObject(v: HclValue): v is HclObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'entries' in v;
}
function isScalar(v: HclValue): boolean {
  return typeof v !== 'object' || isRaw(v);
}

/** Renders a value whose continuation lines are indented at `indent`; single-line when it can be. */
export function renderHclValue(v: HclValue, indent: string): string {
  if (typeof v === 'string') return hclString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isRaw(v)) return v.raw;
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every(isScalar)) {
      const oneLine = `[${v.map((x) => renderHclValue(x, inner)).join(', ')}]`;
      if (oneLine.length <= INLINE_TUPLE_LIMIT) return oneLine;
    }
    return `[\n${v.map((x) => `${inner}${renderHclValue(x, inner)},`).join('\n')}\n${indent}]`;
  }
  if (isObject(v)) {
    const items = v.entries
      .filter((e): e is readonly [string, HclValue] => e[1] !== undefined)
      .map(([k, val]): HclItem => ({ kind: 'attr', name: IDENT.test(k) ? k : hclString(k), value: val }));
    if (items.length === 0) return '{}';
    return `{\n${renderBody(items, inner).join('\n')}\n${indent}}`;
  }
  throw new Error('unreachable HCL value');
}

/** The lines of a body at `indent`, with fmt's alignment of consecutive single-line attributes. */
export function renderBody(items: readonly HclItem[], indent: string): string[] {
  const lines: string[] = [];
  let run: { name: string; value: string }[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((r) => r.name.length));
    for (const r of run) lines.push(`${indent}${r.name.padEnd(width)} = ${r.value}`);
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'attr') {
      const value = renderHclValue(item.value, indent);
      if (!value.includes('\n')) {
        run.push({ name: item.name, value });
        continue;
      }
      flush();
      lines.push(`${indent}${item.name} = ${value}`);
      continue;
    }
    flush();
    if (item.kind === 'blank') lines.push('');
    else if (item.kind === 'comment') lines.push(...item.text.split('\n').map((l) => (l === '' ? `${indent}#` : `${indent}# ${l}`)));
    else {
      const head = [item.type, ...item.labels.map(hclString)].join(' ');
      lines.push(item.body.length === 0 ? `${indent}${head} {}` : `${indent}${head} {`);
      if (item.body.length > 0) {
        lines.push(...renderBody(item.body, indent + '  '));
        lines.push(`${indent}}`);
      }
    }
  }
  flush();
  return lines;
}

/** A whole file: top-level items (blocks and comments), with one blank line after every block. */
export function renderHclFile(items: readonly HclItem[]): string {
  const spaced: HclItem[] = [];
  items.forEach((item, i) => {
    if (i > 0 && items[i - 1]!.kind === 'block' && item.kind !== 'blank') spaced.push(blank);
    spaced.push(item);
  });
  return `${renderBody(spaced, '').join('\n')}\n`;
}
