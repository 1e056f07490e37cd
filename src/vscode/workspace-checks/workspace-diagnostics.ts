// Problems-panel entries (PPV-WORKSPACE) for what only the whole workspace shows: VNets of different designs
// that overlap, and VNets outside the configured address pools or on reserved or on-premises ranges. Each
// overlap is shown on both designs; every scan replaces the whole collection.
import * as vscode from 'vscode';
import { checkWorkspace, WORKSPACE_RULE_ID } from '../../core/plan/workspace-checks';
import { placeWorkspaceFindings } from '../../core/plan/workspace-placement';
import { isIgnoredScheme, toRange } from '../shared/finding-diagnostics';
import { DESIGN_SUFFIX } from '../shared/ids';
import { LatestDebouncer } from '../shared/latest-debouncer';
import type { RulesConfigStore } from '../shared/rules-config-store';
import { validationDelayMs } from '../shared/settings';
import { DESIGN_GLOB, WorkspaceDesignReader } from './workspace-designs';

const isDesign = (uri: vscode.Uri) => uri.path.endsWith(DESIGN_SUFFIX) && !isIgnoredScheme(uri);

export class WorkspaceDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('ppvnet-workspace');
  private readonly reader = new WorkspaceDesignReader();
  private readonly debouncer = new LatestDebouncer(() => void this.run(), validationDelayMs);
  /** Bumped per scan: a slow scan that an edit overtook publishes nothing. */
  private generation = 0;
  private readonly updated = new vscode.EventEmitter<void>();
  /** Fires after a scan published its diagnostics. */
  readonly onDidUpdate = this.updated.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.updated, this.debouncer];

  constructor(private readonly rules: RulesConfigStore) {
    const watcher = vscode.workspace.createFileSystemWatcher(DESIGN_GLOB);
    const listChanged = () => {
      this.reader.invalidateList();
      this.debouncer.trigger();
    };
    const onDocument = (d: vscode.TextDocument) => {
      if (isDesign(d.uri)) this.debouncer.trigger();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(listChanged),
      watcher.onDidDelete(listChanged),
      watcher.onDidChange((uri) => {
        this.reader.invalidate(uri);
        this.debouncer.trigger();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(listChanged),
      // Unsaved text counts, so every edit of a design is a change; closing one unsaved reverts it to the file.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) onDocument(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument(onDocument),
      // A changed ppvnet.config.json changes the pools every design is checked against.
      rules.onDidChange(() => this.debouncer.trigger()),
    );
    this.debouncer.trigger();
  }

  private async run(): Promise<void> {
    const generation = ++this.generation;
    let published: [vscode.Uri, vscode.Diagnostic[]][];
    try {
      published = await this.scan();
    } catch (e) {
      console.error('ppvnet: the workspace checks failed', e);
      // A failed search must not stay cached: the next change searches again.
      this.reader.invalidateList();
      return;
    }
    if (generation !== this.generation) return;
    this.collection.clear();
    this.collection.set(published);
    this.updated.fire();
  }

  private async scan(): Promise<[vscode.Uri, vscode.Diagnostic[]][]> {
    const designs = await this.reader.read();
    const checked = await Promise.all(designs.map(async (d) => ({ ...d, plan: (await this.rules.configFor(d.uri))?.addressPlan })));
    const byFile = new Map(designs.map((d) => [d.file, d]));
    const placed = placeWorkspaceFindings(checkWorkspace(checked), (ref) => byFile.get(ref.file)?.locate(ref));
    const uriOf = (file: string) => byFile.get(file)?.uri;
    const out: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [file, findings] of placed) {
      const uri = uriOf(file);
      if (!uri) continue;
      out.push([uri, findings.map((f) => {
        const d = new vscode.Diagnostic(toRange(f.location.range), f.message, vscode.DiagnosticSeverity.Warning);
        d.source = 'ppvnet';
        d.code = WORKSPACE_RULE_ID;
        const related = f.related.flatMap((r) => {
          const at = uriOf(r.location.file);
          return at ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(at, toRange(r.location.range)), r.message)] : [];
        });
        if (related.length > 0) d.relatedInformation = related;
        return d;
      })]);
    }
    return out;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
