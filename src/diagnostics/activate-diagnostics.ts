// Registers Problems-panel diagnostics on open Bicep and Terraform files, and their import. (Placeholder until that feature lands: registers nothing.)
import type * as vscode from 'vscode';

export function activateIacDiagnostics(_context: vscode.ExtensionContext): vscode.Disposable[] {
  return [];
}
