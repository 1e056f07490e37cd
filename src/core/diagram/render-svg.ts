// Draws a design as a standalone SVG picture, the one picture of a design wherever it is shown (the CLI,
// "Export Diagram" as SVG and PNG, the diff): region lanes from the lane layout, edges routed around the
// boxes, the canvas's labels, rule findings as badges. Pure and deterministic (same design, same bytes).
import { POWER_PLATFORM_DELEGATION, type ElementKind, type RelationKind } from '../model/kinds';
import { dataPolicySummary, kindLabelOf, relationLabel, relationSentence } from '../model/labels';
import type { Design, Element, Relation } from '../model/schema';
import type { Finding, Severity } from '../rules/rule';
import { drawLegend, elementMark, LEGEND_H, MARK_STYLE, relationMark, type ChangeMark, type DiagramMarks } from './change-marks';
import type { Point, Rect as Box } from './crossings';
import { layoutLanes, type Lane, type LaneLayout, type LaneRole, type PlacedBox } from './lane-layout';
import { routeEdges } from './orthogonal-routes';
import { escapeXml, estimateWidth, fitText, num } from './svg-text';

export interface RenderSvgOptions {
  /** Rule findings to draw as badges on the elements they point at. */
  readonly findings?: readonly Finding[];
  /** Added, removed and changed items to outline, with a legend (the picture of `ppvnet diff`). */
  readonly marks?: DiagramMarks;
}

const MARGIN = 24;
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
  dnsResolver: '#498205',
  dnsForwardingRuleset: '#498205',
  firewall: '#c50f1f',
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
  firewallSubnet: 'assoc',
  diagnostics: 'monitoring',
  resolverInbound: 'dns',
  resolverOutbound: 'dns',
  rulesetOutbound: 'dns',
  rulesetLink: 'dns',
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
.ppv-holder { fill: #fbfdff; }
.ppv-lane-title { font-size: 12px; font-weight: 600; fill: #3b3a39; }
.ppv-kind { font-size: 10px; font-weight: 600; letter-spacing: 0.02em; }
.ppv-name { font-size: 12px; font-weight: 600; fill: #201f1e; }
.ppv-detail { font-size: 10px; fill: #605e5c; }
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
.ppv-label { font-size: 9.5px; fill: #484644; }
.ppv-badge-text { font-size: 10px; font-weight: 700; fill: #ffffff; }
`.trim();

/** The picture and its size, for rasterising it at the size it was drawn. */
export interface DesignPicture {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Edges whose routing search ran past its budget (only in large pictures) and took the plain fallback. */
  readonly routeFallbacks: number;
}

/**
 * Renders `design` as a self-contained SVG document (no scripts, external fonts or images). All text
 * from the design is XML-escaped; control characters XML cannot carry are dropped.
 */
export function renderDesignSvg(design: Design, options: RenderSvgOptions = {}): string {
  return renderDesignPicture(design, options).svg;
}

/** The same picture with its width and height (the PNG export draws it at that size). */
export function renderDesignPicture(design: Design, options: RenderSvgOptions = {}): DesignPicture {
  const layout = layoutLanes(design);
  const byId = new Map(design.elements.map((e) => [e.id, e]));
  const findings = options.findings ?? [];
  const badges = badgesByElement(findings, byId);
  const marks = options.marks;
  const markOf = (id: string) => marks?.elements?.get(id);

  const elements: string[] = [];
  for (const b of layout.boxes) {
    const e = byId.get(b.id)!;
    if (e.kind === 'vnet') elements.push(drawContainer(e, b, badges.get(e.id), markOf(e.id)));
    else elements.push(drawNode(e, b, badges.get(e.id), b.header !== undefined, markOf(e.id)));
  }
  // Lane titles are bold: a wider estimate than the plain text's keeps edges off them.
  const laneTitles = layout.lanes.map((l) => ({ x: l.x + 8, y: l.y + 4, w: estimateWidth(l.title, 13.5) + 14, h: 24 }));
  const edges = drawEdges(design.relations, layout, laneTitles, marks?.relations);

  const legendH = marks ? LEGEND_H : 0;
  const top = TITLE_H + legendH;
  // The legend row is about 450 wide; a small design's picture is widened to hold it.
  const width = Math.max(marks ? 480 : 360, layout.width + 2 * MARGIN, ...edges.extent.map((p) => p.x + MARGIN));
  const height = Math.max(layout.height, ...edges.extent.map((p) => p.y)) + top + 2 * MARGIN;
  const minX = -MARGIN;
  const minY = -MARGIN - top;

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
    '<g class="ppv-lanes">',
    ...layout.lanes.map(drawLane),
    '</g>',
    '<g class="ppv-elements">',
    ...elements,
    '</g>',
    '<g class="ppv-edges">',
    ...edges.svg,
    '</g>',
    '</svg>',
  ];
  return { svg: out.join('\n') + '\n', width, height, routeFallbacks: edges.fallbacks };
}

const LANE_FILL: Readonly<Record<LaneRole, string>> = {
  powerPlatform: '#f7f1f8', primary: '#eef5fc', failover: '#f1f4f8', region: '#f3f2f1', onPremises: '#f3f2f1', global: '#f2f7ef',
};

function drawLane(l: Lane): string {
  return [
    `<g class="ppv-lane" data-role="${l.role}">`,
    `<rect class="ppv-lane-bg" x="${num(l.x)}" y="${num(l.y)}" width="${num(l.w)}" height="${num(l.h)}" rx="10" fill="${LANE_FILL[l.role]}"/>`,
    `<text class="ppv-lane-title" x="${num(l.x + 14)}" y="${num(l.y + 21)}">${escapeXml(fitText(l.title, 12, l.w - 24))}</text>`,
    '</g>',
  ].join('');
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
    `<text class="ppv-kind" x="${num(b.x + 12)}" y="${num(b.y + 17)}" fill="${color}">${escapeXml(kindLabelOf(e).toUpperCase())}</text>`,
    `<text class="ppv-name" x="${num(b.x + 12)}" y="${num(b.y + 33)}">${escapeXml(fitText([e.name, detailOf(e)].filter(Boolean).join(' · '), 12, textW))}</text>`,
    drawBadge(b, badge),
    elementMark(b, mark),
    '</g>',
  ].filter(Boolean).join('\n');
}

/** A box: kind, name and one line of detail; a subnet holding private endpoints keeps them below its text. */
function drawNode(e: Element, b: Box, badge: Badge | undefined, holder: boolean, mark?: ChangeMark): string {
  const color = KIND_COLORS[e.kind];
  const textW = b.w - 18;
  const detail = detailOf(e);
  return [
    `<g class="ppv-element" data-id="${escapeXml(e.id)}" data-kind="${e.kind}"${changeAttr(mark)}>`,
    `<rect class="${holder ? 'ppv-node ppv-holder' : 'ppv-node'}" x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" rx="6"/>`,
    `<rect x="${num(b.x)}" y="${num(b.y)}" width="4" height="${num(b.h)}" rx="2" fill="${color}"/>`,
    `<text class="ppv-kind" x="${num(b.x + 13)}" y="${num(b.y + 15)}" fill="${color}">${escapeXml(fitText(kindLabelOf(e).toUpperCase(), 10, textW))}</text>`,
    drawName(e.name, b.x + 13, b.y + 30, textW),
    detail ? `<text class="ppv-detail" x="${num(b.x + 13)}" y="${num(b.y + 43)}">${escapeXml(fitText(detail, 10, textW))}</text>` : '',
    drawBadge(b, badge),
    elementMark(b, mark),
    '</g>',
  ].filter(Boolean).join('\n');
}

/** Long names (private DNS zones) step down a size before they are shortened. */
function drawName(name: string, x: number, y: number, maxWidth: number): string {
  const size = estimateWidth(name, 12) <= maxWidth ? 12 : 10;
  const style = size === 12 ? '' : ` style="font-size: ${size}px"`;
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

/** The one line under the name: the facts a reviewer looks for first (address space, type); the lane says the region. */
function detailOf(e: Element): string {
  const join = (...parts: (string | undefined | false)[]) => parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
  switch (e.kind) {
    case 'environment':
      return join(e.environmentType, e.geography, e.managed === true && 'Managed');
    case 'enterprisePolicy':
      return join(e.geography && `geography ${e.geography}`);
    case 'vnet':
      return join(e.addressSpaces?.join(', '));
    case 'subnet':
      return join(e.addressPrefix, e.delegations?.includes(POWER_PLATFORM_DELEGATION) && 'Power Platform');
    case 'natGateway':
      return join(e.publicIpCount !== undefined && `${e.publicIpCount} public IP${e.publicIpCount === 1 ? '' : 's'}`);
    case 'nsg':
      return join(e.rules && `${e.rules.length} rule${e.rules.length === 1 ? '' : 's'}`);
    case 'routeTable':
      return join(e.routes && `${e.routes.length} route${e.routes.length === 1 ? '' : 's'}`);
    case 'vpnGateway':
    case 'expressRouteGateway':
      return join(e.sku);
    case 'onPremises':
      return join(e.addressSpaces?.join(', '));
    case 'privateEndpoint':
      return join(e.groupId);
    case 'privateDnsZone':
      return '';
    case 'azureService':
      return join(e.serviceType === 'other' ? e.resourceType ?? 'other' : undefined, e.publicNetworkAccess === false && 'private only');
    case 'connector':
      return join(e.connectorType, e.authKind, e.host);
    case 'vnetDataGateway':
      return join('created in the admin center', e.memberCount !== undefined && `${e.memberCount} member${e.memberCount === 1 ? '' : 's'}`);
    case 'networkWatcher':
      return '';
    case 'flowLog':
      return join(e.enabled === false && 'disabled', e.retentionDays !== undefined && `retention ${e.retentionDays === 0 ? 'forever' : `${e.retentionDays} days`}`);
    case 'logAnalyticsWorkspace':
      return join(e.retentionDays !== undefined && `retention ${e.retentionDays} days`);
    case 'dnsResolver':
      return '';
    case 'dnsForwardingRuleset':
      return join(e.rules && `${e.rules.length} rule${e.rules.length === 1 ? '' : 's'}`);
    case 'firewall':
      return join(e.appliance === 'nva' ? 'NVA' : e.skuTier, e.privateIpAddress, e.ruleCollectionGroups && `${e.ruleCollectionGroups.length} rule group${e.ruleCollectionGroups.length === 1 ? '' : 's'}`);
    case 'dataPolicy':
      return dataPolicySummary(e);
  }
}

/**
 * The edges' SVG, routed around every box, and the points they reach so the picture can hold them. A
 * relation the layout shows by nesting gets no edge, only its group (a title, and its change mark if any).
 */
function drawEdges(relations: readonly Relation[], layout: LaneLayout, avoid: readonly Box[], marks?: ReadonlyMap<string, ChangeMark>): { svg: string[]; extent: Point[]; fallbacks: number } {
  const ids = new Set(layout.boxes.map((b) => b.id));
  const drawn = relations.filter((r) => ids.has(r.from) && ids.has(r.to) && (!layout.nested.has(r.id) || marks?.has(r.id)));
  const stats = { fallbacks: 0 };
  const routes = routeEdges(layout.boxes, drawn, avoid, stats);
  // One label per kind between two elements: a peering and its reverse read "peering ⇄".
  const groups = new Map<string, Relation[]>();
  for (const r of drawn) {
    const key = [r.from, r.to].sort().join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  // Lane titles count as taken, so no label covers one.
  const labels: Box[] = [...avoid];
  const out: string[] = [];
  const extent: Point[] = [];
  for (const r of relations) {
    if (layout.nested.has(r.id) && !marks?.has(r.id)) {
      out.push(`<g class="ppv-relation" data-id="${escapeXml(r.id)}" data-kind="${r.kind}" data-nested="true"><title>${escapeXml(relationSentence(r.kind, r.from, r.to))}</title></g>`);
      continue;
    }
    const points = routes.get(r.id);
    if (!points) continue;
    const group = groups.get([r.from, r.to].sort().join('\u0000'))!;
    const sameKind = group.filter((g) => g.kind === r.kind);
    const label = sameKind[0] !== r ? undefined : sameKind.some((g) => g.from !== r.from) ? `${relationLabel(r)} ⇄` : relationLabel(r);
    extent.push(...points);
    out.push(drawEdge(r, points, label, labels, layout.boxes, marks?.get(r.id)));
  }
  return { svg: out, extent, fallbacks: stats.fallbacks };
}

const LABEL_SIZE = 9.5;

/** Where a label fits on the route: the middle of its longest free run, clear of boxes and other labels. */
function placeLabel(points: readonly Point[], text: string, taken: readonly Box[], boxes: readonly PlacedBox[]): Point | undefined {
  const w = estimateWidth(text, LABEL_SIZE) + 8;
  const h = 13;
  const runs = points.slice(1).map((b, i) => ({ a: points[i]!, b, len: Math.abs(b.x - points[i]!.x) + Math.abs(b.y - points[i]!.y) }));
  const candidates: Point[] = [];
  for (const run of [...runs].sort((p, q) => q.len - p.len)) {
    for (const t of [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9]) candidates.push({ x: run.a.x + (run.b.x - run.a.x) * t, y: run.a.y + (run.b.y - run.a.y) * t });
  }
  // A short edge between two containers (a peering between VNets): just inside either end, on its background.
  const ends = [[points[1]!, points[0]!], [points[points.length - 2]!, points[points.length - 1]!]] as const;
  for (const [from, end] of ends) {
    if (from.y === end.y) candidates.push({ x: end.x + Math.sign(end.x - from.x) * (w / 2 + 6), y: end.y });
  }
  // How much of the label would cover text: other labels, boxes (a container's background is fine).
  const covered = (c: Point) => {
    const r = { x: c.x - w / 2, y: c.y - h / 2, w, h };
    const overlap = (o: Box) => Math.max(0, Math.min(r.x + r.w, o.x + o.w) - Math.max(r.x, o.x)) * Math.max(0, Math.min(r.y + r.h, o.y + o.h) - Math.max(r.y, o.y));
    const onBackground = (o: PlacedBox) => o.header !== undefined && contains(o, r) && r.y > o.y + o.header;
    return taken.reduce((n, o) => n + overlap(o), 0) + boxes.reduce((n, o) => n + (onBackground(o) ? 0 : overlap(o)), 0);
  };
  let best: Point | undefined;
  let least = Infinity;
  for (const c of candidates) {
    const n = covered(c);
    if (n === 0) return c;
    if (n < least) [best, least] = [c, n];
  }
  return best;
}

function contains(o: Box, r: Box): boolean {
  return o.x <= r.x && o.y <= r.y && o.x + o.w >= r.x + r.w && o.y + o.h >= r.y + r.h;
}

function drawEdge(r: Relation, points: readonly Point[], label: string | undefined, taken: Box[], boxes: readonly PlacedBox[], mark?: ChangeMark): string {
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join(' ');
  const at = label ? placeLabel(points, label, taken, boxes) : undefined;
  const lw = label ? estimateWidth(label, LABEL_SIZE) + 8 : 0;
  if (at) taken.push({ x: at.x - lw / 2, y: at.y - 6.5, w: lw, h: 13 });
  const mid = at ?? points[Math.floor(points.length / 2)]!;
  return [
    `<g class="ppv-relation" data-id="${escapeXml(r.id)}" data-kind="${r.kind}"${changeAttr(mark)}>`,
    `<title>${escapeXml(relationSentence(r.kind, r.from, r.to))}</title>`,
    // Under the edge, so the relation's own stroke and arrow stay readable on top of the mark.
    relationMark(d, mid, mark),
    `<path class="ppv-edge ppv-edge-${RELATION_STYLE[r.kind]}" d="${d}" marker-end="url(#ppv-arrow)"/>`,
    at && label ? `<rect class="ppv-label-bg" x="${num(at.x - lw / 2)}" y="${num(at.y - 6.5)}" width="${num(lw)}" height="13" rx="3"/>` : '',
    at && label ? `<text class="ppv-label" x="${num(at.x)}" y="${num(at.y + 3.5)}" text-anchor="middle">${escapeXml(label)}</text>` : '',
    '</g>',
  ].join('');
}
