// Registers Export to Bicep / Export to Terraform: picks the design (argument, active designer, or active
// text editor: shared/design-target), judges it through the one DesignAnalyzer (the findings the Problems panel
// shows, under the same rule configuration), writes the files inside the workspace folder only, and never
// replaces a file edited by hand without the user's consent (with a diff preview on offer). Files go through
// the host's ExportDestination (disk on Node, vscode.workspace.fs on the web).
import * as vscode from 'vscode';
import { exportDesign, MAIN_FILE, type ExportFormat } from '../../core/export/export-design';
import type { Finding } from '../../core/rules/rule';
import { designNameFromFileName, substituteOutputFolder } from '../../core/export/output-folder';
import { ExportRefusedError, needsConsent, type ExportDestination, type ExportWrite } from './export-destination';
import type { DesignAnalyzer } from '../shared/design-analyzer';
import { registerCommands } from '../shared/command-registry';
import { targetDesignUri, type OpenDesigners } from '../shared/design-target';
import { COMMANDS } from '../shared/ids';

const PREVIEW_SCHEME = 'ppvnet-export-preview';

/** What a run of the command did; returned to callers such as tests and the designer. */
export type ExportCommandResult =
  | { readonly ok: true; readonly outDir: string; readonly written: readonly string[]; readonly unchanged: number }
  | { readonly ok: false; readonly reason: 'noDesign' | 'invalidDesign' | 'noWorkspace' | 'outsideWorkspace' | 'cancelled'; readonly message: string };

/** New file contents shown on the right of the diff preview, by preview URI. */
class PreviewDocuments implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();
  private counter = 0;
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }
  add(fileName: string, content: string): vscode.Uri {
    // A fresh URI per preview, so a second preview of the same file never shows stale text.
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${++this.counter}/${fileName}` });
    this.docs.set(uri.toString(), content);
    return uri;
  }
}

export interface ExportDeps {
  readonly destination: ExportDestination;
  readonly analyzer: DesignAnalyzer;
  readonly designers: OpenDesigners;
}

export function activateExport(deps: ExportDeps): vscode.Disposable[] {
  const previews = new PreviewDocuments();
  const run = (format: ExportFormat) => (arg?: unknown) => runExport(format, arg, previews, deps);
  return [
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    ...registerCommands({ [COMMANDS.exportBicep]: run('bicep'), [COMMANDS.exportTerraform]: run('terraform') }),
  ];
}

/** The last segment of a URI's path (its file name on every host). */
function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function fail(reason: Exclude<ExportCommandResult, { ok: true }>['reason'], message: string): ExportCommandResult {
  // Not awaited: a notification stays until dismissed, and the command must not hang on it.
  void vscode.window.showErrorMessage(message);
  return { ok: false, reason, message };
}

function describeFinding(f: Finding): string {
  const where = f.elementId ?? f.relationId;
  return `• ${f.ruleId}${where ? ` (${where})` : ''}: ${f.message}`;
}

async function runExport(format: ExportFormat, arg: unknown, previews: PreviewDocuments, deps: ExportDeps): Promise<ExportCommandResult> {
  const { destination, analyzer } = deps;
  const label = format === 'bicep' ? 'Bicep' : 'Terraform';
  const uri = targetDesignUri(arg, deps.designers);
  if (!uri) return fail('noDesign', `Export to ${label}: open a design (*.ppvnet.json) in the designer or the text editor first.`);

  // The document as the user sees it (unsaved edits included), judged as the Problems panel judges it.
  const { state } = await analyzer.analyze(await vscode.workspace.openTextDocument(uri));
  if (!state.ok) {
    const first = state.errors[0]!;
    return fail('invalidDesign', `Export to ${label}: ${fileNameOf(uri)} does not load (line ${first.range.start.line + 1}: ${first.message}). Fix it and export again.`);
  }

  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder || !destination.accepts(folder)) {
    return fail('noWorkspace', `Export to ${label}: ${fileNameOf(uri)} is not inside a workspace folder on disk; exports are written into the design's workspace folder.`);
  }

  // The workspace's rule configuration applies: a rule turned off there does not block export.
  const errors = state.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const shown = errors.slice(0, 12).map(describeFinding);
    if (errors.length > shown.length) shown.push(`… and ${errors.length - shown.length} more (see the Problems panel).`);
    const go = 'Export Anyway';
    const pick = await vscode.window.showWarningMessage(
      `The design has ${errors.length} error-level finding${errors.length === 1 ? '' : 's'}; the ${label} export would likely fail to deploy or work.`,
      { modal: true, detail: shown.join('\n') },
      go,
    );
    if (pick !== go) return { ok: false, reason: 'cancelled', message: 'Export cancelled: the design has errors.' };
  }

  const designName = designNameFromFileName(fileNameOf(uri));
  const setting = vscode.workspace.getConfiguration('ppvnet', uri).get<string>('export.outputFolder') || 'infra/${designName}/${format}';
  const relFolder = substituteOutputFolder(setting, designName, format);
  let outDir: vscode.Uri;
  let plan: ExportWrite[];
  try {
    outDir = await destination.resolveInside(folder, relFolder);
    plan = await destination.plan(folder, outDir, exportDesign(state.design, format, { designFile: fileNameOf(uri) }));
  } catch (e) {
    if (e instanceof ExportRefusedError) return fail('outsideWorkspace', `Export to ${label} refused: ${e.message} Change the setting ppvnet.export.outputFolder.`);
    throw e;
  }

  // A file open with unsaved edits is the user's work in progress even when the copy on disk is ours.
  const unsaved = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => destination.fileKey(d.uri)));
  const isUnsaved = (p: ExportWrite) => p.state !== 'unchanged' && unsaved.has(destination.fileKey(p.uri));
  const blocked = [...new Set([...needsConsent(plan), ...plan.filter(isUnsaved)])];
  if (blocked.length > 0 && !(await confirmOverwrite(blocked, previews, isUnsaved))) {
    return { ok: false, reason: 'cancelled', message: 'Export cancelled: hand-edited files were kept.' };
  }

  let written: vscode.Uri[];
  try {
    written = await destination.apply(folder, plan);
  } catch (e) {
    if (e instanceof ExportRefusedError) return fail('outsideWorkspace', `Export to ${label} refused: ${e.message}`);
    throw e;
  }
  const main = plan.find((p) => p.file.path === MAIN_FILE[format])?.uri;
  if (main) await vscode.window.showTextDocument(main, { preview: false });
  const relOut = destination.relative(folder, outDir) || '.';
  const unchanged = plan.length - written.length;
  void vscode.window.showInformationMessage(
    written.length === 0
      ? `${label} export in ${relOut} is already up to date.`
      : `Exported ${written.length} ${label} file${written.length === 1 ? '' : 's'} to ${relOut}${unchanged ? ` (${unchanged} unchanged)` : ''}.`,
    'Reveal in Explorer',
  ).then((pick) => {
    if (pick) void vscode.commands.executeCommand('revealInExplorer', outDir);
  });
  return { ok: true, outDir: outDir.fsPath, written: written.map((w) => w.fsPath), unchanged };
}

/** Asks before replacing hand-edited or foreign files; "Show Diff" opens a diff per file and asks again. */
async function confirmOverwrite(blocked: readonly ExportWrite[], previews: PreviewDocuments, isUnsaved: (p: ExportWrite) => boolean): Promise<boolean> {
  const overwrite = blocked.length === 1 ? 'Overwrite' : `Overwrite ${blocked.length} Files`;
  const diff = blocked.length === 1 ? 'Show Diff' : 'Show Diffs';
  const detail = blocked
    .map((p) => `• ${p.file.path}: ${isUnsaved(p) ? 'open with unsaved changes' : p.state === 'edited' ? 'edited by hand since it was exported' : 'not written by the designer'}`)
    .join('\n');
  for (;;) {
    const pick = await vscode.window.showWarningMessage(
      `${blocked.length === 1 ? 'A file' : `${blocked.length} files`} in the export folder changed since the last export. Replace with the new export?`,
      { modal: true, detail },
      overwrite,
      diff,
    );
    if (pick === overwrite) return true;
    if (pick !== diff) return false;
    for (const p of blocked) {
      const right = previews.add(fileNameOf(p.uri), p.file.content);
      await vscode.commands.executeCommand('vscode.diff', p.uri, right, `${p.file.path}: on disk ↔ new export`, { preview: false });
    }
  }
}
