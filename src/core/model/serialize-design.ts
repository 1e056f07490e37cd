// Canonical text of a design: stable key order, 2-space indent, short leaf objects on one line, one
// relation per line, trailing newline. The same design always gives the same bytes, so git diffs stay small.
import {
  DESIGN_KEY_ORDER, ELEMENT_KEY_ORDER, RELATION_KEY_ORDER, firewallRuleCollectionGroupSchema, nsgRuleSchema, routeSchema, type Design,
} from './schema';

const NESTED_ORDER: Readonly<Record<string, readonly string[]>> = {
  rules: Object.keys(nsgRuleSchema.shape),
  routes: Object.keys(routeSchema.shape),
  ruleCollectionGroups: Object.keys(firewallRuleCollectionGroupSchema.shape),
  ruleCollections: ['name', 'priority', 'action', 'ruleType', 'rules'],
  protocols: ['protocolType', 'port'],
  unresolvedSubnets: ['vnet', 'subnet'],
  position: ['x', 'y'],
  size: ['width', 'height'],
};

const INLINE_LIMIT = 100;

export function serializeDesign(design: Design): string {
  return write(design, 0, DESIGN_KEY_ORDER, 'root') + '\n';
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function orderedKeys(obj: Record<string, unknown>, order: readonly string[] | undefined): string[] {
  const present = Object.keys(obj).filter((k) => obj[k] !== undefined);
  if (!order) return present.sort();
  const known = order.filter((k) => present.includes(k));
  const rest = present.filter((k) => !order.includes(k)).sort();
  return [...known, ...rest];
}

function inline(value: unknown, order: readonly string[] | undefined): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.some((v) => v !== null && typeof v === 'object')) return undefined;
    return value.length === 0 ? '[]' : `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = orderedKeys(obj, order);
  if (keys.some((k) => obj[k] !== null && typeof obj[k] === 'object' && !(Array.isArray(obj[k]) && (obj[k] as unknown[]).length === 0))) return undefined;
  return keys.length === 0 ? '{}' : `{ ${keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(obj[k])}`).join(', ')} }`;
}

/** `context` says where the value sits, which decides key order and whether it may stay on one line. */
function write(value: unknown, depth: number, order: readonly string[] | undefined, context: string): string {
  const pad = '  '.repeat(depth + 1);
  const close = '  '.repeat(depth);
  if (context !== 'element' && context !== 'root') {
    const one = inline(value, order);
    if (one !== undefined && one.length + depth * 2 <= INLINE_LIMIT) return one;
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const itemContext = context === 'elements' ? 'element' : context === 'relations' ? 'relation' : context;
    const items = value.map((v) => {
      const o = v as Record<string, unknown>;
      const itemOrder = itemContext === 'element' ? ELEMENT_KEY_ORDER[o.kind as string]
        : itemContext === 'relation' ? RELATION_KEY_ORDER[o.kind as string]
          : NESTED_ORDER[context];
      return pad + write(v, depth + 1, itemOrder, itemContext);
    });
    return `[\n${items.join(',\n')}\n${close}]`;
  }
  const obj = value as Record<string, Json>;
  const keys = orderedKeys(obj, order);
  if (keys.length === 0) return '{}';
  const body = keys.map((k) => `${pad}${JSON.stringify(k)}: ${write(obj[k], depth + 1, NESTED_ORDER[k], k)}`);
  return `{\n${body.join(',\n')}\n${close}}`;
}
