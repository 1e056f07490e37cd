// The address map's colours and hatch patterns, shared by the SVG text and the designer's panel so both
// pictures match. Reserved and on-premises ranges are hatched at different angles to read in greyscale.
import type { MapBlockKind } from './address-map';

export interface MapPattern {
  readonly id: string;
  readonly angle: number;
  readonly background: string;
  readonly stroke: string;
}

export const MAP_PATTERNS: readonly MapPattern[] = [
  { id: 'ppvnet-hatch-reserved', angle: 45, background: '#edf2f7', stroke: '#4a5568' },
  { id: 'ppvnet-hatch-on-premises', angle: -45, background: '#fefcbf', stroke: '#975a16' },
];

const FILLS: Record<MapBlockKind | 'bar', { fill: string; stroke: string }> = {
  bar: { fill: '#ffffff', stroke: '#718096' },
  vnet: { fill: '#bee3f8', stroke: '#2b6cb0' },
  subnet: { fill: '#63b3ed', stroke: '#2b6cb0' },
  reserved: { fill: `url(#${MAP_PATTERNS[0]!.id})`, stroke: '#4a5568' },
  onPremises: { fill: `url(#${MAP_PATTERNS[1]!.id})`, stroke: '#975a16' },
  free: { fill: '#f7fafc', stroke: '#a0aec0' },
};

export const mapFill = (kind: MapBlockKind | 'bar') => FILLS[kind];
