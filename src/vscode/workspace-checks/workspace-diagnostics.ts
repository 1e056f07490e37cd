// Problems-panel entries (PPV-WORKSPACE) for what only the whole workspace shows: VNets of different designs
// (the *.ppvnet.json files, and the Bicep files and Terraform folders read to designs, as `ppvnet validate
// <folder>` sees them) that overlap, and VNets outside the configured address pools or on reserved or
// on-premises ranges. Each overlap is shown on both files; every scan replaces the whole collection.
import * as vscode from 'vscode';
import { isIacFile } from '../../core/iac/iac-inputs';
import { checkWorkspace, WORKSPACE_RULE_ID, workspaceLevel } from '../../core/plan/workspace-checks';
import { placeWorkspaceFindings } from '../../core/plan/workspace-placement';
import { isIgnoredScheme, SEVERITIES, toRange } from '../shared/finding-diagnostics';
import { DESIGN_SUFFIX } from '../shared/ids';
import { LatestDebouncer } from '../shared/latest-debouncer';
import type { RulesConfigStore } from '../shared/rules-config-store';
import { validationDelayMs } from '../shared/settings';
import type { IacWorkspace } from '../shared/iac-workspace';
import { DESIGN_GLOB, WorkspaceDesignReader } from './workspace-designs';
import { IAC_WATCH_GLOB, WorkspaceIacReader } from './workspace-iac';

const isDesign = (uri: vscode.Uri) => uri.path.endsWith(DESIGN_SUFFIX) && !isIgnoredScheme(uri);

export class WorkspaceDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('ppvnet-workspace');
  private readonly reader = new WorkspaceDesignReader();
  private readonly iacReader: WorkspaceIacReader;
  private readonly debouncer = new LatestDebouncer(() => void this.run(), validationDelayMs);
  /** Bumped per scan: a slow scan that an edit overtook publishes nothing. */
  private generation = 0;
  private readonly updated = new vscode.EventEmitter<void>();
  /** Fires after a scan published its diagnostics. */
  readonly onDidUpdate = this.updated.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.updated, this.debouncer];

  constructor(private readonly rules: RulesConfigStore, iac: IacWorkspace) {
    this.iacReader = new WorkspaceIacReader(iac);
    const watcher = vscode.workspace.createFileSystemWatcher(DESIGN_GLOB);
    const iacWatcher = vscode.workspace.createFileSystemWatcher(IAC_WATCH_GLOB);
    // A folder deleted as a whole is one event for the folder, which neither glob matches: deletes of anything rescan.
    const deletes = vscode.workspace.createFileSystemWatcher('**', true, true, false);
    const iacChanged = () => {
      this.iacReader.invalidate();
      this.debouncer.trigger();
    };
    const listChanged = () => {
      this.reader.invalidateList();
      this.debouncer.trigger();
    };
    const onDocument = (d: vscode.TextDocument) => {
      if (isDesign(d.uri)) this.debouncer.trigger();
      else if (isIacFile(d.uri.path) && !isIgnoredScheme(d.uri)) iacChanged();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(listChanged),
      watcher.onDidDelete(listChanged),
      watcher.onDidChange((uri) => {
        this.reader.invalidate(uri);
        this.debouncer.trigger();
      }),
      iacWatcher,
      deletes,
      deletes.onDidDelete(() => {
        this.iacReader.invalidate();
        listChanged();
      }),
      iacWatcher.onDidCreate(iacChanged),
      iacWatcher.onDidDelete(iacChanged),
      iacWatcher.onDidChange(iacChanged),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.iacReader.invalidate();
        listChanged();
      }),
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
    const [designs, iacInputs] = await Promise.all([this.reader.read(), this.iacReader.read()]);
    const inputs = [...designs.map((d) => ({ ...d, uriOf: (file: string) => (file === d.file ? d.uri : undefined) })), ...iacInputs];
    const checked = await Promise.all(inputs.map(async (d) => {
      const config = await this.rules.configFor(d.uri);
      return { file: d.file, design: d.design, plan: config?.addressPlan, level: workspaceLevel(config) };
    }));
    const byFile = new Map(inputs.map((d) => [d.file, d]));
    const placed = placeWorkspaceFindings(checkWorkspace(checked), (ref) => byFile.get(ref.file)?.locate(ref));
    // A location lies in an input's own file or, for IaC, in a module file it read.
    const uriOf = (file: string) => byFile.get(file)?.uri ?? inputs.map((d) => d.uriOf(file)).find((u) => u !== undefined);
    const out: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [file, findings] of placed) {
      const uri = uriOf(file);
      if (!uri) continue;
      out.push([uri, findings.map((f) => {
        const d = new vscode.Diagnostic(toRange(f.location.range), f.message, SEVERITIES[f.severity]);
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
