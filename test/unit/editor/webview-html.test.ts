// @vitest-environment jsdom
// The designer webview HTML: strict CSP with the nonce, only the given local resources, escaped attributes.
import { describe, expect, it } from 'vitest';
import { buildDesignerHtml, contentSecurityPolicy } from '../../../src/vscode/designer/webview-html';

const parts = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abc123+/=',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/main.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/main.css',
  layoutWorkerUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/layout-worker.js',
  codiconsUri: '',
  title: 'a "quoted" <design>.ppvnet.json',
};

describe('designer webview HTML', () => {
  it('has a CSP that allows only our nonce-tagged script and local resources', () => {
    const csp = contentSecurityPolicy(parts.cspSource, parts.nonce);
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual([`'nonce-${parts.nonce}'`]);
    expect(directives['style-src']).toEqual([parts.cspSource, `'nonce-${parts.nonce}'`]);
    expect(directives['worker-src']).toEqual(['blob:']);
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(csp).not.toMatch(/\*/);
  });

  it('wires the webview contract: root with worker and codicons, stylesheet, one nonce-tagged script', () => {
    const doc = new DOMParser().parseFromString(buildDesignerHtml(parts), 'text/html');
    const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!;
    expect(meta.getAttribute('content')).toBe(contentSecurityPolicy(parts.cspSource, parts.nonce));
    const root = doc.getElementById('root')!;
    expect(root.dataset.layoutWorker).toBe(parts.layoutWorkerUri);
    expect(root.dataset.codicons).toBe('');
    expect(doc.querySelector('link[rel="stylesheet"]')!.getAttribute('href')).toBe(parts.styleUri);
    const scripts = doc.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('nonce')).toBe(parts.nonce);
    expect(scripts[0]!.getAttribute('src')).toBe(parts.scriptUri);
    expect(scripts[0]!.textContent).toBe('');
    expect(doc.title).toBe(parts.title);
    // FAST (webview UI toolkit) tags the <style> elements it creates with this nonce.
    expect(doc.querySelector('meta[property="csp-nonce"]')!.getAttribute('content')).toBe(parts.nonce);
  });
});
