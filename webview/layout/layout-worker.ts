// Web worker running elkjs off the UI thread; kept out of main.js because elk is about 1.5 MB.
// Protocol: { requestId, graph } in, { requestId, graph } or { requestId, error } out.
import ELK from 'elkjs/lib/elk.bundled.js';

const elk = new ELK();

interface LayoutRequest {
  readonly requestId: number;
  readonly graph: Parameters<typeof elk.layout>[0];
}

// elk's bundled build installs its own worker dispatcher on self.onmessage when it loads inside a
// worker; assigning ours afterwards (this module body runs after the import) takes the channel back.
self.onmessage = async (ev: MessageEvent<LayoutRequest>) => {
  const { requestId, graph } = ev.data;
  try {
    const result = await elk.layout(graph);
    self.postMessage({ requestId, graph: result });
  } catch (e) {
    self.postMessage({ requestId, error: e instanceof Error ? e.message : String(e) });
  }
};
