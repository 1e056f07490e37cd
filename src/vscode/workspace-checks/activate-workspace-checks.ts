// Registers the workspace-wide checks (overlaps across designs and the workspace's Bicep and Terraform, address
// pools) on both hosts, reading IaC through the host's IacWorkspace.
import type * as vscode from 'vscode';
import type { IacWorkspace } from '../shared/iac-workspace';
import type { RulesConfigStore } from '../shared/rules-config-store';
import { WorkspaceDiagnostics } from './workspace-diagnostics';

export function activateWorkspaceChecks(rules: RulesConfigStore, iac: IacWorkspace): vscode.Disposable[] {
  return [new WorkspaceDiagnostics(rules, iac)];
}
