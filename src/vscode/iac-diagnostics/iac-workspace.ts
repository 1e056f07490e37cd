// The web host's IacWorkspace (src/vscode/shared/iac-workspace.ts), over vscode.workspace.fs; the Node one
// reads the disk (disk-iac-workspace.ts).
import * as vscode from 'vscode';
import type { IacFileAccess } from '../../core/iac/iac-inputs';
import { IacParsers, WASM_FILES } from '../../core/iac/iac-parsers';
import { posixPath } from '../../core/iac/posix-path';
import { READ_LIMITS } from '../../core/iac/read-limits';
import type { IacWorkspace } from '../shared/iac-workspace';

export type { IacWorkspace } from '../shared/iac-workspace';

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
    // The same rules as the disk reader (src/node/files/read-inside) as far as workspace.fs can tell: a regular
    // file inside the root, within the size limit. Links are resolved by the file system provider, not here.
    readText: async (file, root) => {
      if (file !== root && !file.startsWith(root.endsWith('/') ? root : `${root}/`)) return { refused: `it is outside the folder ${root}` };
      try {
        const st = await vscode.workspace.fs.stat(this.uriOf(file));
        if ((st.type & vscode.FileType.File) === 0) return { refused: 'it is not a regular file' };
        if (st.size > READ_LIMITS.maxFileBytes) return { refused: `it is larger than ${READ_LIMITS.maxFileBytes / (1024 * 1024)} MB` };
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uriOf(file)));
      } catch {
        return undefined;
      }
    },
    list: async (dir) => {
      try {
        return (await vscode.workspace.fs.readDirectory(this.uriOf(dir))).map(([name, type]) => ({ name, isDirectory: (type & vscode.FileType.Directory) !== 0 }));
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
