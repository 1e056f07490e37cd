// Decides which relation a dragged connection creates, or why it is refused, from the shared relation
// vocabulary (kinds.ts) plus the single-relation limits; the host re-checks everything when it applies the edit.
import { freshId } from '../../src/core/model/design-edits';
import { RELATION_SPECS, relationKindsBetween, type RelationKind } from '../../src/core/model/kinds';
import { ELEMENT_LABELS, RELATION_VERBS } from '../../src/core/model/labels';
import type { Design, Element, Relation } from '../../src/core/model/schema';

export type ConnectionVerdict =
  | { readonly ok: true; readonly kind: RelationKind; readonly from: string; readonly to: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Which relation kind joins `source` to `target`. A connection drawn backwards (subnet → policy) is
 * turned around when only the reverse direction is meaningful; when several kinds fit (connector →
 * Key Vault can be a call or a secret source) the one the target suggests is chosen.
 */
export function judgeConnection(design: Design, sourceId: string, targetId: string): ConnectionVerdict {
  if (sourceId === targetId) return { ok: false, reason: 'An element cannot be connected to itself.' };
  const byId = new Map(design.elements.map((e) => [e.id, e]));
  const source = byId.get(sourceId);
  const target = byId.get(targetId);
  if (!source || !target) return { ok: false, reason: 'Both ends must be elements of the design.' };

  let from = source;
  let to = target;
  let kinds = relationKindsBetween(source.kind, target.kind);
  if (kinds.length === 0) {
    const reverse = relationKindsBetween(target.kind, source.kind);
    if (reverse.length > 0) {
      from = target;
      to = source;
      kinds = reverse;
    }
  }
  if (kinds.length === 0) {
    return { ok: false, reason: `A ${label(source)} cannot be connected to a ${label(target)}.` };
  }
  const kind = pick(kinds, to, from, design);
  const spec = RELATION_SPECS[kind];
  const existing = design.relations.filter((r) => r.kind === kind);
  if (existing.some((r) => r.from === from.id && r.to === to.id)) {
    return { ok: false, reason: `"${from.name}" ${RELATION_VERBS[kind]} "${to.name}" already.` };
  }
  if (spec.singleTo) {
    const taken = existing.find((r) => r.to === to.id && byId.get(r.from)?.kind === from.kind);
    if (taken) return { ok: false, reason: `"${to.name}" already has a ${label(from)} ("${byId.get(taken.from)?.name ?? taken.from}"); remove that connection first.` };
  }
  if (spec.singleFrom) {
    const taken = existing.find((r) => r.from === from.id);
    if (taken) return { ok: false, reason: `"${from.name}" already ${RELATION_VERBS[kind]} "${byId.get(taken.to)?.name ?? taken.to}"; remove that connection first.` };
  }
  return { ok: true, kind, from: from.id, to: to.id };
}

function pick(kinds: readonly RelationKind[], to: Element, from: Element, design: Design): RelationKind {
  if (kinds.includes('connectorSecret') && to.kind === 'azureService' && to.serviceType === 'keyVault') return 'connectorSecret';
  if (kinds.includes('resolverInbound')) return resolverEndpointKind(to, from, design);
  if (kinds.includes('connectorTarget')) return 'connectorTarget';
  return kinds[0]!;
}

/**
 * A resolver → subnet connection is an inbound or an outbound endpoint: the subnet's name says which when it
 * names one ("snet-dns-outbound"), else the resolver's first endpoint is inbound and the next outbound.
 */
function resolverEndpointKind(subnet: Element, resolver: Element, design: Design): RelationKind {
  if (/outbound/i.test(subnet.name)) return 'resolverOutbound';
  if (/inbound/i.test(subnet.name)) return 'resolverInbound';
  return design.relations.some((r) => r.kind === 'resolverInbound' && r.from === resolver.id) ? 'resolverOutbound' : 'resolverInbound';
}

function label(e: Element): string {
  return ELEMENT_LABELS[e.kind].toLowerCase();
}

/**
 * The relation an accepted connection adds. Relations with properties get explicit values, as Azure
 * creates them and as the quick fixes write them: a drawn peering carries VNet access and forwarded
 * traffic (what a Power Platform pair needs) and no gateway use; a zone link does not auto-register.
 */
export function newRelation(design: Design, verdict: Extract<ConnectionVerdict, { ok: true }>): Relation {
  const { kind, from, to } = verdict;
  if (kind === 'peering') {
    return { id: freshId(design, 'peer'), kind, from, to, allowVirtualNetworkAccess: true, allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: false };
  }
  if (kind === 'dnsZoneLink') return { id: freshId(design, kind), kind, from, to, registrationEnabled: false };
  return { id: freshId(design, kind), kind, from, to } as Relation;
}
