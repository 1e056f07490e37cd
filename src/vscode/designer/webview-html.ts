// The designer webview's HTML and Content Security Policy: only our bundled script (by nonce) and
// resources from the extension's own folders; nothing remote, no inline script. Pure, so it is unit-tested.

export interface DesignerHtmlParts {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** Fresh per render, from a cryptographic source. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly layoutWorkerUri: string;
  /** Codicon stylesheet, or '' when the build ships none. */
  readonly codiconsUri: string;
  readonly title: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // React sets styles through the CSSOM and the webview UI toolkit uses constructable stylesheets, both
  // allowed without 'unsafe-inline'. The toolkit's FAST runtime also probes with a <style> element; it
  // reads the nonce from <meta property="csp-nonce">, so that probe passes too.
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data: blob:`,
    `font-src ${cspSource}`,
    // The layout worker is fetched from the extension folder and started from a blob: URL.
    'worker-src blob:',
    `connect-src ${cspSource}`,
  ].join('; ');
}

export function buildDesignerHtml(p: DesignerHtmlParts): string {
  const a = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="csp-nonce" content="${a(p.nonce)}">
<link rel="stylesheet" href="${a(p.styleUri)}">
<title>${escapeText(p.title)}</title>
</head>
<body>
<div id="root" data-layout-worker="${a(p.layoutWorkerUri)}" data-codicons="${a(p.codiconsUri)}"></div>
<script nonce="${a(p.nonce)}" src="${a(p.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
