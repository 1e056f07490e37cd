// The design commands of the palette and editor title: New Design, Open as Text, Open in Designer,
// Auto-Layout. Each acts on the URI it is given or on the design in front of the user.
import * as vscode from 'vscode';
import { uriExists as exists } from '../shared/uri-exists';
import { serializeDesign } from '../../core/model/serialize-design';
import { TEMPLATES, type DesignTemplate } from '../../core/templates/templates';
import { registerCommands } from '../shared/command-registry';
import { targetDesignUri, type OpenDesigners } from '../shared/design-target';
import { COMMANDS, DESIGN_SUFFIX, VIEW_TYPE } from '../shared/ids';

/** For programmatic callers and the in-host tests: skip the pickers. */
export interface NewDesignOptions {
  readonly template?: DesignTemplate['id'];
  readonly name?: string;
  readonly folder?: vscode.Uri;
}

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}$/;

export function validateDesignFileName(input: string): string | undefined {
  const name = stripSuffix(input.trim());
  if (name === '') return 'Give the design a name.';
  if (!FILE_NAME.test(name)) return 'Use letters, digits, spaces, ".", "_" or "-" (up to 80), starting with a letter or digit.';
  return undefined;
}

function stripSuffix(name: string): string {
  return name.endsWith(DESIGN_SUFFIX) ? name.slice(0, -DESIGN_SUFFIX.length) : name.endsWith('.json') ? name.slice(0, -5) : name;
}

export function registerDesignCommands(designers: OpenDesigners): vscode.Disposable[] {
  return registerCommands({
    [COMMANDS.newDesign]: (options?: NewDesignOptions) => newDesign(options),
    [COMMANDS.openAsText]: async (target?: unknown) => {
      const uri = requireTarget(target, designers);
      if (uri) await vscode.commands.executeCommand('vscode.openWith', uri, 'default');
    },
    [COMMANDS.openInDesigner]: async (target?: unknown) => {
      const uri = requireTarget(target, designers);
      if (uri) await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    },
    [COMMANDS.autoLayout]: (target?: unknown) => {
      const designer = target instanceof vscode.Uri ? designers.forUri(target)[0] : designers.active();
      if (!designer) {
        void vscode.window.showWarningMessage('Auto-layout works on a design open in the designer.');
        return;
      }
      designer.runLayout();
    },
  });
}

function requireTarget(target: unknown, designers: OpenDesigners): vscode.Uri | undefined {
  const uri = targetDesignUri(target, designers);
  if (!uri) void vscode.window.showWarningMessage('Open a Power Platform VNet design (*.ppvnet.json) first.');
  return uri;
}

async function newDesign(options: NewDesignOptions = {}): Promise<vscode.Uri | undefined> {
  let template = TEMPLATES.find((t) => t.id === options.template);
  if (!template) {
    const pick = await vscode.window.showQuickPick(TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })), {
      title: 'New Power Platform VNet design',
      placeHolder: 'Start from…',
      matchOnDetail: true,
    });
    if (!pick) return undefined;
    template = pick.template;
  }
  let name = options.name;
  if (name === undefined) {
    name = await vscode.window.showInputBox({
      title: 'New Power Platform VNet design',
      prompt: `File name (saved as <name>${DESIGN_SUFFIX})`,
      value: template.fileName,
      validateInput: validateDesignFileName,
    });
    if (name === undefined) return undefined;
  }
  const problem = validateDesignFileName(name);
  if (problem) throw new Error(problem);
  const base = stripSuffix(name.trim());
  const text = serializeDesign(template.create(base));

  const folder = options.folder ?? (await pickFolder());
  if (folder === null) return undefined;
  if (!folder) {
    // No workspace: an untitled document the user can save anywhere.
    const uri = vscode.Uri.from({ scheme: 'untitled', path: `${base}${DESIGN_SUFFIX}` });
    const doc = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
    await vscode.workspace.applyEdit(edit);
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    return uri;
  }
  const uri = vscode.Uri.joinPath(folder, `${base}${DESIGN_SUFFIX}`);
  if (await exists(uri)) throw new Error(`${vscode.workspace.asRelativePath(uri, false)} already exists; choose another name.`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
  return uri;
}

/** The workspace folder for a new design; undefined without a workspace, null if the user cancelled. */
async function pickFolder(): Promise<vscode.Uri | undefined | null> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  if (folders.length === 1) return folders[0]!.uri;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder for the new design' });
  return picked ? picked.uri : null;
}


