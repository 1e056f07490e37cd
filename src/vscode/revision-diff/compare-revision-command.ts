// `ppvnet.compareDesignWithRevision`: the design as it is now (unsaved edits included) against the same file
// at a git revision, shown read-only beside the editor and redrawn as the document changes. From a Source
// Control diff (or a `git:` URI argument) the old side is that diff's own; otherwise a revision is asked for.
import * as vscode from 'vscode';
import { diffDesigns } from '../../core/diff/design-diff';
import { renderDiffSvg } from '../../core/diff/diff-picture';
import { diffFindings } from '../../core/diff/findings-delta';
import { loadDesign } from '../../core/model/load-design';
import type { Design } from '../../core/model/schema';
import type { Finding } from '../../core/rules/rule';
import { validateDesign } from '../../core/rules/engine';
import type { RulesConfig } from '../../core/rules/rules-config';
import { readFileAtRevision } from '../../node/git/design-at-revision';
import type { DesignAnalyzer } from '../shared/design-analyzer';
import { targetDesignUri, type OpenDesigners } from '../shared/design-target';
import { DESIGN_SUFFIX } from '../shared/ids';
import { LatestDebouncer } from '../shared/latest-debouncer';
import type { RulesConfigStore } from '../shared/rules-config-store';
import { openDiffPanel, showDiff } from './diff-panel';
import { parseGitUriQuery, refLabel, type GitUriTarget } from './git-uri';
import { pickRevision } from './revision-picker';

export interface RevisionDiffServices {
  readonly rules: RulesConfigStore;
  readonly analyzer: DesignAnalyzer;
  readonly designers: OpenDesigners;
}

/** Scripted callers (tests, other commands) may name the file and the revision and skip the picker. */
export interface CompareRevisionArgs {
  readonly uri?: vscode.Uri;
  readonly rev?: string;
}

interface Sides {
  /** The new side: any document VS Code can open, read with its unsaved edits. */
  readonly document: vscode.TextDocument;
  /** The working-tree file, whose folder's rule configuration applies to both sides. */
  readonly file: vscode.Uri;
  readonly oldLabel: string;
  /** Undefined when the revision has no such file: the change adds the design. */
  readonly oldText: string | undefined;
}

/**
 * Source Control's resource menu passes the clicked SourceControlResourceState (then every selected one): its
 * working-tree file is compared with HEAD, "what this change does to the last commit", whichever group it is in.
 * That menu cannot be limited to designs (VS Code gives it no file-name context), so any other file is refused
 * with a message saying why.
 */
export async function openScmVisualDiff(s: RevisionDiffServices, state: unknown): Promise<vscode.WebviewPanel | undefined> {
  const uri = state !== null && typeof state === 'object' ? (state as { resourceUri?: unknown }).resourceUri : undefined;
  if (!(uri instanceof vscode.Uri)) return compareDesignWithRevision(s, undefined);
  if (!uri.path.endsWith(DESIGN_SUFFIX)) {
    void vscode.window.showInformationMessage(`Open Visual Diff compares Power Platform VNet designs (*${DESIGN_SUFFIX}); ${vscode.workspace.asRelativePath(uri, false)} is not one.`);
    return undefined;
  }
  return compareDesignWithRevision(s, { uri, rev: 'HEAD' } satisfies CompareRevisionArgs);
}

export async function compareDesignWithRevision(s: RevisionDiffServices, arg?: unknown): Promise<vscode.WebviewPanel | undefined> {
  const sides = await resolveSides(s, arg);
  if (!sides) return undefined;
  const { document, file, oldLabel, oldText } = sides;
  const oldLoad = oldText === undefined ? undefined : loadDesign(oldText);
  if (oldLoad && !oldLoad.ok) throw new Error(`The design at ${oldLabel} does not load: ${oldLoad.errors[0]?.message ?? 'invalid'}`);
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const oldName = `${oldLabel}:${vscode.workspace.asRelativePath(file, false)}${oldText === undefined ? ' (absent)' : ''}`;
  const newName = vscode.workspace.asRelativePath(document.uri, false);

  // The old side never changes; its findings are checked again only when the rule configuration does.
  let oldFindings: { readonly config: RulesConfig | undefined; readonly findings: Finding[] } | undefined;
  const report = async () => {
    const config = await s.rules.configFor(file);
    const now = await currentSide(s.analyzer, document, config);
    if (!now.ok) return now;
    // An absent old side is the new design emptied, so its name and description do not count as changes.
    const before: Design = oldLoad?.ok ? oldLoad.design : { ...now.design, elements: [], relations: [] };
    const diff = diffDesigns(before, now.design);
    // An absent side borrows the new design's own properties, so it is checked each time.
    if (!oldFindings || oldFindings.config !== config || !oldLoad?.ok) oldFindings = { config, findings: validateDesign(before, { config }) };
    const findings = diffFindings(oldFindings.findings, now.findings);
    return { ok: true as const, svg: renderDiffSvg(now.design, diff, { findings: now.findings }), report: { old: oldName, new: newName, diff, findings } };
  };
  const first = await report();
  if (!first.ok) throw new Error(`${newName} does not load (${first.message}); fix it before comparing.`);

  const title = `${name} ↔ ${oldLabel}`;
  const panel = openDiffPanel(title);
  showDiff(panel, { title, ...first });
  // Redraw as the document is edited; a state that does not load keeps the last picture until it does again.
  let open = true;
  const redraw = new LatestDebouncer(() => {
    void report().then((r) => {
      if (r.ok && open) showDiff(panel, { title, ...r });
    });
  }, () => 300);
  const watch = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === document && e.contentChanges.length > 0) redraw.trigger();
  });
  panel.onDidDispose(() => {
    open = false;
    watch.dispose();
    redraw.dispose();
  });
  return panel;
}

type CurrentSide = { readonly ok: true; readonly design: Design; readonly findings: readonly Finding[] } | { readonly ok: false; readonly message: string };

async function currentSide(analyzer: DesignAnalyzer, document: vscode.TextDocument, config: RulesConfig | undefined): Promise<CurrentSide> {
  // A working-tree document goes through the shared analyzer (one validation per version for every feature).
  if (document.uri.scheme === 'file' || document.uri.scheme === 'untitled') {
    const { state } = await analyzer.analyze(document);
    return state.ok ? { ok: true, design: state.design, findings: state.findings } : { ok: false, message: state.errors[0]?.message ?? 'invalid' };
  }
  const load = loadDesign(document.getText());
  return load.ok ? { ok: true, design: load.design, findings: validateDesign(load.design, { config }) } : { ok: false, message: load.errors[0]?.message ?? 'invalid' };
}

async function resolveSides(s: RevisionDiffServices, arg: unknown): Promise<Sides | undefined> {
  if (arg instanceof vscode.Uri && arg.scheme === 'git') return fromGitUri(arg, await vscode.workspace.openTextDocument(vscode.Uri.file(gitTarget(arg).path)));
  // The editor title action of a Source Control diff passes the modified side; the original is the git: one.
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (tab instanceof vscode.TabInputTextDiff && tab.original.scheme === 'git' && tab.modified.path.endsWith(DESIGN_SUFFIX) && (arg === undefined || (arg instanceof vscode.Uri && arg.toString() === tab.modified.toString()))) {
    return fromGitUri(tab.original, await vscode.workspace.openTextDocument(tab.modified));
  }
  const given = arg !== null && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as CompareRevisionArgs) : undefined;
  const uri = given?.uri ?? targetDesignUri(arg, s.designers);
  if (!uri) {
    void vscode.window.showWarningMessage('Open a Power Platform VNet design (*.ppvnet.json) first.');
    return undefined;
  }
  if (uri.scheme !== 'file') throw new Error(`${uri.toString()} is not a file on disk, so git has no history for it.`);
  const document = await vscode.workspace.openTextDocument(uri);
  const rev = given?.rev ?? (await pickRevision(uri.fsPath));
  if (rev === undefined) return undefined;
  return { document, file: uri, oldLabel: rev, oldText: await textAtRevision(uri.fsPath, rev) };
}

function gitTarget(uri: vscode.Uri): GitUriTarget {
  const target = parseGitUriQuery(uri.query);
  if (!target) throw new Error(`${uri.toString()} does not say which file and revision it shows.`);
  return target;
}

async function fromGitUri(gitUri: vscode.Uri, document: vscode.TextDocument): Promise<Sides> {
  const { path, ref } = gitTarget(gitUri);
  // The index and the working tree are no revision for `git cat-file <rev>:<path>`; the git extension serves them.
  const oldText = ref === '~' || ref === '' ? (await vscode.workspace.openTextDocument(gitUri)).getText() : await textAtRevision(path, ref);
  return { document, file: vscode.Uri.file(path), oldLabel: refLabel(ref), oldText };
}

async function textAtRevision(fsPath: string, rev: string): Promise<string | undefined> {
  const read = await readFileAtRevision(fsPath, rev);
  if (read.kind === 'error') throw new Error(read.message);
  return read.kind === 'text' ? read.text : undefined;
}
