// One designer panel bound to one design document. The TextDocument is the single source of truth:
// webview edits become one WorkspaceEdit each (one undo step), and every document change, whatever its
// source (our edit, undo, an external tool, a revert), is reloaded, validated and posted back.
import * as vscode from 'vscode';
import type { DesignEdit } from '../../core/model/design-edits';
import { assertNever, type AddressPlanMessage, type DesignerSettings, type DocumentState, type HostToWebview, type WebviewCommand, type WebviewToHost } from '../../core/protocol/messages';
import type { DesignAnalyzer } from '../shared/design-analyzer';
import { computeEditReplacement } from './edit-applier';
import { LatestDebouncer } from '../shared/latest-debouncer';
import type { MessageTransport } from './message-transport';
import type { DesignerLog } from '../shared/output-log';
import { openRuleDoc } from '../shared/rule-docs';
import { COMMANDS } from '../shared/ids';
import { SerialQueue } from './serial-queue';
import { validationDelayMs } from '../shared/settings';

const DIAGRAM_TIMEOUT_MS = 30_000;
const SENT_KEPT = 50;

export interface SessionDeps {
  readonly analyzer: DesignAnalyzer;
  readonly log: DesignerLog;
  readonly extensionUri: vscode.Uri;
  /** The address plan of the configuration that applies to a design, as the address map's message. */
  readonly addressPlan: (uri: vscode.Uri) => Promise<AddressPlanMessage>;
}

export class DesignerSession implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly refresher: LatestDebouncer;
  private readonly edits = new SerialQueue();
  private ready = false;
  private readonly readyWaiters: (() => void)[] = [];
  private lastPosted: { version: number; generation: number } | undefined;
  private lastState: DocumentState | undefined;
  private nextRequestId = 1;
  /** Numbers the address plan reads: a slow read that a later config change overtook posts nothing. */
  private planRead = 0;
  private lastPlan: string | undefined;
  /** Set while our own WorkspaceEdit applies: its change event is answered by applyWebviewEdit, not the debounce. */
  private writing = false;
  private readonly pendingDiagrams = new Map<number, { resolve(data: string): void; reject(e: Error): void }>();
  /** The last messages sent to the webview, newest last; read by the in-host tests. */
  readonly sent: HostToWebview[] = [];

  constructor(
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly transport: MessageTransport,
    private readonly deps: SessionDeps,
    private readonly generation: () => number,
  ) {
    this.refresher = new LatestDebouncer(() => void this.refresh(), validationDelayMs);
    transport.onMessage((m) => this.handle(m));
    this.disposables.push(
      transport,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== this.document || e.contentChanges.length === 0) return;
        if (this.writing && e.reason === undefined) return;
        // Undo and redo come from the designer's own keys: post at once, or an edit made right after them
        // would be refused as made on the older version while a debounced refresh is still waiting.
        if (e.reason !== undefined) this.refresher.flush();
        else this.refresher.trigger();
      }),
      // Save and revert can change the text without a content change event on some paths; reload is cheap.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d === this.document) this.refresher.trigger();
      }),
    );
    void this.refresh();
  }

  /** The state last computed for the document (what the webview shows once it has caught up). */
  get state(): DocumentState | undefined {
    return this.lastState;
  }

  /** Feeds an untrusted message through the same path as the webview's (for the in-host tests). */
  receive(raw: unknown): Promise<void> {
    return this.transport.deliver(raw);
  }

  /** Config changed: re-validate and post even if the text did not change, and send the address plan again. */
  revalidate(): void {
    this.refresher.trigger();
    void this.sendAddressPlan();
  }

  runLayout(): void {
    void this.post({ type: 'runLayout' });
  }

  revealElement(elementId: string): void {
    void this.post({ type: 'revealElement', elementId });
  }

  /** Resolves once the webview has said `ready` (and got `init`). */
  whenReady(timeoutMs: number): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('The designer did not finish loading.')), timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Asks the webview to draw the canvas as an image; resolves with its base64 (PNG) or text (SVG) data. */
  requestDiagram(format: 'svg' | 'png'): Promise<string> {
    if (!this.ready) return Promise.reject(new Error('The designer is still loading; try again in a moment.'));
    const requestId = this.nextRequestId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingDiagrams.delete(requestId);
        reject(new Error(`The designer did not deliver the ${format.toUpperCase()} picture within ${DIAGRAM_TIMEOUT_MS / 1000} s.`));
      }, DIAGRAM_TIMEOUT_MS);
      this.pendingDiagrams.set(requestId, {
        resolve: (d) => { clearTimeout(timer); resolve(d); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      void this.post({ type: 'exportDiagram', requestId, format });
    });
  }

  private async handle(message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.sendInit();
        // A re-created webview (hidden panels are not kept) has lost the plan: send it after init whatever
        // was posted before (forgotten first, so a read overtaking this one posts it too).
        this.lastPlan = undefined;
        await this.sendAddressPlan();
        for (const wake of this.readyWaiters.splice(0)) wake();
        return;
      case 'edit':
        // One at a time, so the version check and the write cannot interleave; a failed edit is answered
        // and the webview put back on the document's state, and later edits still run.
        await this.edits.run(
          () => this.applyWebviewEdit(message.requestId, message.baseVersion, message.label, message.edit),
          (e) => this.answerFailedEdit(message.requestId, message.label, e),
        );
        return;
      case 'command':
        await this.runCommand(message.command, message.argument);
        return;
      case 'diagramExported': {
        const pending = this.pendingDiagrams.get(message.requestId);
        if (!pending) {
          this.deps.log.warn(`diagramExported for unknown request ${message.requestId}`);
          return;
        }
        this.pendingDiagrams.delete(message.requestId);
        pending.resolve(message.data);
        return;
      }
      case 'log':
        this.deps.log[message.level](`webview: ${message.message}`);
        return;
    }
  }

  private async sendInit(): Promise<void> {
    const started = Date.now();
    const analysis = await this.deps.analyzer.analyze(this.document);
    this.deps.log.info(`init: document version ${analysis.version} loaded and validated in ${Date.now() - started} ms`);
    this.lastState = analysis.state;
    this.lastPosted = { version: analysis.version, generation: this.generation() };
    await this.post({ type: 'init', version: analysis.version, fileName: fileNameOf(this.document.uri), state: analysis.state, settings: this.settings() });
  }

  /** Posts the address plan when it differs from the last one posted. */
  private async sendAddressPlan(): Promise<void> {
    if (!this.ready) return;
    const read = ++this.planRead;
    let message: AddressPlanMessage;
    try {
      message = await this.deps.addressPlan(this.document.uri);
    } catch (e) {
      // The store itself skips an unreadable file and reports a bad one on the file, so this is unexpected: logged.
      this.deps.log.warn(`address plan not read: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    if (read !== this.planRead) return;
    const text = JSON.stringify(message);
    if (text === this.lastPlan) return;
    this.lastPlan = text;
    await this.post(message);
  }

  private settings(): DesignerSettings {
    return { readOnly: this.readOnly(), validationDelayMs: validationDelayMs() };
  }

  private readOnly(): boolean {
    return vscode.workspace.fs.isWritableFileSystem(this.document.uri.scheme) === false;
  }

  private async applyWebviewEdit(requestId: number, baseVersion: number, label: string, edit: DesignEdit): Promise<void> {
    const refuse = async (error: string, resend: boolean) => {
      this.deps.log.warn(`edit ${requestId} "${label}" refused: ${error}`);
      if (resend) await this.refresh(true);
      await this.post({ type: 'editResult', requestId, ok: false, error });
    };
    if (this.readOnly()) return refuse('This design is read-only.', false);
    const started = Date.now();
    // The analysis of the current version (cached: the webview was sent it) already holds the parsed design.
    const analysis = await this.deps.analyzer.analyze(this.document);
    if (baseVersion !== this.document.version) {
      return refuse(`The design changed meanwhile (version ${this.document.version}, edit made on ${baseVersion}); the designer has been refreshed, please repeat the change.`, true);
    }
    const result = computeEditReplacement(this.document.getText(), edit, analysis.version === this.document.version ? analysis.load : undefined);
    if (!result.ok) return refuse(result.error, !this.lastState?.ok);
    const computed = Date.now();
    if (result.replacement) {
      const { offset, length, text } = result.replacement;
      const range = new vscode.Range(this.document.positionAt(offset), this.document.positionAt(offset + length));
      const workspaceEdit = new vscode.WorkspaceEdit();
      workspaceEdit.replace(this.document.uri, range, text, { needsConfirmation: false, label: label || 'Design edit' });
      // The design is checked (applyEdit did it): the analyzer indexes the written text instead of loading it again.
      this.deps.analyzer.willWrite(this.document, result.text, result.design);
      this.writing = true;
      let applied: boolean;
      try {
        applied = await vscode.workspace.applyEdit(workspaceEdit);
      } finally {
        this.writing = false;
      }
      if (!applied) return refuse('VS Code did not apply the edit (is the file read-only?).', true);
    }
    const written = Date.now();
    // Answer with the new state first, so the webview never sees "ok" before the design it refers to.
    await this.refresh();
    // Another change arrived while we wrote (its event was taken for ours): let the debounce post it.
    if (this.lastPosted?.version !== this.document.version) this.refresher.trigger();
    // Where an edit's round trip goes on this side; the webview's marks give the rest (see the scale e2e).
    this.deps.log.info(`edit ${requestId} "${label}": text replacement ${computed - started} ms, workspace edit ${written - computed} ms, reload + rules + post ${Date.now() - written} ms`);
    await this.post({ type: 'editResult', requestId, ok: true });
  }

  private async answerFailedEdit(requestId: number, label: string, e: unknown): Promise<void> {
    const error = `The edit "${label}" failed and was not applied: ${e instanceof Error ? e.message : String(e)}`;
    this.deps.log.error(`edit ${requestId}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    try {
      await this.refresh(true);
    } finally {
      await this.post({ type: 'editResult', requestId, ok: false, error });
    }
  }

  private async runCommand(command: WebviewCommand, argument: string | undefined): Promise<void> {
    const uri = this.document.uri;
    switch (command) {
      case 'undo':
      case 'redo':
        // The workbench command acts on the active editor; a webview command comes from this panel.
        if (!this.panel.active) this.panel.reveal(undefined, false);
        await vscode.commands.executeCommand(command);
        return;
      case 'save':
        await this.document.save();
        return;
      case 'openAsText':
        await vscode.commands.executeCommand('vscode.openWith', uri, 'default');
        return;
      case 'exportBicep':
      case 'exportTerraform':
      case 'exportDiagramSvg':
      case 'exportDiagramPng':
        // The command registry reports a failure itself; there is nothing to catch here.
        await vscode.commands.executeCommand(COMMANDS[command], uri);
        return;
      case 'openRuleDoc':
        if (argument) await openRuleDoc(this.deps.extensionUri, argument);
        return;
      default:
        assertNever(command);
    }
  }

  /**
   * Posts the current state if it differs from what the webview last got. `force` posts even when it
   * did not (after a refused edit the webview's optimistic view must be reset).
   */
  private async refresh(force = false): Promise<void> {
    const analysis = await this.deps.analyzer.analyze(this.document);
    // A newer change has already triggered its own refresh; posting this one would only flicker.
    if (analysis.version !== this.document.version) return;
    this.lastState = analysis.state;
    const generation = this.generation();
    if (!force && this.lastPosted?.version === analysis.version && this.lastPosted.generation === generation) return;
    // Before `ready` the webview cannot listen; `init` will carry the latest state.
    if (!this.ready) return;
    this.lastPosted = { version: analysis.version, generation };
    await this.post({ type: 'documentChanged', version: analysis.version, state: analysis.state });
  }

  private async post(message: HostToWebview): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > SENT_KEPT) this.sent.splice(0, this.sent.length - SENT_KEPT);
    try {
      await this.transport.post(message);
    } catch (e) {
      // A disposed panel rejects; the session is being torn down anyway.
      this.deps.log.warn(`post ${message.type} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  dispose(): void {
    this.refresher.dispose();
    for (const p of this.pendingDiagrams.values()) p.reject(new Error('The designer was closed.'));
    this.pendingDiagrams.clear();
    for (const d of this.disposables) d.dispose();
  }
}

function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
