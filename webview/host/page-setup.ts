// Runs before any library module: makes the libraries work under the page's strict CSP without probing it.
// Imported first by main.tsx; esbuild keeps import order, so this executes before zod and the toolkit load.
import { config } from 'zod';

// zod probes for eval support with `new Function("")`, which the CSP refuses (and reports); skip the probe.
config({ jitless: true });

// The webview UI toolkit (FAST) adds one feature-test <style> and takes its nonce from this meta tag.
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce;
if (nonce && !document.querySelector('meta[property="csp-nonce"]')) {
  const meta = document.createElement('meta');
  meta.setAttribute('property', 'csp-nonce');
  meta.setAttribute('content', nonce);
  document.head.append(meta);
}
