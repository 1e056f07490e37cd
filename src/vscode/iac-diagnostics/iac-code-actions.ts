// Code actions on Bicep and Terraform files: mechanical quick fixes for our findings (add the Power Platform
// delegation, add the reverse peering) and, where the host has it, "Open in Designer" to import the topology.
import * as vscode from 'vscode';
import { delegationFix, reversePeeringFix, type TextInsert } from '../../core/iac/iac-fix-text';
import type { IacDiagnostics } from './iac-diagnostics';
import { COMMANDS } from '../shared/ids';


export class IacCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.Source];

  constructor(private readonly diagnostics: IacDiagnostics, private readonly offerOpenInDesigner: boolean) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const result = this.diagnostics.result(document);
    const { workspace } = this.diagnostics;
    const { path } = workspace.files;
    // The same file: reader paths compared after normalising, as the readers produce them.
    const same = (uri: vscode.Uri, file: string) => {
      const own = workspace.pathOf(uri);
      return own !== undefined && path.normalize(own) === path.normalize(file);
    };
    for (const diag of context.diagnostics) {
      if (diag.source !== 'ppvnet' || typeof diag.code !== 'object' || !result) continue;
      const ruleId = String(diag.code.value);
      const finding = result.findings.find((f) => f.ruleId === ruleId && f.location && same(document.uri, f.location.file)
        && f.location.range.start.line === diag.range.start.line && f.location.range.start.character === diag.range.start.character);
      if (!finding) continue;
      const textOf = (file: string) => vscode.workspace.textDocuments.find((d) => same(d.uri, file))?.getText();
      let fix: TextInsert | undefined;
      let title = '';
      if (ruleId === 'PPV-008' && finding.elementId && finding.property === 'delegations') {
        fix = delegationFix(result.read, finding.elementId, textOf);
        title = 'Delegate this subnet to Microsoft.PowerPlatform/enterprisePolicies';
      } else if (ruleId === 'AZ-08' && finding.relationId) {
        fix = reversePeeringFix(result.read, finding.relationId, textOf);
        title = 'Add the peering back';
      }
      if (!fix) continue;
      const target = vscode.workspace.textDocuments.find((d) => same(d.uri, fix!.file));
      if (!target) continue;
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diag];
      action.isPreferred = true;
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(target.uri, target.positionAt(fix.offset), fix.text);
      actions.push(action);
    }
    if (!this.offerOpenInDesigner) return actions;
    const open = new vscode.CodeAction('Open in Designer (import Bicep/Terraform)', vscode.CodeActionKind.Source.append('ppvnet'));
    open.command = { command: COMMANDS.openIacInDesigner, title: 'Open in Designer', arguments: [document.uri] };
    actions.push(open);
    return actions;
  }
}
