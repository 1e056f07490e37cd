// Problems panel entries for open design documents, whether shown in the designer or as text: load
// errors and rule findings, positioned in the JSON, refreshed on change, removed on close.
import * as vscode from 'vscode';
import type { LoadError } from '../../core/model/load-design';
import type { DesignAnalyzer } from '../shared/design-analyzer';
import { findingDiagnostic, isIgnoredScheme, toRange } from '../shared/finding-diagnostics';
import { DESIGN_SUFFIX } from '../shared/ids';
import { LatestDebouncer } from '../shared/latest-debouncer';
import { validationDelayMs } from '../shared/settings';

export function isDesignDocument(document: vscode.TextDocument): boolean {
  return document.uri.path.endsWith(DESIGN_SUFFIX) && !isIgnoredScheme(document.uri);
}

export class DesignDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('ppvnet');
  private readonly debouncers = new Map<string, LatestDebouncer>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly analyzer: DesignAnalyzer, private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isDesignDocument(document)) return;
    const key = document.uri.toString();
    let debouncer = this.debouncers.get(key);
    if (!debouncer) {
      debouncer = new LatestDebouncer(() => void this.update(document), validationDelayMs);
      this.debouncers.set(key, debouncer);
    }
    debouncer.trigger();
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) return;
    const analysis = await this.analyzer.analyze(document);
    if (document.isClosed || analysis.version !== document.version) return;
    const diagnostics = analysis.state.ok
      ? analysis.state.findings.map((f) => findingDiagnostic(f, this.extensionUri, () => document.uri))
      : analysis.state.errors.map(fromLoadError);
    this.collection.set(document.uri, diagnostics);
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.debouncers.get(key)?.dispose();
    this.debouncers.delete(key);
    this.analyzer.forget(document.uri);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const d of this.debouncers.values()) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function fromLoadError(e: LoadError): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(e.range), e.message, vscode.DiagnosticSeverity.Error);
  d.source = 'ppvnet';
  d.code = 'load';
  return d;
}
