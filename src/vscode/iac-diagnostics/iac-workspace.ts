// How the IaC diagnostics see files on this host: which documents they read, the path a URI reads as and the
// URI a reader path is published on, file access, and the parsers. The web implementation is here (it needs
// only vscode.workspace.fs); the Node one reads the disk (disk-iac-workspace.ts).
import * as vscode from 'vscode';
import type { IacFileAccess } from '../../core/iac/iac-inputs';
import { IacParsers, WASM_FILES } from '../../core/iac/iac-parsers';
import { posixPath } from '../../core/iac/posix-path';

export interface IacWorkspace {
  /** The reader path of a document's URI; undefined for documents this host does not read around. */
  pathOf(uri: vscode.Uri): string | undefined;
  /** The URI of a reader path (findings and file reads). */
  uriOf(path: string): vscode.Uri;
  readonly files: IacFileAccess;
  /** Code actions are offered on documents matching these filters. */
  selector(pattern: string): vscode.DocumentFilter;
  parsers(): Promise<IacParsers>;
}

/**
 * The web host's view: files are URI paths on the workspace's file system (vscode-remote, vscode-vfs, …),
 * read with vscode.workspace.fs; the parsers' wasm comes from the extension's own out/wasm the same way.
 */
export class WorkspaceFsIac implements IacWorkspace {
  private parsersOnce: Promise<IacParsers> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Scheme and authority of the workspace; a reader path is only a path, so one file system is read. */
  private get base(): vscode.Uri | undefined {
    return vscode.workspace.workspaceFolders?.[0]?.uri;
  }

  pathOf(uri: vscode.Uri): string | undefined {
    const base = this.base;
    if (!base || uri.scheme !== base.scheme || uri.authority !== base.authority) return undefined;
    return uri.path;
  }

  uriOf(path: string): vscode.Uri {
    return (this.base ?? vscode.Uri.file('/')).with({ path, query: '', fragment: '' });
  }

  readonly files: IacFileAccess = {
    path: posixPath,
    readText: async (file) => {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uriOf(file)));
      } catch {
        return undefined;
      }
    },
    list: async (dir) => {
      try {
        return (await vscode.workspace.fs.readDirectory(this.uriOf(dir))).map(([name, type]) => ({ name, isFile: (type & vscode.FileType.File) !== 0 }));
      } catch {
        return undefined;
      }
    },
  };

  selector(pattern: string): vscode.DocumentFilter {
    const base = this.base;
    return base ? { scheme: base.scheme, pattern } : { pattern };
  }

  parsers(): Promise<IacParsers> {
    this.parsersOnce ??= IacParsers.create(async (which) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'out', 'wasm', WASM_FILES[which])));
    return this.parsersOnce;
  }
}
