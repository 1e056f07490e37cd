// The Node host's export writer: the CLI's symlink-safe disk writer (src/node/export) behind the export port.
import path from 'node:path';
import * as vscode from 'vscode';
import { applyWrites, OutsideWorkspaceError, planWrites, resolveInside } from '../../node/export/export-files';
import { ExportRefusedError, type ExportDestination, type ExportWrite } from './export-destination';

async function refusing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof OutsideWorkspaceError) throw new ExportRefusedError(e.message);
    throw e;
  }
}

export class DiskExportDestination implements ExportDestination {
  accepts(folder: vscode.WorkspaceFolder): boolean {
    return folder.uri.scheme === 'file';
  }

  resolveInside(folder: vscode.WorkspaceFolder, relFolder: string): Promise<vscode.Uri> {
    return refusing(async () => vscode.Uri.file(await resolveInside(folder.uri.fsPath, relFolder)));
  }

  plan(folder: vscode.WorkspaceFolder, outDir: vscode.Uri, files: Parameters<ExportDestination['plan']>[2]): Promise<ExportWrite[]> {
    return refusing(async () => (await planWrites(folder.uri.fsPath, outDir.fsPath, files)).map(({ absPath, ...p }) => ({ ...p, uri: vscode.Uri.file(absPath) })));
  }

  apply(folder: vscode.WorkspaceFolder, plan: readonly ExportWrite[]): Promise<vscode.Uri[]> {
    const disk = plan.map(({ uri, ...p }) => ({ ...p, absPath: uri.fsPath }));
    return refusing(async () => (await applyWrites(folder.uri.fsPath, disk)).map((p) => vscode.Uri.file(p)));
  }

  fileKey(uri: vscode.Uri): string {
    return uri.scheme === 'file' ? path.resolve(uri.fsPath) : uri.toString();
  }

  relative(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
    return path.relative(folder.uri.fsPath, uri.fsPath);
  }
}
