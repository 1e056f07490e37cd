// The workspace rule configuration (`ppvnet.config.json` or `.ppvnetrc.json`), like bicepconfig.json:
// change a rule's severity or turn it off. Unknown rule ids are reported, never silently ignored.
import type { Severity } from './rule';

export type RuleLevel = Severity | 'off';

export interface RulesConfig {
  readonly rules?: Readonly<Record<string, RuleLevel>>;
}

export const CONFIG_FILE_NAMES = ['ppvnet.config.json', '.ppvnetrc.json'] as const;
