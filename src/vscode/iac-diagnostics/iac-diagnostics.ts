// Problems-panel diagnostics for Bicep and Terraform: each open .bicep file and each folder with an open
// .tf file is a unit; a unit is read (unsaved editor text over disk), validated with the workspace rule
// configuration, and its findings published on the files and ranges they concern. Files are seen through
// the host's IacWorkspace (the disk on Node, vscode.workspace.fs on the web).
import * as vscode from 'vscode';
import type { IacReadResult } from '../../core/iac/read-iac';
import type { Finding } from '../../core/rules/rule';
import { validateDesign } from '../../core/rules/engine';
import { isIacFile, readBicepFile, readTerraformFolder } from '../../core/iac/iac-inputs';
import type { IacWorkspace } from './iac-workspace';
import { findingDiagnostic, isIgnoredScheme, SEVERITIES, toRange } from '../shared/finding-diagnostics';
import { LatestDebouncer } from '../shared/latest-debouncer';
import type { RulesConfigStore } from '../shared/rules-config-store';
import { validationDelayMs } from '../shared/settings';

/** A Bicep entry file or a Terraform folder, by absolute path. */
export interface IacUnit {
  readonly kind: 'bicep' | 'terraform';
  readonly path: string;
}

export function unitOf(document: vscode.TextDocument, workspace: IacWorkspace): IacUnit | undefined {
  if (isIgnoredScheme(document.uri)) return undefined;
  const file = workspace.pathOf(document.uri);
  const kind = file === undefined ? undefined : isIacFile(file);
  if (!kind || file === undefined) return undefined;
  return kind === 'bicep' ? { kind, path: file } : { kind, path: workspace.files.path.dirname(file) };
}

const keyOf = (u: IacUnit) => `${u.kind}:${u.path}`;

/** The last read of a unit, for code actions and the import command. */
export interface UnitResult {
  readonly unit: IacUnit;
  readonly read: IacReadResult;
  readonly findings: readonly Finding[];
}

export class IacDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('ppvnet-iac');
  private readonly debouncers = new Map<string, LatestDebouncer>();
  private readonly results = new Map<string, UnitResult>();
  /** Diagnostics per file per unit: a module file can be part of several units. */
  private readonly published = new Map<string, Map<string, vscode.Diagnostic[]>>();
  private readonly generation = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly updated = new vscode.EventEmitter<UnitResult>();
  /** Fires after a unit's diagnostics were published (tests and the import command wait on it). */
  readonly onDidUpdate = this.updated.event;

  constructor(private readonly extensionUri: vscode.Uri, readonly workspace: IacWorkspace, private readonly rules: RulesConfigStore) {
    this.disposables.push(
      // The workspace's rule configuration changed (the store has re-read it): every open unit is judged again.
      rules.onDidChange(() => this.refreshAll()),
      this.updated,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidSaveTextDocument((d) => this.onSave(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('ppvnet.diagnostics.iac')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  private get enabled(): boolean {
    return vscode.workspace.getConfiguration('ppvnet').get<boolean>('diagnostics.iac', true);
  }

  refreshAll(): void {
    if (!this.enabled) {
      this.collection.clear();
      this.published.clear();
      this.results.clear();
      return;
    }
    for (const d of vscode.workspace.textDocuments) this.schedule(d, true);
  }

  result(document: vscode.TextDocument): UnitResult | undefined {
    const unit = unitOf(document, this.workspace);
    return unit ? this.results.get(keyOf(unit)) : undefined;
  }

  /** Reads and validates a document's unit now (bypassing the debounce). */
  async validateNow(document: vscode.TextDocument): Promise<UnitResult | undefined> {
    const unit = unitOf(document, this.workspace);
    return unit ? this.run(unit) : undefined;
  }

  /** `now` runs at once (a refresh of every unit); otherwise the designs' debounce applies. */
  private schedule(document: vscode.TextDocument, now = false): void {
    const unit = unitOf(document, this.workspace);
    if (!unit || !this.enabled) return;
    const key = keyOf(unit);
    let debouncer = this.debouncers.get(key);
    if (!debouncer) {
      debouncer = new LatestDebouncer(() => void this.run(unit), validationDelayMs);
      this.debouncers.set(key, debouncer);
    }
    if (now) debouncer.flush();
    else debouncer.trigger();
  }

  /** Saving a file can change other units: a module of an open Bicep file, a .tf file of an open folder. */
  private onSave(document: vscode.TextDocument): void {
    if (!isIacFile(document.uri.path) || !this.enabled) return;
    for (const d of vscode.workspace.textDocuments) if (isIacFile(d.uri.path)) this.schedule(d);
  }

  private onClose(document: vscode.TextDocument): void {
    const unit = unitOf(document, this.workspace);
    if (!unit) return;
    // A Terraform folder stays a unit while any of its files is open.
    const stillOpen = vscode.workspace.textDocuments.some((d) => {
      const other = d !== document && !d.isClosed ? unitOf(d, this.workspace) : undefined;
      return other !== undefined && keyOf(other) === keyOf(unit);
    });
    if (stillOpen) return;
    const key = keyOf(unit);
    this.debouncers.get(key)?.dispose();
    this.debouncers.delete(key);
    this.results.delete(key);
    this.publish(key, new Map());
  }

  private async run(unit: IacUnit): Promise<UnitResult | undefined> {
    const key = keyOf(unit);
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    const { path } = this.workspace.files;
    const parsers = await this.workspace.parsers();
    const open = new Map<string, string>();
    for (const d of vscode.workspace.textDocuments) {
      const file = this.workspace.pathOf(d.uri);
      if (file !== undefined) open.set(path.normalize(file), d.getText());
    }
    // Modules are read only inside the workspace folder of the file (or the file's own folder outside one).
    const folder = vscode.workspace.getWorkspaceFolder(this.workspace.uriOf(unit.path));
    const root = folder ? this.workspace.pathOf(folder.uri) : undefined;
    const options = { parsers, files: this.workspace.files, openText: (abs: string) => open.get(path.normalize(abs)), ...(root === undefined ? {} : { root }) };
    let read: IacReadResult;
    try {
      read = unit.kind === 'bicep' ? await readBicepFile(unit.path, options) : await readTerraformFolder(unit.path, options);
    } catch (e) {
      console.error(`ppvnet: reading ${unit.path} failed`, e);
      return undefined;
    }
    const config = await this.rules.configFor(this.workspace.uriOf(unit.path));
    const findings = validateDesign(read.design, { config, locate: read.locate });
    if (this.generation.get(key) !== generation) return this.results.get(key);
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const add = (file: string, d: vscode.Diagnostic) => byFile.set(file, [...(byFile.get(file) ?? []), d]);
    for (const f of findings) if (f.location) add(path.normalize(f.location.file), findingDiagnostic(f, this.extensionUri, (file) => this.workspace.uriOf(file)));
    for (const d of read.diagnostics) {
      const diag = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITIES[d.severity]);
      diag.source = 'ppvnet';
      add(path.normalize(d.file), diag);
    }
    const result = { unit, read, findings };
    this.results.set(key, result);
    this.publish(key, byFile);
    this.updated.fire(result);
    return result;
  }

  /** Replaces one unit's diagnostics and re-merges every file it touched (now or before). */
  private publish(unitKey: string, byFile: Map<string, vscode.Diagnostic[]>): void {
    const touched = new Set<string>([...byFile.keys()]);
    for (const [file, perUnit] of this.published) if (perUnit.has(unitKey)) touched.add(file);
    for (const file of touched) {
      const perUnit = this.published.get(file) ?? new Map<string, vscode.Diagnostic[]>();
      const mine = byFile.get(file);
      if (mine) perUnit.set(unitKey, mine);
      else perUnit.delete(unitKey);
      if (perUnit.size === 0) this.published.delete(file);
      else this.published.set(file, perUnit);
      const seen = new Set<string>();
      const merged: vscode.Diagnostic[] = [];
      for (const list of perUnit.values()) {
        for (const d of list) {
          const id = `${d.range.start.line}:${d.range.start.character}:${typeof d.code === 'object' ? d.code.value : ''}:${d.message}`;
          if (!seen.has(id)) {
            seen.add(id);
            merged.push(d);
          }
        }
      }
      this.collection.set(this.workspace.uriOf(file), merged);
    }
  }

  dispose(): void {
    for (const d of this.debouncers.values()) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
