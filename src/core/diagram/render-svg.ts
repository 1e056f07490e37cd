// Draws a design as a standalone SVG picture: elements at their stored canvas positions, VNets as
// containers around their subnets and gateways, relations as labelled arrows, rule findings as badges.
// Pure and deterministic (same design, same bytes), so the CLI, the host and tests share it.
import { POWER_PLATFORM_DELEGATION, type ElementKind, type RelationKind } from '../model/kinds';
import { dataPolicySummary, ELEMENT_LABELS, RELATION_LABELS, relationSentence } from '../model/labels';
import { parentOf, type Design, type Element, type Relation } from '../model/schema';
import type { Finding, Severity } from '../rules/rule';
import { drawLegend, elementMark, LEGEND_H, MARK_STYLE, relationMark, type ChangeMark, type DiagramMarks } from './change-marks';
import { escapeXml, estimateWidth, fitText, num } from './svg-text';

export interface RenderSvgOptions {
  /** Rule findings to draw as badges on the elements they point at. */
  readonly findings?: readonly Finding[];
  /** Added, removed and changed items to outline, with a legend (the picture of `ppvnet diff`). */
  readonly marks?: DiagramMarks;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const NODE_W = 180;
const NODE_H = 72;
const CHILD_H = 64;
const CHILD_MIN_W = 160;
const CONTAINER_PAD = 20;
const CONTAINER_HEADER = 44;
const MARGIN = 32;
const TITLE_H = 44;
const FONT = "'Segoe UI', 'Helvetica Neue', Arial, sans-serif";

const KIND_COLORS: Readonly<Record<ElementKind, string>> = {
  environment: '#742774',
  enterprisePolicy: '#5c2d91',
  vnet: '#0078d4',
  subnet: '#106ebe',
  natGateway: '#008575',
  nsg: '#b4009e',
  routeTable: '#4f6bed',
  vpnGateway: '#ca5010',
  expressRouteGateway: '#8e562e',
  onPremises: '#605e5c',
  privateEndpoint: '#038387',
  privateDnsZone: '#498205',
  azureService: '#0063b1',
  connector: '#986f0b',
  vnetDataGateway: '#9a0089',
  networkWatcher: '#00546b',
  flowLog: '#00546b',
  logAnalyticsWorkspace: '#004e8c',
  dataPolicy: '#5c2d91',
};

const RELATION_STYLE: Readonly<Record<RelationKind, string>> = {
  policyLink: 'policy',
  policySubnet: 'policy',
  peering: 'peering',
  natAssociation: 'assoc',
  nsgAssociation: 'assoc',
  routeTableAssociation: 'assoc',
  peTarget: 'private',
  peSubnet: 'private',
  peDnsZone: 'dns',
  dnsZoneLink: 'dns',
  gatewayConnection: 'hybrid',
  connectorTarget: 'workload',
  connectorSecret: 'workload',
  workload: 'workload',
  dataGatewaySubnet: 'assoc',
  flowLogTarget: 'monitoring',
  flowLogWatcher: 'monitoring',
  flowLogStorage: 'monitoring',
  trafficAnalytics: 'monitoring',
  diagnostics: 'monitoring',
  dataPolicyScope: 'policy',
};

const SEVERITY_COLORS: Readonly<Record<Severity, string>> = { error: '#d13438', warning: '#c27d00', info: '#0078d4' };
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

const STYLE = `
.ppv-bg { fill: #ffffff; }
.ppv-title { font-size: 18px; font-weight: 600; fill: #201f1e; }
.ppv-summary { font-size: 12px; fill: #605e5c; }
.ppv-node { fill: #ffffff; stroke: #c8c6c4; stroke-width: 1; }
.ppv-container { fill: #f3f9fd; stroke-width: 1.5; }
.ppv-kind { font-size: 10px; font-weight: 600; letter-spacing: 0.04em; }
.ppv-name { font-size: 13px; font-weight: 600; fill: #201f1e; }
.ppv-detail { font-size: 11px; fill: #605e5c; }
.ppv-edge { fill: none; stroke-width: 1.4; }
.ppv-edge-policy { stroke: #742774; }
.ppv-edge-peering { stroke: #0078d4; stroke-width: 2.2; stroke-dasharray: 6 4; }
.ppv-edge-assoc { stroke: #8a8886; }
.ppv-edge-private { stroke: #038387; }
.ppv-edge-dns { stroke: #498205; stroke-dasharray: 3 3; }
.ppv-edge-hybrid { stroke: #ca5010; stroke-dasharray: 8 3; }
.ppv-edge-workload { stroke: #986f0b; }
.ppv-edge-monitoring { stroke: #00546b; stroke-dasharray: 2 3; }
.ppv-label-bg { fill: #ffffff; fill-opacity: 0.9; }
.ppv-label { font-size: 10px; fill: #484644; }
.ppv-badge-text { font-size: 10px; font-weight: 700; fill: #ffffff; }
`.trim();

/**
 * Renders `design` as a self-contained SVG document (no scripts, external fonts or images). All text
 * from the design is XML-escaped; control characters XML cannot carry are dropped.
 */
export function renderDesignSvg(design: Design, options: RenderSvgOptions = {}): string {
  const boxes = layoutBoxes(design);
  const byId = new Map(design.elements.map((e) => [e.id, e]));
  const findings = options.findings ?? [];
  const badges = badgesByElement(findings, byId);
  const marks = options.marks;
  const markOf = (id: string) => marks?.elements?.get(id);

  const containers: string[] = [];
  const nodes: string[] = [];
  for (const e of design.elements) {
    const box = boxes.get(e.id)!;
    if (e.kind === 'vnet') containers.push(drawContainer(e, box, badges.get(e.id), markOf(e.id)));
    else nodes.push(drawNode(e, box, badges.get(e.id), parentOf(e) !== undefined && byId.has(parentOf(e)!), markOf(e.id)));
  }
  const edges = drawEdges(design.relations, boxes, design.elements, marks?.relations);

  const all = [...boxes.values(), ...edges.extent.map((p) => ({ x: p.x, y: p.y, w: 0, h: 0 }))];
  const minX = Math.min(0, ...all.map((b) => b.x)) - MARGIN;
  const legendH = marks ? LEGEND_H : 0;
  const minY = Math.min(0, ...all.map((b) => b.y)) - MARGIN - TITLE_H - legendH;
  // The legend row is about 450 wide; a small design's picture is widened to hold it.
  const maxX = Math.max(marks ? 480 : 360, ...all.map((b) => b.x + b.w)) + MARGIN;
  const maxY = Math.max(0, ...all.map((b) => b.y + b.h)) + MARGIN;
  const width = maxX - minX;
  const height = maxY - minY;

  const summary = summarize(findings, design);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="${num(minX)} ${num(minY)} ${num(width)} ${num(height)}" font-family="${escapeXml(FONT)}" role="img" aria-label="${escapeXml(design.name)}">`,
    `<title>${escapeXml(design.name)}</title>`,
    ...(design.description ? [`<desc>${escapeXml(design.description)}</desc>`] : []),
    '<defs>',
    `<style>${marks ? `${STYLE}\n${MARK_STYLE}` : STYLE}</style>`,
    '<marker id="ppv-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,1 L9,5 L0,9 z" fill="#605e5c"/></marker>',
    '</defs>',
    `<rect class="ppv-bg" x="${num(minX)}" y="${num(minY)}" width="${num(width)}" height="${num(height)}"/>`,
    `<text class="ppv-title" x="${num(minX + MARGIN)}" y="${num(minY + MARGIN + 4)}">${escapeXml(fitText(design.name, 18, Math.max(200, width - 2 * MARGIN)))}</text>`,
    `<text class="ppv-summary" x="${num(minX + MARGIN)}" y="${num(minY + MARGIN + 24)}">${escapeXml(summary)}</text>`,
    ...(marks ? [drawLegend(minX + MARGIN + 8, minY + MARGIN + 46, marks)] : []),
    '<g class="ppv-containers">',
    ...containers,
    '</g>',
    '<g class="ppv-edges">',
    ...edges.svg,
    '</g>',
    '<g class="ppv-nodes">',
    ...nodes,
    '</g>',
    '</svg>',
  ];
  return out.join('\n') + '\n';
}

/** Absolute boxes of every element. Unpositioned elements are lined up below the positioned ones. */
function layoutBoxes(design: Design): Map<string, Box> {
  const byId = new Map(design.elements.map((e) => [e.id, e]));
  const childrenOf = new Map<string, Element[]>();
  for (const e of design.elements) {
    const p = parentOf(e);
    if (p !== undefined && byId.get(p)?.kind === 'vnet') childrenOf.set(p, [...(childrenOf.get(p) ?? []), e]);
  }
  const isChild = (e: Element) => {
    const p = parentOf(e);
    return p !== undefined && byId.get(p)?.kind === 'vnet';
  };

  // Relative child boxes first: a VNet without a stored size is sized to hold them.
  const relative = new Map<string, Box>();
  const containerSize = new Map<string, { w: number; h: number }>();
  for (const e of design.elements) {
    if (e.kind !== 'vnet') continue;
    const kids = childrenOf.get(e.id) ?? [];
    let unplaced = 0;
    const placedBottom = Math.max(CONTAINER_HEADER, ...kids.filter((k) => k.position).map((k) => k.position!.y + CHILD_H));
    for (const k of kids) {
      const pos = k.position ?? { x: CONTAINER_PAD, y: placedBottom + 16 + unplaced++ * (CHILD_H + 16) };
      const w = e.size ? Math.max(CHILD_MIN_W, e.size.width - pos.x - CONTAINER_PAD) : NODE_W;
      relative.set(k.id, { x: pos.x, y: pos.y, w, h: CHILD_H });
    }
    const fitW = Math.max(260, ...kids.map((k) => relative.get(k.id)!).map((b) => b.x + b.w + CONTAINER_PAD));
    const fitH = Math.max(120, ...kids.map((k) => relative.get(k.id)!).map((b) => b.y + b.h + CONTAINER_PAD));
    containerSize.set(e.id, e.size ? { w: e.size.width, h: e.size.height } : { w: fitW, h: fitH });
  }

  const boxes = new Map<string, Box>();
  const topLevel = design.elements.filter((e) => !isChild(e));
  const sizeOf = (e: Element) => containerSize.get(e.id) ?? { w: NODE_W, h: NODE_H };
  const placed = topLevel.filter((e) => e.position);
  const bottom = placed.length > 0 ? Math.max(...placed.map((e) => e.position!.y + sizeOf(e).h)) + 60 : 0;
  let nextX = 0;
  for (const e of topLevel) {
    const s = sizeOf(e);
    let pos = e.position;
    if (!pos) {
      pos = { x: nextX, y: bottom };
      nextX += s.w + 40;
    }
    boxes.set(e.id, { x: pos.x, y: pos.y, w: s.w, h: s.h });
  }
  for (const e of design.elements) {
    if (!isChild(e)) continue;
    const parent = boxes.get(parentOf(e)!)!;
    const r = relative.get(e.id)!;
    boxes.set(e.id, { x: parent.x + r.x, y: parent.y + r.y, w: r.w, h: r.h });
  }
  return boxes;
}

interface Badge {
  readonly severity: Severity;
  readonly lines: string[];
}

function badgesByElement(findings: readonly Finding[], byId: ReadonlyMap<string, Element>): Map<string, Badge> {
  const out = new Map<string, Badge>();
  for (const f of findings) {
    if (!f.elementId || !byId.has(f.elementId)) continue;
    const prev = out.get(f.elementId);
    const line = `${f.ruleId} (${f.severity}): ${f.message}`;
    if (!prev) out.set(f.elementId, { severity: f.severity, lines: [line] });
    else out.set(f.elementId, { severity: SEVERITY_RANK[f.severity] < SEVERITY_RANK[prev.severity] ? f.severity : prev.severity, lines: [...prev.lines, line] });
  }
  return out;
}

function summarize(findings: readonly Finding[], design: Design): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const parts = [`${design.elements.length} elements, ${design.relations.length} relations`];
  const e = count('error');
  const w = count('warning');
  const i = count('info');
  if (findings.length === 0) parts.push('no findings');
  else parts.push([e && `${e} error${e > 1 ? 's' : ''}`, w && `${w} warning${w > 1 ? 's' : ''}`, i && `${i} info`].filter(Boolean).join(', '));
  return parts.join(' · ');
}

const changeAttr = (mark: ChangeMark | undefined) => (mark ? ` data-change="${mark}"` : '');

function drawContainer(e: Element, b: Box, badge: Badge | undefined, mark?: ChangeMark): string {
  const color = KIND_COLORS[e.kind];
  const textW = b.w - 24;
  return [
    `<g class="ppv-element" data-id="${escapeXml(e.id)}" data-kind="${e.kind}"${changeAttr(mark)}>`,
    `<rect class="ppv-container" x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" rx="8" stroke="${color}"/>`,
    `<text class="ppv-kind" x="${num(b.x + 12)}" y="${num(b.y + 17)}" fill="${color}">${escapeXml(ELEMENT_LABELS[e.kind].toUpperCase())}</text>`,
    `<text class="ppv-name" x="${num(b.x + 12)}" y="${num(b.y + 34)}">${escapeXml(fitText([e.name, detailOf(e)].filter(Boolean).join(' · '), 13, textW))}</text>`,
    drawBadge(b, badge),
    elementMark(b, mark),
    '</g>',
  ].filter(Boolean).join('\n');
}

function drawNode(e: Element, b: Box, badge: Badge | undefined, nested: boolean, mark?: ChangeMark): string {
  const color = KIND_COLORS[e.kind];
  const textW = b.w - 22;
  const detail = detailOf(e);
  const top = nested ? 0 : 4;
  return [
    `<g class="ppv-element" data-id="${escapeXml(e.id)}" data-kind="${e.kind}"${changeAttr(mark)}>`,
    `<rect class="ppv-node" x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" rx="6"/>`,
    `<rect x="${num(b.x)}" y="${num(b.y)}" width="4" height="${num(b.h)}" rx="2" fill="${color}"/>`,
    `<text class="ppv-kind" x="${num(b.x + 14)}" y="${num(b.y + 16 + top)}" fill="${color}">${escapeXml(ELEMENT_LABELS[e.kind].toUpperCase())}</text>`,
    drawName(e.name, b.x + 14, b.y + 34 + top, textW),
    detail ? `<text class="ppv-detail" x="${num(b.x + 14)}" y="${num(b.y + 51 + top)}">${escapeXml(fitText(detail, 11, textW))}</text>` : '',
    drawBadge(b, badge),
    elementMark(b, mark),
    '</g>',
  ].filter(Boolean).join('\n');
}

/** Long names (private DNS zones) step down a size before they are shortened. */
function drawName(name: string, x: number, y: number, maxWidth: number): string {
  const size = estimateWidth(name, 13) <= maxWidth ? 13 : 11;
  const style = size === 13 ? '' : ` style="font-size: ${size}px"`;
  return `<text class="ppv-name" x="${num(x)}" y="${num(y)}"${style}>${escapeXml(fitText(name, size, maxWidth))}</text>`;
}

function drawBadge(b: Box, badge: Badge | undefined): string {
  if (!badge) return '';
  const cx = b.x + b.w - 2;
  const cy = b.y + 2;
  const label = String(badge.lines.length);
  return [
    `<g class="ppv-badge" data-severity="${badge.severity}">`,
    `<title>${escapeXml(badge.lines.join('\n'))}</title>`,
    `<circle cx="${num(cx)}" cy="${num(cy)}" r="10" fill="${SEVERITY_COLORS[badge.severity]}" stroke="#ffffff" stroke-width="1.5"/>`,
    `<text class="ppv-badge-text" x="${num(cx)}" y="${num(cy + 3.5)}" text-anchor="middle">${label}</text>`,
    '</g>',
  ].join('');
}

/** The one line under the name: the facts a reviewer looks for first (region, address space, type). */
function detailOf(e: Element): string {
  const join = (...parts: (string | undefined | false)[]) => parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
  switch (e.kind) {
    case 'environment':
      return join(e.environmentType, e.geography, e.managed === true && 'Managed');
    case 'enterprisePolicy':
      return join(e.geography && `geography ${e.geography}`);
    case 'vnet':
      return join(e.region, e.addressSpaces?.join(', '));
    case 'subnet':
      return join(e.addressPrefix, e.delegations?.includes(POWER_PLATFORM_DELEGATION) && 'delegated to Power Platform');
    case 'natGateway':
      return join(e.region, e.publicIpCount !== undefined && `${e.publicIpCount} public IP${e.publicIpCount === 1 ? '' : 's'}`);
    case 'nsg':
      return join(e.region, e.rules && `${e.rules.length} rule${e.rules.length === 1 ? '' : 's'}`);
    case 'routeTable':
      return join(e.region, e.routes && `${e.routes.length} route${e.routes.length === 1 ? '' : 's'}`);
    case 'vpnGateway':
    case 'expressRouteGateway':
      return join(e.sku);
    case 'onPremises':
      return join(e.addressSpaces?.join(', '));
    case 'privateEndpoint':
      return join(e.groupId, e.region);
    case 'privateDnsZone':
      return '';
    case 'azureService':
      return join(e.serviceType === 'other' ? e.resourceType ?? 'other' : e.serviceType, e.region, e.publicNetworkAccess === false && 'private only');
    case 'connector':
      return join(e.connectorType, e.authKind, e.host);
    case 'vnetDataGateway':
      return join('created in the admin center', e.memberCount !== undefined && `${e.memberCount} member${e.memberCount === 1 ? '' : 's'}`);
    case 'networkWatcher':
      return join(e.region);
    case 'flowLog':
      return join(e.enabled === false && 'disabled', e.retentionDays !== undefined && `retention ${e.retentionDays === 0 ? 'forever' : `${e.retentionDays} days`}`);
    case 'logAnalyticsWorkspace':
      return join(e.region, e.retentionDays !== undefined && `${e.retentionDays} days`);
    case 'dataPolicy':
      return dataPolicySummary(e);
  }
}

/** The edges' SVG, and the points they reach (bends and labels) so the picture can be sized to hold them. */
function drawEdges(relations: readonly Relation[], boxes: ReadonlyMap<string, Box>, elements: readonly Element[], marks?: ReadonlyMap<string, ChangeMark>): { svg: string[]; extent: Point[] } {
  // Relations between the same two elements (a peering and its reverse) are fanned out side by side.
  const groups = new Map<string, Relation[]>();
  for (const r of relations) {
    if (!boxes.has(r.from) || !boxes.has(r.to)) continue;
    const key = [r.from, r.to].sort().join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  // Edges bend around element boxes; crossing a VNet's background is fine, that is where subnets live.
  // A VNet's header (its name and address space) is text, though, and must stay readable.
  const obstacles = elements.map((e) => {
    const box = boxes.get(e.id)!;
    return { id: e.id, box: e.kind === 'vnet' ? { ...box, h: CONTAINER_HEADER - 4 } : box };
  });
  const out: string[] = [];
  const extent: Point[] = [];
  for (const r of relations) {
    const from = boxes.get(r.from);
    const to = boxes.get(r.to);
    if (!from || !to) continue;
    const group = groups.get([r.from, r.to].sort().join('\u0000'))!;
    const index = group.indexOf(r);
    // A fixed orientation (by id order) so that a relation and its reverse are pushed to opposite sides.
    const sign = r.from < r.to ? 1 : -1;
    const offset = (index - (group.length - 1) / 2) * 12 * sign;
    // One label per kind between two elements: a peering and its reverse read "peering ⇄".
    const sameKind = group.filter((g) => g.kind === r.kind);
    const label = sameKind[0] !== r ? undefined
      : sameKind.some((g) => g.from !== r.from) ? `${RELATION_LABELS[r.kind]} ⇄` : RELATION_LABELS[r.kind];
    // Only boxes near the edge can block it: the straight line's bounding box, widened by the largest bend.
    const reach = BENDS[BENDS.length - 1]! < 0 ? -BENDS[BENDS.length - 1]! : BENDS[BENDS.length - 1]!;
    const [fc, tc] = [center(from), center(to)];
    const near = { x: Math.min(fc.x, tc.x) - reach, y: Math.min(fc.y, tc.y) - reach, w: Math.abs(fc.x - tc.x) + 2 * reach, h: Math.abs(fc.y - tc.y) + 2 * reach };
    const blocking = obstacles.filter((o) => o.id !== r.from && o.id !== r.to && overlapsBox(o.box, near)).map((o) => o.box);
    out.push(drawEdge(r, from, to, offset, label, blocking, extent, marks?.get(r.id)));
  }
  return { svg: out, extent };
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** Bends tried, in order, when the straight line would cross another element: small first, alternating sides. */
const BENDS = [0, 40, -40, 80, -80, 130, -130, 190, -190];

function drawEdge(r: Relation, from: Box, to: Box, offset: number, label: string | undefined, obstacles: readonly Box[], extent: Point[], mark?: ChangeMark): string {
  const fc = center(from);
  const tc = center(to);
  const dx = tc.x - fc.x;
  const dy = tc.y - fc.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = -dy / len;
  const uy = dx / len;
  // Perpendicular shift for fanned-out parallel relations.
  const s = { x: fc.x + ux * offset, y: fc.y + uy * offset };
  const e = { x: tc.x + ux * offset, y: tc.y + uy * offset };
  let route = { a: clip(from, s, e), c: undefined as Point | undefined, b: clip(to, e, s) };
  for (const bend of BENDS) {
    const c = bend === 0 ? undefined : { x: (s.x + e.x) / 2 + ux * bend, y: (s.y + e.y) / 2 + uy * bend };
    const candidate = { a: clip(from, s, c ?? e), c, b: clip(to, e, c ?? s) };
    if (bend === 0) route = candidate;
    if (!obstacles.some((o) => crosses(candidate, o))) {
      route = candidate;
      break;
    }
  }
  const { a, c, b } = route;
  const mid = c ? bezier(a, c, b, 0.5) : { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const d = c ? `M${num(a.x)},${num(a.y)} Q${num(c.x)},${num(c.y)} ${num(b.x)},${num(b.y)}` : `M${num(a.x)},${num(a.y)} L${num(b.x)},${num(b.y)}`;
  const lw = label ? estimateWidth(label, 10) + 8 : 0;
  if (c) extent.push(bezier(a, c, b, 0.25), mid, bezier(a, c, b, 0.75));
  if (label) extent.push({ x: mid.x - lw / 2, y: mid.y - 7 }, { x: mid.x + lw / 2, y: mid.y + 7 });
  return [
    `<g class="ppv-relation" data-id="${escapeXml(r.id)}" data-kind="${r.kind}"${changeAttr(mark)}>`,
    `<title>${escapeXml(relationSentence(r.kind, r.from, r.to))}</title>`,
    // Under the edge, so the relation's own stroke and arrow stay readable on top of the mark.
    relationMark(d, mid, mark),
    `<path class="ppv-edge ppv-edge-${RELATION_STYLE[r.kind]}" d="${d}" marker-end="url(#ppv-arrow)"/>`,
    label ? `<rect class="ppv-label-bg" x="${num(mid.x - lw / 2)}" y="${num(mid.y - 7)}" width="${num(lw)}" height="13" rx="3"/>` : '',
    label ? `<text class="ppv-label" x="${num(mid.x)}" y="${num(mid.y + 3.5)}" text-anchor="middle">${escapeXml(label)}</text>` : '',
    '</g>',
  ].join('');
}

function overlapsBox(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function bezier(a: Point, c: Point, b: Point, t: number): Point {
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
}

/** Whether the route passes through box `o` (sampled; a few pixels of slack at the border). */
function crosses(route: { a: Point; c: Point | undefined; b: Point }, o: Box): boolean {
  const pad = 4;
  for (let i = 1; i < 32; i++) {
    const t = i / 32;
    const p = route.c ? bezier(route.a, route.c, route.b, t) : { x: route.a.x + (route.b.x - route.a.x) * t, y: route.a.y + (route.b.y - route.a.y) * t };
    if (p.x > o.x - pad && p.x < o.x + o.w + pad && p.y > o.y - pad && p.y < o.y + o.h + pad) return true;
  }
  return false;
}

function center(b: Box): Point {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}

/** Where the segment from `inside` towards `outside` leaves box `b` (the point itself if it never does). */
function clip(b: Box, inside: Point, outside: Point): Point {
  const dx = outside.x - inside.x;
  const dy = outside.y - inside.y;
  let t = 1;
  if (dx > 0) t = Math.min(t, (b.x + b.w - inside.x) / dx);
  if (dx < 0) t = Math.min(t, (b.x - inside.x) / dx);
  if (dy > 0) t = Math.min(t, (b.y + b.h - inside.y) / dy);
  if (dy < 0) t = Math.min(t, (b.y - inside.y) / dy);
  t = Math.max(0, t);
  return { x: inside.x + dx * t, y: inside.y + dy * t };
}
