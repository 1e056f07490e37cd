// Timeline of the webview as User Timing marks (`ppvnet:*`), read by the e2e scale test to say where the
// time between opening a design and seeing its nodes goes, and how long an edit takes to come back judged. Imported first by main.tsx, so its
// first mark is taken before any library module is evaluated.

export type PerfMark =
  | 'script-start' | 'modules-evaluated' | 'ready-sent' | 'init-received'
  | 'first-flow-start' | 'first-flow-end' | 'first-nodes-committed' | 'first-nodes-painted' | 'first-fit';

const seen = new Set<string>();

/** Marks the first occurrence only: later renders and messages do not move the startup timeline. */
export function markOnce(name: PerfMark, detail?: Record<string, number | string>): void {
  if (seen.has(name) || typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  seen.add(name);
  performance.mark(`ppvnet:${name}`, detail ? { detail } : undefined);
}

/** Marks every occurrence (edits, document updates), for latencies measured from the outside. */
export function markEach(name: 'edit-sent' | 'edit-painted' | 'document-changed', detail?: Record<string, number | string>): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  // The timeline keeps every mark; a long session must not grow it without end.
  if (++eachCount % EACH_KEPT === 0) {
    performance.clearMarks('ppvnet:edit-sent');
    performance.clearMarks('ppvnet:edit-painted');
    performance.clearMarks('ppvnet:document-changed');
  }
  performance.mark(`ppvnet:${name}`, detail ? { detail } : undefined);
}

let eachCount = 0;
const EACH_KEPT = 500;

/** Messages from the host as they arrive (type, document version, time), to see what is sent twice. */
export interface HostMessageRecord {
  readonly type: string;
  readonly version?: number;
  readonly at: number;
}

const messages: HostMessageRecord[] = [];
const MESSAGES_KEPT = 200;

export function recordHostMessage(message: { readonly type: string; readonly version?: number }): void {
  messages.push({ type: message.type, ...(message.version !== undefined ? { version: message.version } : {}), at: performance.now() });
  if (messages.length > MESSAGES_KEPT) messages.splice(0, messages.length - MESSAGES_KEPT);
  // Kept by reference (no copy, no serialisation here) so the e2e can weigh the last document payload.
  if (message.type === 'init' || message.type === 'documentChanged') probe.lastDocumentMessage = message;
  if (message.type === 'init') probe.initMessage = message;
}

/** What the e2e reads through `window.__ppvnetPerf`. */
export interface PerfProbe {
  readonly messages: readonly HostMessageRecord[];
  lastDocumentMessage?: unknown;
  initMessage?: unknown;
}

const probe: PerfProbe = { messages };
(globalThis as { __ppvnetPerf?: PerfProbe }).__ppvnetPerf = probe;
markOnce('script-start');
