// Markdown output of `ppvnet diff`, written to be posted as a pull-request comment: the counts first, the
// changed items as a list with property-level detail, then new and fixed findings as tables (unchanged ones
// folded away). Names from the inputs are escaped so they cannot add links, HTML or table cells.
import { newErrors } from '../../core/diff/findings-delta';
import type { PropertyChange } from '../../core/diff/design-diff';
import { escapeUnsafeCharacters } from '../../core/model/unsafe-characters';
import type { Finding } from '../../core/rules/rule';
import { CHANGE_SYMBOL, changeCounts, describeElement, describeProperty, describeRelation, plural, type DiffReport } from '../../core/diff/diff-report';

/** Backslash-escapes what Markdown or a table would read as syntax; entities stop raw HTML. */
export function mdText(s: string): string {
  return escapeUnsafeCharacters(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, '\\$&');
}

/** Inline code, fenced with more backticks than the text holds so it cannot close the span early. */
export function mdCode(s: string): string {
  const text = escapeUnsafeCharacters(s).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

export function formatDiffMarkdown(report: DiffReport): string {
  const { diff, findings } = report;
  const n = changeCounts(diff);
  const total = n.added + n.removed + n.changed;
  const out = [
    `### ppvnet diff: ${mdCode(report.old)} → ${mdCode(report.new)}`,
    '',
    `**${plural(total, 'change')}:** ${n.added} added, ${n.removed} removed, ${n.changed} changed` +
      (diff.layoutOnly.length > 0 ? ` · ${plural(diff.layoutOnly.length, 'element')} only moved on the canvas (not listed)` : ''),
    '',
    `**Findings:** ${findings.added.length} new (${plural(newErrors(findings), 'error')}), ${findings.fixed.length} fixed, ${findings.unchanged.length} unchanged`,
    '',
  ];
  const item = (change: 'added' | 'removed' | 'changed', what: string, props: readonly PropertyChange[]) => {
    const head = `- **${CHANGE_SYMBOL[change]} ${change}** ${what}`;
    if (props.length === 1) out.push(`${head}: ${describeProperty(props[0]!, mdCode, mdText)}`);
    else out.push(head, ...props.map((p) => `  - ${describeProperty(p, mdCode, mdText)}`));
  };
  if (total > 0) {
    out.push('#### Changes', '');
    if (diff.design.length > 0) item('changed', 'design', diff.design);
    for (const c of diff.elements) item(c.change, describeElement(c, mdCode, mdText), c.properties);
    for (const c of diff.relations) item(c.change, describeRelation(c, mdCode, mdText), c.properties);
    out.push('');
  }
  if (findings.added.length > 0) out.push('#### New findings', '', ...findingTable(findings.added), '');
  if (findings.fixed.length > 0) out.push('#### Fixed findings', '', ...findingTable(findings.fixed), '');
  if (findings.unchanged.length > 0) {
    out.push('<details>', `<summary>${plural(findings.unchanged.length, 'unchanged finding')}</summary>`, '', ...findingTable(findings.unchanged), '', '</details>', '');
  }
  return out.join('\n');
}

function findingTable(list: readonly Finding[]): string[] {
  const rows = list.map((f) => {
    const target = f.elementId ?? f.relationId;
    const where = f.location ? `${f.location.file.split('\\').join('/')}:${f.location.range.start.line + 1}` : undefined;
    return `| ${f.severity} | ${mdCode(f.ruleId)} | ${[target && mdCode(target), where && mdText(where)].filter(Boolean).join(' · ')} | ${mdText(f.message)} |`;
  });
  return ['| Severity | Rule | Where | Message |', '|---|---|---|---|', ...rows];
}
