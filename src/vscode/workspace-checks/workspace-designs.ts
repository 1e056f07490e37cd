// Every design of the workspace, loaded: found with findFiles, read through vscode.workspace.fs (so the web
// host reads them too), an open document's unsaved text over the file. Designs that do not load are left out.
import * as vscode from 'vscode';
import { loadDesign, MAX_DESIGN_CHARS, type DesignIndex } from '../../core/model/load-design';
import type { Design } from '../../core/model/schema';
import { designLocator } from '../../core/rules/design-locator';
import type { Locator } from '../../core/rules/rule';
import { DESIGN_SUFFIX } from '../shared/ids';

export const DESIGN_GLOB = `**/*${DESIGN_SUFFIX}`;
/** Dependencies and the extension's own run folders hold copies of designs, not designs of this workspace. */
const EXCLUDE = '**/{node_modules,.ppvnet-run}/**';
/** A bound on one scan: far above a real workspace, low enough that a huge checkout stays responsive. */
const MAX_DESIGNS = 1000;

export interface WorkspaceDesignFile {
  readonly uri: vscode.Uri;
  /** Workspace-relative path (with the folder name in a multi-root workspace): what findings name. */
  readonly file: string;
  readonly design: Design;
  readonly locate: Locator;
}

type Loaded = { readonly design: Design; readonly index: DesignIndex } | undefined;

/**
 * Keeps the file list and what each saved file loads to until the watcher says they changed, so a keystroke
 * in one design loads that design again, not the whole workspace.
 */
export class WorkspaceDesignReader {
  private files: Promise<vscode.Uri[]> | undefined;
  private readonly saved = new Map<string, Promise<Loaded>>();

  /** A design file was created or deleted (or the folders changed): find them again. */
  invalidateList(): void {
    this.files = undefined;
    this.saved.clear();
  }

  /** A design file changed on disk. */
  invalidate(uri: vscode.Uri): void {
    this.saved.delete(uri.toString());
  }

  async read(): Promise<WorkspaceDesignFile[]> {
    this.files ??= Promise.resolve(vscode.workspace.findFiles(DESIGN_GLOB, EXCLUDE, MAX_DESIGNS));
    const uris = await this.files;
    const open = new Map(vscode.workspace.textDocuments.filter((d) => !d.isClosed).map((d) => [d.uri.toString(), d]));
    const read = await Promise.all(uris.map(async (uri) => {
      const document = open.get(uri.toString());
      const loaded = document ? load(document.getText()) : await this.readSaved(uri);
      if (!loaded) return undefined;
      const file = vscode.workspace.asRelativePath(uri);
      return { uri, file, design: loaded.design, locate: designLocator(loaded.index, file) };
    }));
    return read.filter((d): d is WorkspaceDesignFile => d !== undefined).sort((a, b) => a.file.localeCompare(b.file));
  }

  private readSaved(uri: vscode.Uri): Promise<Loaded> {
    const key = uri.toString();
    let entry = this.saved.get(key);
    if (!entry) {
      entry = readText(uri).then((text) => (text === undefined ? undefined : load(text)));
      this.saved.set(key, entry);
    }
    return entry;
  }
}

function load(text: string): Loaded {
  const result = loadDesign(text);
  return result.ok ? { design: result.design, index: result.index } : undefined;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    // The loader refuses larger designs anyway; this keeps such a file from being read at all.
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_DESIGN_CHARS) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // Deleted between findFiles and the read: the watcher asks for another scan.
    return undefined;
  }
}
