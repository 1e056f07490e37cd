// Which rule findings a change brings in, clears or leaves alone. Findings are matched by rule, the element
// or relation they point at and their message, never by file position: positions move with every edit.
import type { Finding } from '../rules/rule';

export interface FindingsDelta {
  /** On the new side only: what the change introduces. */
  readonly added: readonly Finding[];
  /** On the old side only: what the change fixes (or removes along with its element). */
  readonly fixed: readonly Finding[];
  /** On both sides, as the new side reports them. */
  readonly unchanged: readonly Finding[];
}

export function findingKey(f: Finding): string {
  return [f.ruleId, f.elementId ?? '', f.relationId ?? '', f.message].join('\u0000');
}

/**
 * Classifies the findings of both sides. Equal keys are paired one to one, so a rule that reports the same
 * thing twice on the new side and once on the old leaves one of them new.
 */
export function diffFindings(before: readonly Finding[], after: readonly Finding[]): FindingsDelta {
  const pool = new Map<string, Finding[]>();
  for (const f of before) pool.set(findingKey(f), [...(pool.get(findingKey(f)) ?? []), f]);
  const added: Finding[] = [];
  const unchanged: Finding[] = [];
  for (const f of after) {
    const left = pool.get(findingKey(f));
    if (left && left.length > 0) {
      left.shift();
      unchanged.push(f);
    } else added.push(f);
  }
  const fixed = [...pool.values()].flat();
  return { added, fixed, unchanged };
}

export function newErrors(delta: FindingsDelta): number {
  return delta.added.filter((f) => f.severity === 'error').length;
}
