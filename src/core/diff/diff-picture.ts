// The picture of a diff: the new design with what the change removed drawn back in from the old one, and
// every added, removed and changed element and relation marked, through the ordinary SVG renderer.
import type { ChangeMark } from '../diagram/change-marks';
import { renderDesignSvg } from '../diagram/render-svg';
import type { Design, Element, Relation } from '../model/schema';
import type { Finding } from '../rules/rule';
import type { DesignDiff } from './design-diff';

export interface DiffPictureOptions {
  /** Findings of the new design, drawn as the usual badges. */
  readonly findings?: readonly Finding[];
}

export function renderDiffSvg(after: Design, diff: DesignDiff, options: DiffPictureOptions = {}): string {
  const removedElements: Element[] = diff.elements.filter((c) => c.change === 'removed').map((c) => c.element);
  const ids = new Set([...after.elements, ...removedElements].map((e) => e.id));
  // A removed relation is drawn only when both its ends are in the picture (its element may be gone too,
  // and then it is drawn, since removed elements are drawn as well).
  const removedRelations: Relation[] = diff.relations
    .filter((c) => c.change === 'removed' && ids.has(c.relation.from) && ids.has(c.relation.to))
    .map((c) => c.relation);
  const merged: Design = { ...after, elements: [...after.elements, ...removedElements], relations: [...after.relations, ...removedRelations] };
  const elements = new Map<string, ChangeMark>(diff.elements.map((c) => [c.id, c.change]));
  const relations = new Map<string, ChangeMark>(diff.relations.map((c) => [c.id, c.change]));
  return renderDesignSvg(merged, { ...(options.findings ? { findings: options.findings } : {}), marks: { elements, relations } });
}
