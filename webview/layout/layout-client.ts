// Starts the layout worker and lays out graphs with it. The CSP only allows blob: workers, and a
// cross-origin worker URL is refused anyway, so the script is fetched and started from a blob URL.
import type { LayoutNode } from '../../src/core/layout/layout-graph';

let worker: Promise<Worker> | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (g: LayoutNode) => void; reject: (e: Error) => void }>();

function startWorker(): Promise<Worker> {
  worker ??= (async () => {
    const url = document.getElementById('root')?.dataset.layoutWorker;
    if (!url) throw new Error('the designer page names no layout worker (data-layout-worker)');
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not load the layout worker (${response.status})`);
    const blob = new Blob([await response.text()], { type: 'text/javascript' });
    const w = new Worker(URL.createObjectURL(blob));
    w.onmessage = (ev: MessageEvent<{ requestId: number; graph?: LayoutNode; error?: string }>) => {
      const p = pending.get(ev.data.requestId);
      if (!p) return;
      pending.delete(ev.data.requestId);
      if (ev.data.graph) p.resolve(ev.data.graph);
      else p.reject(new Error(ev.data.error ?? 'layout failed'));
    };
    w.onerror = (ev) => {
      for (const p of pending.values()) p.reject(new Error(ev.message || 'layout worker crashed'));
      pending.clear();
    };
    return w;
  })();
  worker.catch(() => { worker = undefined; });
  return worker;
}

export async function layoutInWorker(graph: LayoutNode): Promise<LayoutNode> {
  const w = await startWorker();
  const requestId = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(requestId, { resolve, reject });
    w.postMessage({ requestId, graph });
  });
}

/** Starts the worker ahead of the first layout (elk takes seconds to initialise on a busy machine). */
export function warmLayoutWorker(): void {
  startWorker().catch(() => { /* reported when a layout is asked for */ });
}
