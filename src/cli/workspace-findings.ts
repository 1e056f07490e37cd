// The CLI side of the workspace checks: runs src/core/plan/workspace-checks over every design `validate`
// loaded, with each design's address plan, and places the findings in the design files.
import type { SourceRange } from '../core/model/source-range';
import { checkWorkspace, WORKSPACE_DEFAULT_SEVERITY, WORKSPACE_RULE_ID, workspaceLevel, type WorkspaceRef } from '../core/plan/workspace-checks';
import type { RulesConfig } from '../core/rules/rules-config';
import type { ReportFinding } from './format/report';
import type { SarifRule } from './format/sarif';
import type { LoadedInput } from './load-inputs';

export const WORKSPACE_PSEUDO_RULE: SarifRule = {
  id: WORKSPACE_RULE_ID,
  title: 'Address conflict across the designs of a workspace',
  severity: WORKSPACE_DEFAULT_SEVERITY,
  category: 'address-space',
  rationale: 'Designs validated together share one address plan: VNets of different designs that overlap cannot be peered or routed to each other, and a VNet outside the configured address pools, or on a reserved or on-premises range, collides with the rest of the network.',
  fix: 'Move one VNet to a free block (ppvnet plan-addresses lists them), or widen the pools in ppvnet.config.json.',
};

const ZERO: SourceRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export interface CheckedInput {
  readonly input: LoadedInput;
  readonly config?: RulesConfig;
}

export function workspaceFindings(checked: readonly CheckedInput[]): ReportFinding[] {
  const byFile = new Map(checked.map((c) => [c.input.file, c.input]));
  const place = (ref: WorkspaceRef) => byFile.get(ref.file)?.locate?.(ref) ?? { file: ref.file, range: ZERO };
  const designs = checked.flatMap(({ input, config }) => (input.design ? [{ file: input.file, design: input.design, plan: config?.addressPlan, level: workspaceLevel(config) }] : []));
  return checkWorkspace(designs).map((f) => ({
    ruleId: WORKSPACE_RULE_ID,
    severity: f.severity,
    message: f.message,
    ...(f.elementId !== undefined ? { elementId: f.elementId } : {}),
    ...(f.property !== undefined ? { property: f.property } : {}),
    ...place(f),
    ...(f.related.length > 0 ? { related: f.related.map((r) => ({ message: r.message, ...place(r) })) } : {}),
  }));
}
