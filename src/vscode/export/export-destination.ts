// Where Export to Bicep/Terraform writes: the port the export command goes through, so the Node host keeps its
// symlink-safe disk writer while the web host, which has no disk, writes through vscode.workspace.fs.
import * as vscode from 'vscode';
import type { ExportedFile } from '../../core/export/export-design';
import { existingState, type ExistingState } from '../../core/export/file-header';

/** The export was refused because it would write outside the workspace folder or through something not a file. */
export class ExportRefusedError extends Error {}

export interface ExportWrite {
  readonly file: ExportedFile;
  readonly uri: vscode.Uri;
  readonly state: ExistingState;
  readonly existingText?: string;
}

export interface ExportDestination {
  /** Whether exports can be written into this workspace folder at all. */
  accepts(folder: vscode.WorkspaceFolder): boolean;
  /** The output folder for a setting value relative to the workspace folder; throws ExportRefusedError when outside. */
  resolveInside(folder: vscode.WorkspaceFolder, relFolder: string): Promise<vscode.Uri>;
  /** What each file would replace. */
  plan(folder: vscode.WorkspaceFolder, outDir: vscode.Uri, files: readonly ExportedFile[]): Promise<ExportWrite[]>;
  /** Writes every planned file whose content changes; returns those written. */
  apply(folder: vscode.WorkspaceFolder, plan: readonly ExportWrite[]): Promise<vscode.Uri[]>;
  /** A comparable identity of a file, to match open documents with planned writes. */
  fileKey(uri: vscode.Uri): string;
  /** `uri` relative to the workspace folder, for messages ('' for the folder itself). */
  relative(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string;
}

/** Files that need the user's consent before they are replaced: hand-edited, or never ours. */
export function needsConsent(plan: readonly ExportWrite[]): ExportWrite[] {
  return plan.filter((p) => p.state === 'edited' || p.state === 'foreign');
}

const isLink = (t: vscode.FileType) => (t & vscode.FileType.SymbolicLink) !== 0;

async function statOrUndefined(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}

/** Path segments of `uri` below the folder, or undefined when it is not inside (after '..' is resolved). */
function segmentsBelow(folder: vscode.Uri, uri: vscode.Uri): string[] | undefined {
  if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return undefined;
  const root = folder.path.replace(/\/+$/, '');
  if (uri.path === root) return [];
  if (!uri.path.startsWith(`${root}/`)) return undefined;
  return uri.path.slice(root.length + 1).split('/').filter((s) => s !== '');
}

/**
 * The web host's writer: any file system VS Code can write. It cannot ask where a symbolic link leads, so a
 * link anywhere between the workspace folder and the file is refused rather than followed.
 */
export class WorkspaceFsExportDestination implements ExportDestination {
  accepts(folder: vscode.WorkspaceFolder): boolean {
    return vscode.workspace.fs.isWritableFileSystem(folder.uri.scheme) !== false;
  }

  async resolveInside(folder: vscode.WorkspaceFolder, relFolder: string): Promise<vscode.Uri> {
    const rel = relFolder.replace(/\\/g, '/');
    const target = rel.startsWith('/') ? folder.uri.with({ path: rel }) : vscode.Uri.joinPath(folder.uri, rel);
    if (!segmentsBelow(folder.uri, target)) {
      throw new ExportRefusedError(`'${relFolder}' is outside the workspace folder ${folder.uri.path}; ppvnet writes only inside it.`);
    }
    await this.refuseLinks(folder.uri, target, `'${relFolder}'`);
    return target;
  }

  async plan(folder: vscode.WorkspaceFolder, outDir: vscode.Uri, files: readonly ExportedFile[]): Promise<ExportWrite[]> {
    const out: ExportWrite[] = [];
    for (const file of files) {
      const uri = vscode.Uri.joinPath(outDir, ...file.path.split('/'));
      await this.refuseLinks(folder.uri, uri, uri.path);
      const st = await statOrUndefined(uri);
      if (st && st.type !== vscode.FileType.File) throw new ExportRefusedError(`${uri.path} is not a regular file; not replacing it.`);
      const existingText = st ? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) : undefined;
      out.push({ file, uri, state: existingState(existingText, file.content), ...(existingText !== undefined ? { existingText } : {}) });
    }
    return out;
  }

  async apply(folder: vscode.WorkspaceFolder, plan: readonly ExportWrite[]): Promise<vscode.Uri[]> {
    const written: vscode.Uri[] = [];
    for (const p of plan) {
      if (p.state === 'unchanged') continue;
      // Checked again at write time rather than trusted from the plan.
      await this.refuseLinks(folder.uri, p.uri, p.uri.path);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(p.uri, '..'));
      await vscode.workspace.fs.writeFile(p.uri, new TextEncoder().encode(p.file.content));
      written.push(p.uri);
    }
    return written;
  }

  fileKey(uri: vscode.Uri): string {
    return uri.toString();
  }

  relative(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
    return (segmentsBelow(folder.uri, uri) ?? [uri.path]).join('/');
  }

  /** Refuses `target` when it, or a folder on the way to it from the workspace folder, is a symbolic link. */
  private async refuseLinks(root: vscode.Uri, target: vscode.Uri, what: string): Promise<void> {
    const segments = segmentsBelow(root, target);
    if (!segments) throw new ExportRefusedError(`${what} is outside the workspace folder ${root.path}; ppvnet writes only inside it.`);
    let at = root;
    for (const s of segments) {
      at = vscode.Uri.joinPath(at, s);
      const st = await statOrUndefined(at);
      if (!st) return;
      if (isLink(st.type)) throw new ExportRefusedError(`${what} goes through the symbolic link ${at.path}; not following it.`);
    }
  }
}
