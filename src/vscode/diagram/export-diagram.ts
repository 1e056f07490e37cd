// "Export Diagram as SVG/PNG": both are the shared pure renderer's picture; the SVG is drawn here on the host,
// the PNG is that same SVG rasterised by the designer webview and checked here. Files are only ever written inside the workspace.
import * as vscode from 'vscode';
import { renderDesignSvg } from '../../core/diagram/render-svg';
import type { DesignAnalyzer } from '../shared/design-analyzer';
import { targetDesignDocument, type OpenDesigners } from '../shared/design-target';
import { COMMANDS, DESIGN_SUFFIX, VIEW_TYPE } from '../shared/ids';
import type { DesignerLog } from '../shared/output-log';
import { decodePngData } from './png-data';
import { registerCommands } from '../shared/command-registry';

export interface DiagramExportDeps {
  readonly designers: OpenDesigners;
  readonly analyzer: DesignAnalyzer;
  readonly log: DesignerLog;
}

/** Programmatic callers (and the in-host tests) may name the output file instead of answering a dialog. */
export interface DiagramExportOptions {
  readonly outFile?: vscode.Uri;
}

export function activateDiagramExport(deps: DiagramExportDeps): vscode.Disposable[] {
  return registerCommands({
    [COMMANDS.exportDiagramSvg]: (target?: unknown, options?: DiagramExportOptions) => exportSvg(deps, target, options),
    [COMMANDS.exportDiagramPng]: (target?: unknown, options?: DiagramExportOptions) => exportPng(deps, target, options),
  });
}

async function exportSvg(deps: DiagramExportDeps, target: unknown, options: DiagramExportOptions | undefined): Promise<vscode.Uri | undefined> {
  const document = await targetDesignDocument(target, deps.designers);
  if (!document) return undefined;
  const analysis = await deps.analyzer.analyze(document);
  if (!analysis.state.ok) throw new Error('The design does not load; fix the errors shown in the Problems panel first.');
  const out = await chooseOutput(document.uri, 'svg', options);
  if (!out) return undefined;
  const svg = renderDesignSvg(analysis.state.design, { findings: analysis.state.findings });
  await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(svg));
  deps.log.info(`diagram: wrote ${out.toString()} (${svg.length} chars)`);
  void vscode.window.showInformationMessage(`Diagram exported to ${vscode.workspace.asRelativePath(out, false)}.`);
  return out;
}

async function exportPng(deps: DiagramExportDeps, target: unknown, options: DiagramExportOptions | undefined): Promise<vscode.Uri | undefined> {
  const document = await targetDesignDocument(target, deps.designers);
  if (!document) return undefined;
  const out = await chooseOutput(document.uri, 'png', options);
  if (!out) return undefined;
  // The webview owns the canvas, so the designer must be open; open it if it is not.
  let session = deps.designers.forUri(document.uri)[0];
  if (!session) {
    await vscode.commands.executeCommand('vscode.openWith', document.uri, VIEW_TYPE);
    session = await waitFor(() => deps.designers.forUri(document.uri)[0], 20_000);
    if (!session) throw new Error('The designer did not open.');
  }
  await session.whenReady(30_000);
  const data = await session.requestDiagram('png');
  const png = decodePngData(data);
  if (!png.ok) throw new Error(`The designer sent an unusable picture: ${png.error}.`);
  await vscode.workspace.fs.writeFile(out, png.bytes);
  deps.log.info(`diagram: wrote ${out.toString()} (${png.width}×${png.height}, ${png.bytes.length} bytes)`);
  void vscode.window.showInformationMessage(`Diagram exported to ${vscode.workspace.asRelativePath(out, false)}.`);
  return out;
}

/** The output file: given, or picked in a save dialog next to the design; refused outside the workspace. */
async function chooseOutput(design: vscode.Uri, ext: 'svg' | 'png', options: DiagramExportOptions | undefined): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(design) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('Diagrams are written into the workspace; open a folder first.');
  let out = options?.outFile;
  if (!out) {
    const base = design.path.slice(design.path.lastIndexOf('/') + 1).replace(new RegExp(`${DESIGN_SUFFIX.replace(/\./g, '\\.')}$`), '') || 'design';
    const dir = design.scheme === folder.uri.scheme && vscode.workspace.getWorkspaceFolder(design) ? vscode.Uri.joinPath(design, '..') : folder.uri;
    out = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(dir, `${base}.${ext}`),
      filters: ext === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      title: `Export Diagram as ${ext.toUpperCase()}`,
    });
    if (!out) return undefined;
  }
  if (!isInsideWorkspace(out)) throw new Error(`${out.fsPath || out.toString()} is outside the workspace; diagrams are written inside it.`);
  if (!out.path.toLowerCase().endsWith(`.${ext}`)) throw new Error(`The file name must end in .${ext}.`);
  return out;
}

function isInsideWorkspace(uri: vscode.Uri): boolean {
  if (uri.path.split('/').includes('..')) return false;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder !== undefined && uri.path !== folder.uri.path;
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

