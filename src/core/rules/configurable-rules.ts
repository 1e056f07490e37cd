// The rule ids a configuration's `rules` section may name: the catalog's, and the workspace check's, which
// runs across designs rather than in the engine but is re-levelled and switched off the same way.
import { WORKSPACE_RULE_ID } from '../plan/workspace-checks';
import { RULES } from './registry';

export const CONFIGURABLE_RULE_IDS: readonly string[] = [...RULES.map((r) => r.meta.id), WORKSPACE_RULE_ID];
