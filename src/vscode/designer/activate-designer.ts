// Registers the designer custom editor, the Problems panel entries and quick fixes for design files,
// and the design and diagram commands. Returns a small test hook for the in-host test suites.
import * as vscode from 'vscode';
import { registerDiagramExport } from '../diagram/export-diagram';
import { DesignAnalyzer } from '../shared/design-analyzer';
import { DesignCodeActions } from './design-code-actions';
import { registerDesignCommands } from './design-commands';
import { DesignDiagnostics } from './design-diagnostics';
import { DesignerEditorProvider, DesignerSessions } from './designer-editor-provider';
import type { DesignerSession } from './designer-session';
import type { DesignerLog } from '../shared/output-log';
import type { RulesConfigStore } from '../shared/rules-config-store';

/** What `activate()` exposes for the extension-host tests; nothing else relies on it. */
export interface DesignerTestHook {
  sessions(uri?: vscode.Uri): readonly DesignerSession[];
}

let hook: DesignerTestHook | undefined;

export function designerTestHook(): DesignerTestHook | undefined {
  return hook;
}

export function activateDesigner(context: vscode.ExtensionContext, shared: { readonly log: DesignerLog; readonly rules: RulesConfigStore }): vscode.Disposable[] {
  const { log, rules: config } = shared;
  const analyzer = new DesignAnalyzer(config);
  const sessions = new DesignerSessions();
  const diagnostics = new DesignDiagnostics(analyzer, context.extensionUri);
  hook = { sessions: (uri) => (uri ? sessions.forUri(uri) : sessions.all()) };
  return [
    diagnostics,
    DesignerEditorProvider.register(context, { analyzer, log, sessions, generation: () => config.generation }),
    vscode.languages.registerCodeActionsProvider({ pattern: '**/*.ppvnet.json' }, new DesignCodeActions(analyzer), {
      providedCodeActionKinds: DesignCodeActions.providedCodeActionKinds,
    }),
    config.onDidChange(() => {
      diagnostics.refreshAll();
      for (const s of sessions.all()) s.revalidate();
    }),
    ...registerDesignCommands(sessions),
    ...registerDiagramExport({ sessions, analyzer, log }),
  ];
}
