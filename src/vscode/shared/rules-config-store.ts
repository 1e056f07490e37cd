// The workspace rule configuration (ppvnet.config.json or .ppvnetrc.json at a workspace folder's root):
// read lazily per folder, re-read when either file changes, problems shown on the config file itself.
import * as vscode from 'vscode';
import { CONFIGURABLE_RULE_IDS } from '../../core/rules/configurable-rules';
import { CONFIG_FILE_NAMES, parseRulesConfig, type RulesConfig } from '../../core/rules/rules-config';
import { toRange } from './finding-diagnostics';
import type { DesignerLog } from './output-log';

/** A configuration file as read: its name, what of it is valid, and how many problems it has (shown on the file). */
export interface ReadConfig {
  readonly file: (typeof CONFIG_FILE_NAMES)[number];
  readonly config: RulesConfig;
  readonly problems: number;
}

export class RulesConfigStore implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<ReadConfig | undefined>>();
  private readonly problems = vscode.languages.createDiagnosticCollection('ppvnet-config');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.problems, this.changed];
  /** Bumped on every config change, so cached validations know they are stale. */
  generation = 0;
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: DesignerLog) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    const invalidate = (uri: vscode.Uri) => {
      this.log.info(`rule configuration changed: ${uri.toString()}`);
      this.cache.clear();
      this.problems.clear();
      this.generation++;
      this.changed.fire();
    };
    this.disposables.push(watcher, watcher.onDidChange(invalidate), watcher.onDidCreate(invalidate), watcher.onDidDelete(invalidate),
      vscode.workspace.onDidChangeWorkspaceFolders(() => invalidate(vscode.Uri.parse('workspace:folders'))));
  }

  /** The configuration that applies to a design: its workspace folder's, or none outside a workspace. */
  async configFor(uri: vscode.Uri): Promise<RulesConfig | undefined> {
    return (await this.configFileFor(uri))?.config;
  }

  /** The same, with the file it came from and its problem count, for views that must say the file is incomplete. */
  configFileFor(uri: vscode.Uri): Promise<ReadConfig | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return Promise.resolve(undefined);
    const key = folder.uri.toString();
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.read(folder.uri);
      this.cache.set(key, entry);
    }
    return entry;
  }

  private async read(folder: vscode.Uri): Promise<ReadConfig | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder, name);
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        continue;
      }
      const { config, problems } = parseRulesConfig(new TextDecoder().decode(bytes), CONFIGURABLE_RULE_IDS);
      this.problems.set(uri, problems.map((p) => {
        const d = new vscode.Diagnostic(toRange(p.range), p.message, vscode.DiagnosticSeverity.Warning);
        d.source = 'ppvnet';
        return d;
      }));
      return { file: name, config, problems: problems.length };
    }
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
