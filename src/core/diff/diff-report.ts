// What every rendering of a diff shows (the CLI's text, Markdown, JSON and SARIF, the VS Code panel): the two
// sides as displayed, the design diff and the findings delta, plus the one-line descriptions of changed items.
import { formatChange } from './change-values';
import type { DesignDiff, ElementChange, PropertyChange, RelationChange } from './design-diff';
import type { FindingsDelta } from './findings-delta';
import { ELEMENT_LABELS, RELATION_LABELS } from '../model/labels';

export interface DiffReport {
  readonly old: string;
  readonly new: string;
  readonly diff: DesignDiff;
  readonly findings: FindingsDelta;
}

export const CHANGE_SYMBOL = { added: '+', removed: '−', changed: '~' } as const;

/** A VNet as `vnet vnet-frc "vnet-pp-frc"`: the kind, the id (stable) and the name (what a reviewer knows). */
export function describeElement(c: ElementChange, code: (s: string) => string, text: (s: string) => string): string {
  return `${ELEMENT_LABELS[c.element.kind]} ${code(c.id)} ${text(`"${c.element.name}"`)}`;
}

/** A relation by kind and id, with the ends it joins (a peering and its reverse differ only there). */
export function describeRelation(c: RelationChange, code: (s: string) => string, text: (s: string) => string): string {
  return `${RELATION_LABELS[c.relation.kind]} ${code(c.id)} ${text('(')}${code(c.relation.from)} → ${code(c.relation.to)}${text(')')}`;
}

export function describeProperty(p: PropertyChange, code: (s: string) => string, text: (s: string) => string): string {
  return `${code(p.path)} ${text(formatChange(p))}`;
}

export function changeCounts(diff: DesignDiff): Record<'added' | 'removed' | 'changed', number> {
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const c of [...diff.elements, ...diff.relations]) counts[c.change]++;
  if (diff.design.length > 0) counts.changed++;
  return counts;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
