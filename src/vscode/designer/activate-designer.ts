// Registers the designer custom editor, the Problems panel entries and quick fixes for design files,
// and the design commands. Returns the open designers for the activation, and a test hook for the in-host suites.
import * as vscode from 'vscode';
import { addressPlanMessage } from '../../core/protocol/messages';
import type { DesignAnalyzer } from '../shared/design-analyzer';
import type { OpenDesigners } from '../shared/design-target';
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

export interface DesignerShared {
  readonly log: DesignerLog;
  readonly rules: RulesConfigStore;
  readonly analyzer: DesignAnalyzer;
}

/** The designer's registrations, and its open panels for the features that act on them (export, diagram). */
export function activateDesigner(context: vscode.ExtensionContext, shared: DesignerShared): { readonly disposables: vscode.Disposable[]; readonly designers: OpenDesigners } {
  const { log, rules: config, analyzer } = shared;
  const sessions = new DesignerSessions();
  const diagnostics = new DesignDiagnostics(analyzer, context.extensionUri);
  hook = { sessions: (uri) => (uri ? sessions.forUri(uri) : sessions.all()) };
  // What the store could read of the file, with its problem count (the problems themselves are on the file).
  const addressPlan = async (uri: vscode.Uri) => {
    const read = await config.configFileFor(uri);
    return addressPlanMessage(read?.config.addressPlan, read && { file: read.file, problems: read.problems });
  };
  const disposables = [
    diagnostics,
    DesignerEditorProvider.register(context, { analyzer, log, sessions, generation: () => config.generation, addressPlan }),
    vscode.languages.registerCodeActionsProvider({ pattern: '**/*.ppvnet.json' }, new DesignCodeActions(analyzer), {
      providedCodeActionKinds: DesignCodeActions.providedCodeActionKinds,
    }),
    config.onDidChange(() => {
      diagnostics.refreshAll();
      for (const s of sessions.all()) s.revalidate();
    }),
    ...registerDesignCommands(sessions),
  ];
  return { disposables, designers: sessions };
}
