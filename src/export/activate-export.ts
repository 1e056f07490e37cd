// Registers the Export to Bicep/Terraform commands. (Placeholder until that feature lands: registers nothing.)
import type * as vscode from 'vscode';

export function activateExport(_context: vscode.ExtensionContext): vscode.Disposable[] {
  return [];
}
