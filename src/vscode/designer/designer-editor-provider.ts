// The `ppvnet.designer` custom text editor: builds the webview (strict CSP, local resources only) and
// binds each panel to a DesignerSession. Keeps the open sessions so commands can find the active one.
import * as vscode from 'vscode';
import type { AddressPlanMessage } from '../../core/protocol/messages';
import { uriExists } from '../shared/uri-exists';
import type { DesignAnalyzer } from '../shared/design-analyzer';
import { VIEW_TYPE } from '../shared/ids';
import { DesignerSession } from './designer-session';
import { MessageTransport } from './message-transport';
import type { DesignerLog } from '../shared/output-log';
import { buildDesignerHtml } from './webview-html';

export class DesignerSessions {
  private readonly sessions = new Set<DesignerSession>();
  private lastActive: DesignerSession | undefined;

  add(session: DesignerSession): vscode.Disposable {
    this.sessions.add(session);
    const track = () => {
      if (session.panel.active) this.lastActive = session;
    };
    track();
    const sub = session.panel.onDidChangeViewState(track);
    return new vscode.Disposable(() => {
      sub.dispose();
      this.sessions.delete(session);
      if (this.lastActive === session) this.lastActive = undefined;
    });
  }

  all(): readonly DesignerSession[] {
    return [...this.sessions];
  }

  forUri(uri: vscode.Uri): DesignerSession[] {
    return this.all().filter((s) => s.document.uri.toString() === uri.toString());
  }

  /** The designer the user is looking at: the focused one, else the most recently focused still visible. */
  active(): DesignerSession | undefined {
    return this.all().find((s) => s.panel.active) ?? (this.lastActive?.panel.visible ? this.lastActive : undefined);
  }
}

interface ProviderDeps {
  readonly analyzer: DesignAnalyzer;
  readonly log: DesignerLog;
  readonly sessions: DesignerSessions;
  readonly generation: () => number;
  readonly addressPlan: (uri: vscode.Uri) => Promise<AddressPlanMessage>;
}

export class DesignerEditorProvider implements vscode.CustomTextEditorProvider {
  static readonly viewType = VIEW_TYPE;

  static register(context: vscode.ExtensionContext, deps: ProviderDeps): vscode.Disposable {
    return vscode.window.registerCustomEditorProvider(VIEW_TYPE, new DesignerEditorProvider(context, deps), {
      // Re-creating the webview is cheap (it asks for `init` again); keeping hidden ones alive is not.
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    });
  }

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly deps: ProviderDeps,
  ) {}

  /** Whether media/codicons ships in this install; asked once (stat is a round trip on the web). */
  private codiconsPresent: Promise<boolean> | undefined;

  async resolveCustomTextEditor(document: vscode.TextDocument, panel: vscode.WebviewPanel): Promise<void> {
    const started = Date.now();
    const extensionUri = this.context.extensionUri;
    const webviewRoot = vscode.Uri.joinPath(extensionUri, 'out', 'webview');
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [webviewRoot, media] };
    const codicons = vscode.Uri.joinPath(media, 'codicons', 'codicon.css');
    this.codiconsPresent ??= uriExists(codicons);
    const withCodicons = await this.codiconsPresent;
    webview.html = buildDesignerHtml({
      cspSource: webview.cspSource,
      nonce: randomNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.css')).toString(),
      layoutWorkerUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'layout-worker.js')).toString(),
      codiconsUri: withCodicons ? webview.asWebviewUri(codicons).toString() : '',
      title: document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1),
    });
    const label = `designer[${vscode.workspace.asRelativePath(document.uri, false)}]`;
    const transport = new MessageTransport(webview, this.deps.log, label);
    const session = new DesignerSession(document, panel, transport, { analyzer: this.deps.analyzer, log: this.deps.log, extensionUri, addressPlan: this.deps.addressPlan }, this.deps.generation);
    const registration = this.deps.sessions.add(session);
    this.deps.log.info(`${label}: opened (page handed to the webview ${Date.now() - started} ms after VS Code asked for the editor)`);
    panel.onDidDispose(() => {
      registration.dispose();
      session.dispose();
      this.deps.log.info(`${label}: closed`);
    });
  }
}

/** A CSP nonce from Web Crypto (global in Node 20 and in the web worker host alike). */
function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}
