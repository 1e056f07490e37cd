// The workspace rule configuration (`ppvnet.config.json` or `.ppvnetrc.json`), like bicepconfig.json:
// change a rule's severity or turn it off. Unknown rule ids are reported, never silently ignored.
import { findNodeAtLocation, parseTree, type ParseError } from 'jsonc-parser';
import type { LoadError } from '../model/load-design';
import { ADDRESS_PLAN_KEYS, parseAddressPlan, type AddressPlanConfig } from '../plan/address-plan-config';
import { LineIndex, ZERO_RANGE } from '../model/source-range';
import type { Severity } from './rule';

export type RuleLevel = Severity | 'off';

export interface RulesConfig {
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /** Address pools, reserved and on-premises ranges, for the planner and the workspace checks. */
  readonly addressPlan?: AddressPlanConfig;
}

const SETTINGS: readonly string[] = ['$schema', 'rules', ...ADDRESS_PLAN_KEYS];

export const CONFIG_FILE_NAMES = ['ppvnet.config.json', '.ppvnetrc.json'] as const;

const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'info', 'off'];

/**
 * Reads a config text (comments allowed, as in bicepconfig.json). Problems are positioned; whatever is
 * valid still applies, so one typo does not switch every override off.
 */
export function parseRulesConfig(text: string, knownRuleIds: readonly string[]): { config: RulesConfig; problems: LoadError[] } {
  const lines = new LineIndex(text);
  const syntax: ParseError[] = [];
  const root = parseTree(text, syntax, { allowTrailingComma: true, disallowComments: false });
  if (!root || syntax.length > 0) {
    const e = syntax[0];
    return { config: {}, problems: [{ message: 'The rule configuration is not valid JSON.', range: e ? lines.range(e.offset, Math.max(1, e.length)) : ZERO_RANGE }] };
  }
  const problems: LoadError[] = [];
  for (const prop of root.type === 'object' ? root.children ?? [] : []) {
    const key = prop.children?.[0];
    if (key && !SETTINGS.includes(String(key.value))) {
      problems.push({ message: `Unknown setting "${key.value}"; the configuration has ${SETTINGS.slice(1).map((k) => `"${k}"`).join(', ')}.`, range: lines.range(key.offset, key.length) });
    }
  }
  const rulesNode = findNodeAtLocation(root, ['rules']);
  const rules: Record<string, RuleLevel> = {};
  if (rulesNode && rulesNode.type !== 'object') {
    problems.push({ message: '"rules" maps rule ids to "error", "warning", "info" or "off".', range: lines.range(rulesNode.offset, rulesNode.length) });
  }
  for (const prop of rulesNode?.type === 'object' ? rulesNode.children ?? [] : []) {
    const [key, value] = prop.children ?? [];
    if (!key || !value) continue;
    const id = String(key.value);
    if (!knownRuleIds.includes(id)) {
      problems.push({ message: `Unknown rule id "${id}".`, range: lines.range(key.offset, key.length) });
    } else if (!LEVELS.includes(value.value as RuleLevel)) {
      problems.push({ message: `"${id}" must be one of ${LEVELS.map((l) => `"${l}"`).join(', ')}.`, range: lines.range(value.offset, value.length) });
    } else {
      rules[id] = value.value as RuleLevel;
    }
  }
  const plan = root.type === 'object' ? parseAddressPlan(root, lines) : { problems: [] };
  problems.push(...plan.problems);
  return { config: { rules, ...(plan.plan ? { addressPlan: plan.plan } : {}) }, problems };
}
