// Quick fixes in the text editor of a design: each rule finding's fixes, applied as one WorkspaceEdit
// computed the same way the designer applies its edits.
import * as vscode from 'vscode';
import type { DesignAnalyzer } from '../shared/design-analyzer';
import { isDesignDocument } from './design-diagnostics';
import { computeEditReplacement } from './edit-applier';
import { toRange } from '../shared/finding-diagnostics';

export class DesignCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly analyzer: DesignAnalyzer) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (!isDesignDocument(document)) return [];
    const analysis = await this.analyzer.analyze(document);
    if (!analysis.state.ok || analysis.version !== document.version) return [];
    const text = document.getText();
    const actions: vscode.CodeAction[] = [];
    for (const finding of analysis.state.findings) {
      if (!finding.fixes?.length || !finding.location) continue;
      const findingRange = toRange(finding.location.range);
      if (!findingRange.intersection(range)) continue;
      const diagnostics = context.diagnostics.filter((d) => d.range.isEqual(findingRange) && codeOf(d) === finding.ruleId && d.message === finding.message);
      finding.fixes.forEach((fix, i) => {
        const r = computeEditReplacement(text, fix.edit);
        if (!r.ok || !r.replacement) return;
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = diagnostics;
        action.isPreferred = i === 0 && finding.fixes!.length === 1;
        action.edit = new vscode.WorkspaceEdit();
        const { offset, length, text: newText } = r.replacement;
        action.edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + length)), newText);
        actions.push(action);
      });
    }
    return actions;
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}
