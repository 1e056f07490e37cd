// Drift between a design (what should be deployed) and the design imported from Azure (what is deployed).
// Elements are matched by what identifies them in Azure (kind + name, subnets and gateways also by their
// VNet's name), never by design id: a hand-made design names its elements freely. Properties are compared
// only when both sides know them: an unset property in the design means "no opinion".
import type { Design, Element, Relation } from '../model/schema';
import { parentOf } from '../model/schema';
import type { ElementKind, RelationKind } from '../model/kinds';

export type DriftKind = 'missing' | 'extra' | 'changed';

export interface DriftItem {
  readonly kind: DriftKind;
  /** missing/changed: the design's element; extra: the imported element's id (not in the design). */
  readonly elementId?: string;
  /** missing/changed: the design's relation; extra: the imported relation's id. */
  readonly relationId?: string;
  readonly property?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  /** For extra items: the design element closest to where the extra thing lives (its VNet, its source). */
  readonly anchorElementId?: string;
  readonly message: string;
}

/** Kinds that exist only in Power Platform or on premises: Azure cannot tell whether they are deployed. */
// A VNet data gateway is kept by Power Platform, not ARM: Azure shows only its delegated subnet.
// A data policy (DLP) is a Power Platform tenant object.
const NOT_IN_AZURE: ReadonlySet<ElementKind> = new Set([
  'environment', 'connector', 'onPremises', 'vnetDataGateway', 'dataPolicy',
]);
const NOT_IN_AZURE_RELATIONS: ReadonlySet<RelationKind> = new Set([
  'policyLink', 'workload', 'connectorTarget', 'connectorSecret', 'gatewayConnection', 'dataGatewaySubnet', 'dataPolicyScope',
]);
/** Fields that are about the canvas, the document, or facts only IaC text has. */
const IGNORED_PROPERTIES: ReadonlySet<string> = new Set([
  'id', 'kind', 'name', 'description', 'position', 'size', 'parent', 'from', 'to',
  'subscriptionId', 'resourceGroup', 'tenantId', 'apiVersion', 'unresolvedSubnets',
]);

type Keyed = { key: string; element: Element };

/** Relations that only monitoring resources have: a service they alone reach is not one the import sees. */
const MONITORING_RELATIONS: ReadonlySet<RelationKind> = new Set(['flowLogStorage', 'diagnostics']);

function elementKeys(design: Design): Map<string, string> {
  const byId = new Map(design.elements.map((e) => [e.id, e]));
  const keys = new Map<string, string>();
  const seenOtherwise = new Set(design.relations.filter((r) => !MONITORING_RELATIONS.has(r.kind)).flatMap((r) => [r.from, r.to]));
  const monitoringOnly = new Set(design.relations.filter((r) => MONITORING_RELATIONS.has(r.kind)).flatMap((r) => [r.from, r.to]).filter((id) => !seenOtherwise.has(id)));
  for (const e of design.elements) {
    if (NOT_IN_AZURE.has(e.kind) || (e.kind === 'azureService' && monitoringOnly.has(e.id))) continue;
    const parent = parentOf(e);
    const parentName = parent === undefined ? '' : (byId.get(parent)?.name ?? `#${parent}`);
    keys.set(e.id, `${e.kind}|${parentName.toLowerCase()}|${e.name.toLowerCase()}`);
  }
  return keys;
}

function relationKey(r: Relation, keys: Map<string, string>): string | undefined {
  if (NOT_IN_AZURE_RELATIONS.has(r.kind)) return undefined;
  const from = keys.get(r.from);
  const to = keys.get(r.to);
  return from === undefined || to === undefined ? undefined : `${r.kind}|${from}|${to}`;
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalise);
    // Order carries no meaning in any array the model holds (address spaces, delegations, rules, routes).
    return items.map((i) => JSON.stringify(i)).sort().map((s) => JSON.parse(s) as unknown);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, normalise(v)]));
  }
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function changedProperties(expected: object, actual: object): { property: string; expected: unknown; actual: unknown }[] {
  const out: { property: string; expected: unknown; actual: unknown }[] = [];
  const act = actual as Record<string, unknown>;
  for (const [property, value] of Object.entries(expected)) {
    if (IGNORED_PROPERTIES.has(property) || value === undefined || act[property] === undefined) continue;
    if (!sameValue(value, act[property])) out.push({ property, expected: value, actual: act[property] });
  }
  return out;
}

/**
 * Compares a design with the design imported from Azure. Returns missing (in the design, not deployed),
 * extra (deployed, not in the design) and changed (deployed differently) items, in a stable order.
 */
export function compareDesigns(expected: Design, actual: Design): DriftItem[] {
  const items: DriftItem[] = [];
  const expKeys = elementKeys(expected);
  const actKeys = elementKeys(actual);
  const actByKey = new Map<string, Element>();
  for (const e of actual.elements) {
    const k = actKeys.get(e.id);
    if (k !== undefined) actByKey.set(k, e);
  }
  const expByKey = new Map<string, Keyed>();
  for (const e of expected.elements) {
    const k = expKeys.get(e.id);
    if (k !== undefined) expByKey.set(k, { key: k, element: e });
  }

  for (const { key, element } of expByKey.values()) {
    const live = actByKey.get(key);
    if (!live) {
      items.push({ kind: 'missing', elementId: element.id, message: `${element.kind} ${element.name} is in the design but not deployed.` });
      continue;
    }
    for (const c of changedProperties(element, live)) {
      items.push({
        kind: 'changed', elementId: element.id, ...c,
        message: `${element.kind} ${element.name}: ${c.property} is ${show(c.actual)} in Azure, the design says ${show(c.expected)}.`,
      });
    }
  }
  // Map actual element keys back to design ids, to anchor extra items next to what the design has.
  const expIdByKey = new Map([...expByKey.values()].map((k) => [k.key, k.element.id]));
  const actById = new Map(actual.elements.map((e) => [e.id, e]));
  for (const e of actual.elements) {
    const k = actKeys.get(e.id);
    if (k === undefined || expByKey.has(k)) continue;
    const parent = parentOf(e);
    const parentKey = parent === undefined ? undefined : actKeys.get(parent);
    const anchor = parentKey === undefined ? undefined : expIdByKey.get(parentKey);
    const where = parent === undefined ? '' : ` in ${actById.get(parent)?.name ?? parent}`;
    items.push({
      kind: 'extra', elementId: e.id, ...(anchor ? { anchorElementId: anchor } : {}),
      message: `${e.kind} ${e.name}${where} is deployed but not in the design.`,
    });
  }

  const actRelByKey = new Map<string, Relation>();
  for (const r of actual.relations) {
    const k = relationKey(r, actKeys);
    if (k !== undefined) actRelByKey.set(k, r);
  }
  const expRelKeys = new Set<string>();
  const nameIn = (d: Design, id: string) => d.elements.find((e) => e.id === id)?.name ?? id;
  for (const r of expected.relations) {
    const k = relationKey(r, expKeys);
    if (k === undefined) continue;
    expRelKeys.add(k);
    // A relation whose endpoint is missing is covered by the missing element.
    if (!actByKey.has(expKeys.get(r.from)!) || !actByKey.has(expKeys.get(r.to)!)) continue;
    const live = actRelByKey.get(k);
    const label = `${r.kind} ${nameIn(expected, r.from)} → ${nameIn(expected, r.to)}`;
    if (!live) {
      items.push({ kind: 'missing', relationId: r.id, message: `${label} is in the design but not deployed.` });
      continue;
    }
    for (const c of changedProperties(r, live)) {
      items.push({ kind: 'changed', relationId: r.id, ...c, message: `${label}: ${c.property} is ${show(c.actual)} in Azure, the design says ${show(c.expected)}.` });
    }
  }
  for (const r of actual.relations) {
    const k = relationKey(r, actKeys);
    if (k === undefined || expRelKeys.has(k)) continue;
    const fromKey = actKeys.get(r.from)!;
    const toKey = actKeys.get(r.to)!;
    // Relations of extra elements are covered by the extra element.
    if (!expByKey.has(fromKey) || !expByKey.has(toKey)) continue;
    items.push({
      kind: 'extra', relationId: r.id, anchorElementId: expIdByKey.get(fromKey)!,
      message: `${r.kind} ${nameIn(actual, r.from)} → ${nameIn(actual, r.to)} is deployed but not in the design.`,
    });
  }
  const order: Record<DriftKind, number> = { missing: 0, changed: 1, extra: 2 };
  return items.sort((a, b) => order[a.kind] - order[b.kind]
    || (a.elementId ?? a.relationId ?? '').localeCompare(b.elementId ?? b.relationId ?? '')
    || (a.property ?? '').localeCompare(b.property ?? ''));
}
