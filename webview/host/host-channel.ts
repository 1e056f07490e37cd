// The webview's only door to the extension host: wraps acquireVsCodeApi once, types both directions
// with the shared protocol, drops stale document versions, and numbers edit requests.
import type { DesignEdit } from '../../src/core/model/design-edits';
import type { HostToWebview, WebviewCommand, WebviewToHost } from '../../src/core/protocol/messages';
import { markOnce, recordHostMessage } from './perf-marks';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const IN_FLIGHT_TIMEOUT_MS = 10_000;

export type HostListener = (message: HostToWebview) => void;

export class HostChannel {
  private version = -1;
  private nextRequest = 1;
  private readonly listeners = new Set<HostListener>();
  /** The edit the host is applying; later edits wait, because the host refuses an edit made on an older version. */
  private inFlight: number | undefined;
  private readonly queue: { requestId: number; label: string; edit: DesignEdit }[] = [];
  private inFlightTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly api: VsCodeApi, private readonly target: Pick<Window, 'addEventListener'> = window) {
    this.target.addEventListener('message', (ev: Event) => this.receive((ev as MessageEvent).data));
  }

  /** The document version the webview's state reflects; edits are based on it. */
  get documentVersion(): number {
    return this.version;
  }

  onMessage(listener: HostListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ready(): void {
    markOnce('ready-sent');
    this.post({ type: 'ready' });
  }

  /**
   * Sends one edit (one undo step in VS Code); returns its request id. Edits go one at a time: the next
   * leaves when the host has answered the previous one, based on the version that answer brought.
   */
  edit(label: string, edit: DesignEdit): number {
    const requestId = this.nextRequest++;
    this.queue.push({ requestId, label, edit });
    this.pump();
    return requestId;
  }

  private pump(): void {
    if (this.inFlight !== undefined) return;
    const next = this.queue.shift();
    if (!next) return;
    this.inFlight = next.requestId;
    // A host that never answers (a message it rejected as malformed) must not stall every later edit.
    clearTimeout(this.inFlightTimer);
    this.inFlightTimer = setTimeout(() => {
      if (this.inFlight !== next.requestId) return;
      this.inFlight = undefined;
      this.pump();
    }, IN_FLIGHT_TIMEOUT_MS);
    this.post({ type: 'edit', requestId: next.requestId, baseVersion: this.version, label: next.label, edit: next.edit });
  }

  command(command: WebviewCommand, argument?: string): void {
    this.post(argument === undefined ? { type: 'command', command } : { type: 'command', command, argument });
  }

  post(message: WebviewToHost): void {
    this.api.postMessage(message);
  }

  log(level: 'info' | 'warn' | 'error', message: string): void {
    this.post({ type: 'log', level, message: message.slice(0, 10_000) });
  }

  private receive(raw: unknown): void {
    if (typeof raw !== 'object' || raw === null || typeof (raw as { type?: unknown }).type !== 'string') return;
    const message = raw as HostToWebview;
    recordHostMessage(message);
    if (message.type === 'init' || message.type === 'documentChanged') {
      // Messages can overtake each other around undo bursts; an older document must not replace a newer one.
      if (message.version < this.version) return;
      this.version = message.version;
    }
    if (message.type === 'editResult' && message.requestId === this.inFlight) {
      this.inFlight = undefined;
      // Queued edits were made on top of the refused one; the host has re-sent its state, so drop them.
      if (!message.ok) this.queue.length = 0;
    }
    for (const l of this.listeners) l(message);
    this.pump();
  }
}

let channel: HostChannel | undefined;

/** The single channel of this webview; acquireVsCodeApi may only be called once per page. */
export function hostChannel(): HostChannel {
  channel ??= new HostChannel(acquireVsCodeApi());
  return channel;
}
