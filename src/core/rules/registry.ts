// The catalog, in id order. Power Platform rules and general Azure network rules are listed in their
// own modules so each half of the catalog can grow without touching the other.
import { AZ_RULES } from './catalog/az';
import { PPV_RULES } from './catalog/ppv';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [...PPV_RULES, ...AZ_RULES];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
