// Accumulates the design an IaC reader derives: elements and relations with unique ids, where each was
// written (the source map behind the Locator), and reference resolution from evaluated values to elements.
import { fitId } from '../model/fit-id';
import type { ElementKind, RelationKind } from '../model/kinds';
import type { Design, Element, Relation } from '../model/schema';
import type { SourceLocation } from '../model/source-range';
import { markNameUnresolved, markReadFromIac } from '../model/unresolved-name';
import type { DesignRef, Locator } from '../rules/rule';
import { idPart, type IacDiagnostic } from './iac-resource';
import { propOf, type Prop, type Value } from './iac-value';

/**
 * Where each element, relation and property read from IaC is written. Besides design properties it keeps
 * `$extent` (the whole declaration) and `$properties` (an ARM `properties` object) for quick fixes.
 */
export class SourceMap {
  private readonly map = new Map<string, SourceLocation>();
  /** How the IaC refers to an element or relation's resource (`azurerm_subnet.pp["weu"]`, `vnet`). */
  readonly addresses = new Map<string, string>();

  set(ref: DesignRef, at: SourceLocation | undefined): void {
    if (at) this.map.set(keyOf(ref), at);
  }

  get(ref: DesignRef): SourceLocation | undefined {
    return this.map.get(keyOf(ref)) ?? (ref.property ? this.map.get(keyOf({ ...ref, property: undefined })) : undefined);
  }

  /** Whether exactly this reference (no fallback to its element) has a location. */
  has(ref: DesignRef): boolean {
    return this.map.has(keyOf(ref));
  }

  /** Every file that contributed something, for callers that publish per file. */
  files(): Set<string> {
    return new Set([...this.map.values()].map((l) => l.file));
  }

  readonly locate: Locator = (ref) => this.get(ref);
}

function keyOf(ref: DesignRef): string {
  const head = ref.elementId !== undefined ? `e:${ref.elementId}` : `r:${ref.relationId ?? ''}`;
  return ref.property ? `${head}#${ref.property}` : head;
}

/** The result of reading Bicep or Terraform: the design the rules judge, and where everything is written. */
export interface IacReadResult {
  readonly design: Design;
  readonly sourceMap: SourceMap;
  readonly locate: Locator;
  readonly diagnostics: readonly IacDiagnostic[];
  /** The files the read took in (entry, modules, parameter files), as the host names them; set by iac-inputs. */
  readonly sources?: readonly string[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type Draft = Mutable<Element> & Record<string, unknown>;

/** A property as read: its value (if known) and where it is written. */
export interface Read<T> {
  readonly value: T | undefined;
  readonly at: SourceLocation | undefined;
}

/** By lower-cased ARM type, as an id names it; a Map, since the id is the file's text. */
const ARM_KIND = new Map<string, ElementKind>([
  ['microsoft.network/virtualnetworks', 'vnet'],
  ['microsoft.network/virtualnetworks/subnets', 'subnet'],
  ['microsoft.network/natgateways', 'natGateway'],
  ['microsoft.network/networksecuritygroups', 'nsg'],
  ['microsoft.network/routetables', 'routeTable'],
  ['microsoft.network/privateendpoints', 'privateEndpoint'],
  ['microsoft.network/privatednszones', 'privateDnsZone'],
  ['microsoft.network/localnetworkgateways', 'onPremises'],
  ['microsoft.network/dnsresolvers', 'dnsResolver'],
  ['microsoft.network/dnsforwardingrulesets', 'dnsForwardingRuleset'],
  ['microsoft.powerplatform/enterprisepolicies', 'enterprisePolicy'],
  ['microsoft.keyvault/vaults', 'azureService'],
  ['microsoft.sql/servers', 'azureService'],
  ['microsoft.storage/storageaccounts', 'azureService'],
  ['microsoft.web/sites', 'azureService'],
  ['microsoft.search/searchservices', 'azureService'],
]);

export class DesignBuilder {
  readonly elements: Draft[] = [];
  readonly relations: (Mutable<Relation> & Record<string, unknown>)[] = [];
  readonly sourceMap = new SourceMap();
  readonly diagnostics: IacDiagnostic[] = [];
  /** References that name a resource the read does not hold, for readers that report them (the Azure import). */
  readonly unresolved: { readonly text: string | undefined; readonly kinds: readonly ElementKind[]; readonly at: SourceLocation }[] = [];
  private readonly ids = new Set<string>();
  private readonly byKey = new Map<string, Draft>();
  private readonly byId = new Map<string, Draft>();
  /** Elements whose name is statically known, by kind and lower-case name. */
  private readonly byName = new Map<string, Draft[]>();
  /** Subnets of each VNet in declaration order (inline ones first), for `subnets[0]` references. */
  private readonly inlineSubnets = new Map<string, Draft[]>();
  private readonly relationKeys = new Set<string>();
  private readonly relationByKey = new Map<string, string>();

  private uniqueId(base: string): string {
    const whole = idPart(base);
    let id = fitId(whole);
    for (let n = 2; this.ids.has(id); n++) id = `${fitId(whole, String(n).length + 1)}-${n}`;
    this.ids.add(id);
    return id;
  }

  /**
   * Adds an element for resource `key`. `name` is the deployed name when known; otherwise the element is
   * named after its symbol but never matched by name. Properties are set only when known.
   */
  addElement(key: string, kind: ElementKind, name: Read<string>, fallbackName: string, at: SourceLocation, extra: Record<string, Read<unknown>> = {}, parent?: string): Draft {
    const id = this.uniqueId(key);
    const el = { id, kind, name: (name.value ?? fallbackName).slice(0, 80) || 'unnamed' } as Draft;
    if (parent) el.parent = parent;
    this.sourceMap.set({ elementId: id }, at);
    this.sourceMap.set({ elementId: id, property: 'name' }, name.at);
    for (const [prop, read] of Object.entries(extra)) this.setProp(el, prop, read);
    this.elements.push(el);
    this.byKey.set(key, el);
    this.byId.set(id, el);
    if (name.value === undefined) markNameUnresolved(el);
    else {
      const k = `${kind}:${name.value.toLowerCase()}`;
      this.byName.set(k, [...(this.byName.get(k) ?? []), el]);
    }
    if (kind === 'subnet' && parent) this.inlineSubnets.set(parent, [...(this.inlineSubnets.get(parent) ?? []), el]);
    return el;
  }

  setProp(el: Draft, prop: string, read: Read<unknown>): void {
    if (read.value === undefined) return;
    el[prop] = read.value;
    this.sourceMap.set({ elementId: el.id, property: prop }, read.at);
  }

  addRelation(kind: RelationKind, from: Draft | undefined, to: Draft | undefined, base: string, at: SourceLocation | undefined, extra: Record<string, Read<unknown>> = {}): void {
    if (!from || !to) return;
    // The same association written twice (inline and as a resource) is one relation.
    const dedupe = `${kind}|${from.id}|${to.id}`;
    if (this.relationKeys.has(dedupe)) return;
    this.relationKeys.add(dedupe);
    const id = this.uniqueId(base);
    this.relationByKey.set(base, id);
    const rel = { id, kind, from: from.id, to: to.id } as Mutable<Relation> & Record<string, unknown>;
    this.sourceMap.set({ relationId: id }, at);
    for (const [prop, read] of Object.entries(extra)) {
      if (read.value === undefined) continue;
      rel[prop] = read.value;
      this.sourceMap.set({ relationId: id, property: prop }, read.at);
    }
    this.relations.push(rel);
  }

  /** Makes resource `key` (an `existing` re-declaration) stand for an element already read. */
  alias(key: string, el: Draft): void {
    this.byKey.set(key, el);
  }

  /** The id of the relation a resource (an association, a peering) became, if it became exactly one. */
  relationOf(key: string): string | undefined {
    return this.relationByKey.get(key);
  }

  element(key: string): Draft | undefined {
    return this.byKey.get(key);
  }

  byElementId(id: string): Draft | undefined {
    return this.byId.get(id);
  }

  /** The single element of `kind` with this deployed name; none when absent or ambiguous. */
  named(kind: ElementKind, name: string | undefined, parent?: string): Draft | undefined {
    if (name === undefined) return undefined;
    const found = (this.byName.get(`${kind}:${name.toLowerCase()}`) ?? []).filter((e) => parent === undefined || e.parent === parent);
    return found.length === 1 ? found[0] : undefined;
  }

  subnetOf(vnet: Draft, name: string | undefined): Draft | undefined {
    return this.named('subnet', name, vnet.id);
  }

  /**
   * The element a value refers to: by provenance (`vnet.id`, `'${vnet.id}/subnets/a'`,
   * `vnet.properties.subnets[0].id`, `azurerm_subnet.a.id`), or by a literal ARM id. Never by guesswork.
   */
  resolve(v: Value | undefined, kinds: readonly ElementKind[]): Draft | undefined {
    if (!v) return undefined;
    if (v.ref) {
      const el = this.byKey.get(v.ref.target);
      if (!el) {
        this.unresolved.push({ text: v.t === 'str' ? v.v : undefined, kinds, at: v.at });
        return undefined;
      }
      const sub = /^\/subnets\/([^/]+)$/i.exec(v.ref.suffix ?? '');
      if (sub && el.kind === 'vnet') return kinds.includes('subnet') ? this.subnetOf(el, sub[1]) : kinds.includes('vnet') ? el : undefined;
      if (v.ref.suffix) return undefined;
      const p = v.ref.path;
      const inlineIndex = p[0] === 'properties' && p[1] === 'subnets' && typeof p[2] === 'number' ? p[2]
        : p[0] === 'subnet' && typeof p[1] === 'number' ? p[1] : undefined;
      if (el.kind === 'vnet' && inlineIndex !== undefined) {
        const s = this.inlineSubnets.get(el.id)?.[inlineIndex];
        return s && kinds.includes('subnet') ? s : undefined;
      }
      return kinds.includes(el.kind) ? el : undefined;
    }
    if (v.t === 'str') return this.resolveArmId(v.v, kinds);
    return undefined;
  }

  /** `/subscriptions/…/providers/Microsoft.Network/virtualNetworks/a/subnets/b` → the subnet b of VNet a. */
  resolveArmId(id: string, kinds: readonly ElementKind[]): Draft | undefined {
    const m = /\/providers\/([^/]+\/[^/]+)\/([^/]+)(?:\/([^/]+)\/([^/]+))?\/?$/i.exec(id);
    if (!m) return undefined;
    const [, type, name, childType, childName] = m;
    const kind = ARM_KIND.get(type!.toLowerCase());
    if (!kind) return undefined;
    const parent = this.named(kind, name);
    if (childType) {
      if (parent?.kind === 'vnet' && childType.toLowerCase() === 'subnets' && kinds.includes('subnet')) return this.subnetOf(parent, childName);
      // A ruleset names the outbound endpoints it forwards through; the design relates it to their resolver.
      if (parent?.kind === 'dnsResolver' && childType.toLowerCase() === 'outboundendpoints' && kinds.includes('dnsResolver')) return parent;
      return undefined;
    }
    return parent && kinds.includes(parent.kind) ? parent : undefined;
  }

  finish(name: string, extraDiagnostics: readonly IacDiagnostic[]): IacReadResult {
    const design = { version: 1, name: name.slice(0, 120) || 'design', elements: this.elements, relations: this.relations } as unknown as Design;
    markReadFromIac(design);
    return { design, sourceMap: this.sourceMap, locate: this.sourceMap.locate, diagnostics: [...extraDiagnostics, ...this.diagnostics] };
  }
}

/** Reads a nested property (case-insensitive keys) with the location of its `key: value` pair. */
export function field(obj: Value | undefined, ...path: readonly (string | number)[]): Prop | undefined {
  let cur: Prop | undefined = obj ? { value: obj, at: obj.at } : undefined;
  for (const key of path) {
    if (!cur) return undefined;
    if (typeof key === 'number') {
      const item = cur.value.t === 'arr' ? cur.value.items[key] : undefined;
      // An item written elsewhere (a variable's default) is reported where the attribute uses it.
      cur = item ? { value: item, at: within(item.at, cur.at) ? item.at : cur.at } : undefined;
    } else cur = propOf(cur.value, key);
  }
  return cur;
}

/** A property converted by `convert` (undefined when unknown), with its location. */
export function read<T>(obj: Value | undefined, path: readonly (string | number)[], convert: (v: Value | undefined) => T | undefined): Read<T> {
  const p = field(obj, ...path);
  return { value: convert(p?.value), at: p?.at };
}

function within(inner: SourceLocation, outer: SourceLocation): boolean {
  const before = (a: SourceLocation['range']['start'], b: SourceLocation['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return inner.file === outer.file && before(outer.range.start, inner.range.start) && before(inner.range.end, outer.range.end);
}
