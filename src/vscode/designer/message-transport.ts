// The only place that touches the designer webview's postMessage/onDidReceiveMessage: every inbound
// message is validated by the protocol parser (invalid ones are dropped and logged), both directions are logged.
import type * as vscode from 'vscode';
import { parseWebviewMessage, type HostToWebview, type WebviewToHost } from '../../core/protocol/messages';
import type { DesignerLog } from '../shared/output-log';

export class MessageTransport implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  private handler: ((message: WebviewToHost) => Promise<void> | void) | undefined;

  constructor(private readonly webview: vscode.Webview, private readonly log: DesignerLog, private readonly label: string) {
    this.subscription = webview.onDidReceiveMessage((raw: unknown) => void this.deliver(raw));
  }

  onMessage(handler: (message: WebviewToHost) => Promise<void> | void): void {
    this.handler = handler;
  }

  /** Entry for untrusted input: the webview's messages (and the in-host tests, which go the same way). */
  async deliver(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.log.warn(`${this.label} <- webview: ${parsed.error}: ${safeStringify(raw)}`);
      return;
    }
    this.log.trace(`${this.label} <- webview: ${safeStringify(parsed.message)}`);
    try {
      await this.handler?.(parsed.message);
    } catch (e) {
      this.log.error(`${this.label}: handling ${parsed.message.type} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  async post(message: HostToWebview): Promise<boolean> {
    this.log.trace(`${this.label} -> webview: ${safeStringify(message)}`);
    return this.webview.postMessage(message);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
