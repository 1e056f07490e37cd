// Registers Import from Azure and Compare with Azure. (Placeholder until that feature lands: registers nothing.)
import type * as vscode from 'vscode';

export function activateAzure(_context: vscode.ExtensionContext): vscode.Disposable[] {
  return [];
}
