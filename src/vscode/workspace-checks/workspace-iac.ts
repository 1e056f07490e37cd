// Every Bicep file and Terraform folder of the workspace, read to a design for the workspace checks as
// `ppvnet validate <folder>` reads them: through the core readers and the host's IacWorkspace (disk on Node,
// vscode.workspace.fs on the web), unsaved editor text over the files, and a file another input reads as a
// module left out (moduleCallerOf), so its VNets are not counted twice with the module's defaults.
import * as vscode from 'vscode';
import { readBicepFile, readTerraformFolder } from '../../core/iac/iac-inputs';
import { moduleCallerOf } from '../../core/iac/module-inputs';
import type { Design } from '../../core/model/schema';
import type { SourceLocation } from '../../core/model/source-range';
import type { DesignRef } from '../../core/rules/rule';
import type { IacWorkspace } from '../shared/iac-workspace';

/** Templates only: parameter files and tfvars change what a template reads to, so they only invalidate. */
const TEMPLATE_GLOB = '**/*.{bicep,tf}';
export const IAC_WATCH_GLOB = '**/*.{bicep,bicepparam,tf,tfvars}';
/** As the CLI's folder scan: dependencies and dot-folders (.terraform's downloaded modules, .git) are not the workspace's. */
const EXCLUDE = '{**/node_modules/**,**/.*/**}';
const MAX_FILES = 1000;

export interface WorkspaceIacInput {
  /** The Bicep file or Terraform folder, workspace-relative: what findings name. */
  readonly file: string;
  readonly uri: vscode.Uri;
  readonly design: Design;
  /** A ref's range, in the workspace-relative file it lies in (the entry or a module). */
  locate(ref: DesignRef): SourceLocation | undefined;
  /** The URI of a workspace-relative file `locate` returned. */
  uriOf(file: string): vscode.Uri | undefined;
}

interface Read extends WorkspaceIacInput {
  readonly reads: readonly string[];
}

/** Keeps the last read until an IaC file changes (on disk or in an editor), then reads them all again. */
export class WorkspaceIacReader {
  private inputs: Promise<WorkspaceIacInput[]> | undefined;

  constructor(private readonly iac: IacWorkspace) {}

  invalidate(): void {
    this.inputs = undefined;
  }

  read(): Promise<WorkspaceIacInput[]> {
    this.inputs ??= this.readAll().catch((e: unknown) => {
      this.inputs = undefined;
      throw e;
    });
    return this.inputs;
  }

  private async readAll(): Promise<WorkspaceIacInput[]> {
    const { path } = this.iac.files;
    const templates = (await vscode.workspace.findFiles(TEMPLATE_GLOB, EXCLUDE, MAX_FILES)).flatMap((uri) => {
      const file = this.iac.pathOf(uri);
      return file === undefined ? [] : [file];
    });
    // A .bicep file is an input; a folder with .tf files is one (Terraform reads a folder as one module).
    const units = [
      ...templates.filter((f) => f.endsWith('.bicep')).map((f) => ({ kind: 'bicep' as const, path: f })),
      ...[...new Set(templates.filter((f) => f.endsWith('.tf')).map((f) => path.dirname(f)))].map((f) => ({ kind: 'terraform' as const, path: f })),
    ];
    if (units.length === 0) return [];
    const parsers = await this.iac.parsers();
    const open = new Map<string, string>();
    for (const d of vscode.workspace.textDocuments) {
      const file = d.isClosed ? undefined : this.iac.pathOf(d.uri);
      if (file !== undefined) open.set(path.normalize(file), d.getText());
    }
    const read = await Promise.all(units.map(async (unit): Promise<Read | undefined> => {
      const uri = this.iac.uriOf(unit.path);
      // Modules are read only inside the input's workspace folder, as the IaC diagnostics read them.
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const root = folder ? this.iac.pathOf(folder.uri) : undefined;
      const options = { parsers, files: this.iac.files, openText: (abs: string) => open.get(path.normalize(abs)), ...(root === undefined ? {} : { root }) };
      try {
        const result = unit.kind === 'bicep' ? await readBicepFile(unit.path, options) : await readTerraformFolder(unit.path, options);
        const uris = new Map<string, vscode.Uri>();
        const display = (abs: string) => {
          const at = this.iac.uriOf(path.normalize(abs));
          const file = vscode.workspace.asRelativePath(at);
          uris.set(file, at);
          return file;
        };
        const file = display(unit.path);
        return {
          file,
          uri,
          design: result.design,
          locate: (ref) => {
            const l = result.locate(ref);
            return l ? { file: display(l.file), range: l.range } : undefined;
          },
          uriOf: (f) => uris.get(f),
          reads: (result.sources ?? []).map((f) => path.normalize(f)),
        };
      } catch (e) {
        // What a reader cannot follow it reports as diagnostics; a throw is a reader bug, shown in the log.
        console.error(`ppvnet: the workspace checks could not read ${unit.path}`, e);
        return undefined;
      }
    }));
    const inputs = read.filter((r): r is Read => r !== undefined);
    return inputs.filter((input) => moduleCallerOf(input, inputs) === undefined).sort((a, b) => a.file.localeCompare(b.file));
  }
}
