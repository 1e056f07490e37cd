// Shows drift on the design file: one diagnostic per drift item (source ppvnet-drift, code DRIFT),
// positioned on the element, relation or property it is about, and a Markdown list for the output channel.
import * as vscode from 'vscode';
import type { DriftItem } from '../../core/azure/drift';
import type { DesignIndex } from '../../core/model/load-design';
import type { SourceRange } from '../../core/model/source-range';
import type { GroupOutcome } from '../../node/azure/arm-reader';

export const DRIFT_SOURCE = 'ppvnet-drift';
export const DRIFT_CODE = 'DRIFT';

/** Where a drift item is written in the design text; the document start when nothing closer exists. */
export function driftRange(item: DriftItem, index: DesignIndex): SourceRange {
  const range = item.kind === 'extra'
    ? (item.anchorElementId !== undefined ? index.elementRange(item.anchorElementId) : undefined)
    : item.elementId !== undefined
      ? index.elementRange(item.elementId, item.property) ?? index.elementRange(item.elementId)
      : item.relationId !== undefined
        ? index.relationRange(item.relationId, item.property) ?? index.relationRange(item.relationId)
        : undefined;
  return range ?? index.rangeOf(['name']) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
}

export function driftDiagnostics(items: readonly DriftItem[], index: DesignIndex): vscode.Diagnostic[] {
  return items.map((item) => {
    const r = driftRange(item, index);
    const d = new vscode.Diagnostic(
      new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
      `Azure drift (${item.kind}): ${item.message}`,
      item.kind === 'changed' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
    );
    d.source = DRIFT_SOURCE;
    d.code = DRIFT_CODE;
    return d;
  });
}

/** A Markdown report of one comparison, for the output channel and the list view. */
export function driftMarkdown(designName: string, items: readonly DriftItem[], groups: readonly GroupOutcome[]): string {
  const lines = [`# Drift: ${designName}`, ''];
  lines.push(`Read ${groups.filter((g) => g.ok).length} of ${groups.length} resource groups: ${groups.map((g) => `${g.resourceGroup}${g.ok ? '' : ` (not read: ${g.error ?? 'error'})`}`).join(', ')}.`, '');
  if (items.length === 0) lines.push('No differences: Azure matches the design.');
  for (const kind of ['missing', 'changed', 'extra'] as const) {
    const of = items.filter((i) => i.kind === kind);
    if (of.length === 0) continue;
    lines.push(`## ${kind} (${of.length})`, '', ...of.map((i) => `- ${i.message}`), '');
  }
  return lines.join('\n');
}
