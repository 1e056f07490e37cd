// Registers the workspace-wide checks of the designs (overlaps across designs, address pools) on both hosts.
import type * as vscode from 'vscode';
import type { RulesConfigStore } from '../shared/rules-config-store';
import { WorkspaceDiagnostics } from './workspace-diagnostics';

export function activateWorkspaceChecks(rules: RulesConfigStore): vscode.Disposable[] {
  return [new WorkspaceDiagnostics(rules)];
}
