// The visual diff panel's HTML: the marked picture and the same summary and findings delta as the Markdown
// report, as escaped HTML. Nothing runs in it: the CSP allows no script, only our nonce-tagged style and the
// picture as a data: image (an SVG shown as an image cannot run script or fetch anything). Pure, so unit-tested.
import { CHANGE_SYMBOL, changeCounts, describeElement, describeProperty, describeRelation, plural, type DiffReport } from '../../core/diff/diff-report';
import type { PropertyChange } from '../../core/diff/design-diff';
import { newErrors } from '../../core/diff/findings-delta';
import { escapeUnsafeCharacters } from '../../core/model/unsafe-characters';
import type { Finding } from '../../core/rules/rule';

export interface DiffHtmlParts {
  readonly nonce: string;
  readonly title: string;
  readonly report: DiffReport;
  /** The diff picture from renderDiffSvg. */
  readonly svg: string;
}

export function diffPanelCsp(nonce: string): string {
  return ["default-src 'none'", `style-src 'nonce-${nonce}'`, 'img-src data:'].join('; ');
}

/** Text from the designs, made inert: control and bidi characters shown as escapes, markup as entities. */
export function htmlText(s: string): string {
  return escapeUnsafeCharacters(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const code = (s: string): string => `<code>${htmlText(s)}</code>`;

export function buildDiffHtml(p: DiffHtmlParts): string {
  const a = htmlText;
  const picture = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(p.svg)}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(diffPanelCsp(p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${htmlText(p.title)}</title>
<style nonce="${a(p.nonce)}">${STYLE}</style>
</head>
<body>
<h1>${htmlText(p.title)}</h1>
<p class="sides">${code(p.report.old)} → ${code(p.report.new)} · read-only</p>
${changesHtml(p.report)}
<h2>Picture</h2>
<img class="picture" alt="${a(`The new design with the changes marked: ${p.report.new}`)}" src="${a(picture)}">
${findingsHtml(p.report)}
</body>
</html>
`;
}

/**
 * The counts and the changed items with property detail. The panel puts the picture right after them, so
 * what changed and where it is on the diagram are read together; the findings tables, often long, come last.
 */
export function changesHtml(report: DiffReport): string {
  const { diff, findings } = report;
  const n = changeCounts(diff);
  const total = n.added + n.removed + n.changed;
  const out = [
    `<p><strong>${plural(total, 'change')}:</strong> ${n.added} added, ${n.removed} removed, ${n.changed} changed` +
      (diff.layoutOnly.length > 0 ? ` · ${plural(diff.layoutOnly.length, 'element')} only moved on the canvas (not listed)` : '') + '</p>',
    `<p><strong>Findings:</strong> ${findings.added.length} new (${plural(newErrors(findings), 'error')}), ${findings.fixed.length} fixed, ${findings.unchanged.length} unchanged</p>`,
  ];
  const item = (change: 'added' | 'removed' | 'changed', what: string, props: readonly PropertyChange[]) => {
    const head = `<strong class="${change}">${CHANGE_SYMBOL[change]} ${change}</strong> ${what}`;
    const detail = props.map((q) => `<li>${describeProperty(q, code, htmlText)}</li>`).join('');
    return `<li>${head}${detail ? `<ul>${detail}</ul>` : ''}</li>`;
  };
  if (total > 0) {
    const items: string[] = [];
    if (diff.design.length > 0) items.push(item('changed', 'design', diff.design));
    for (const c of diff.elements) items.push(item(c.change, describeElement(c, code, htmlText), c.properties));
    for (const c of diff.relations) items.push(item(c.change, describeRelation(c, code, htmlText), c.properties));
    out.push('<h2>Changes</h2>', `<ul class="changes">${items.join('')}</ul>`);
  }
  return out.join('\n');
}

/** The new, fixed and unchanged findings, as tables. */
export function findingsHtml({ findings }: DiffReport): string {
  const out: string[] = [];
  if (findings.added.length > 0) out.push('<h2>New findings</h2>', findingTable(findings.added));
  if (findings.fixed.length > 0) out.push('<h2>Fixed findings</h2>', findingTable(findings.fixed));
  if (findings.unchanged.length > 0) {
    out.push(`<details><summary>${plural(findings.unchanged.length, 'unchanged finding')}</summary>${findingTable(findings.unchanged)}</details>`);
  }
  return out.join('\n');
}

function findingTable(list: readonly Finding[]): string {
  const rows = list.map((f) => {
    const target = f.elementId ?? f.relationId;
    // As the Markdown report: the element or relation, and the line of the design the finding points at.
    const where = f.location ? `${f.location.file.split('\\').join('/')}:${f.location.range.start.line + 1}` : undefined;
    const cell = [target && code(target), where && htmlText(where)].filter(Boolean).join(' · ');
    return `<tr><td class="${htmlText(f.severity)}">${htmlText(f.severity)}</td><td>${code(f.ruleId)}</td><td>${cell}</td><td>${htmlText(f.message)}</td></tr>`;
  });
  return `<table><thead><tr><th>Severity</th><th>Rule</th><th>Where</th><th>Message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

// The workbench's theme variables, so the panel reads like the editor beside it; the picture keeps its own colours.
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.4em; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 3px; }
.sides { color: var(--vscode-descriptionForeground); }
.added { color: var(--vscode-gitDecoration-addedResourceForeground); }
.removed { color: var(--vscode-gitDecoration-deletedResourceForeground); }
.changed { color: var(--vscode-gitDecoration-modifiedResourceForeground); }
.error { color: var(--vscode-errorForeground); }
table { border-collapse: collapse; } th, td { text-align: left; padding: 2px 8px; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
.picture { max-width: 100%; background: #fff; border: 1px solid var(--vscode-panel-border); }
`;
