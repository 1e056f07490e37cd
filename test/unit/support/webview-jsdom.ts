// The jsdom page a webview test renders React into: the matchMedia the toolkit reads, React's act environment,
// and mount(), which renders into an attached host and unmounts it when the test ends.
// Import it before any webview module: the toolkit reads matchMedia when it is imported, and jsdom has none.
import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { onTestFinished } from 'vitest';

// The toolkit's buttons read matchMedia at import for their forced-colours styles; a page that never matches
// is what a browser with default settings gives them.
window.matchMedia ??= ((query: string) => ({
  matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {},
})) as unknown as typeof window.matchMedia;
// Without it React warns on every act() that the environment is not set up for it.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  /** The element the tree renders into, attached to the document so that focus and bubbling events work. */
  readonly host: HTMLDivElement;
  /** Renders another element into the same root, as a parent re-rendering with new props would. */
  render(node: ReactElement): void;
  /** Unmounts and detaches the host now rather than when the test ends; a second call does nothing. */
  unmount(): void;
}

/** Renders `node` inside act into a new host in the document; must be called from within a test. */
export function mount(node: ReactElement): Mounted {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  let mounted = true;
  const mountedTree: Mounted = {
    host,
    render: (next) => act(() => root.render(next)),
    unmount() {
      if (!mounted) return;
      mounted = false;
      act(() => root.unmount());
      host.remove();
    },
  };
  // Per mount, not per file: a test that mounts twice leaves neither tree behind for the next test.
  onTestFinished(() => mountedTree.unmount());
  mountedTree.render(node);
  return mountedTree;
}
