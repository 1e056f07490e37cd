// Plain-text output of `ppvnet diff`: one line per added, removed or changed item (property changes indented
// under it when there are several), then the findings delta; control and bidi characters shown escaped.
import { newErrors } from '../../core/diff/findings-delta';
import { escapeUnsafeCharacters } from '../../core/model/unsafe-characters';
import type { Finding } from '../../core/rules/rule';
import { CHANGE_SYMBOL, changeCounts, describeElement, describeProperty, describeRelation, plural, type DiffReport } from '../../core/diff/diff-report';

const same = (s: string) => s;

export function formatDiffText(report: DiffReport): string {
  const { diff, findings } = report;
  const lines = [`${report.old} → ${report.new}`];
  const item = (symbol: string, what: string, change: string, props: readonly Parameters<typeof describeProperty>[0][]) => {
    if (props.length === 1) lines.push(`${symbol} ${change} ${what}: ${describeProperty(props[0]!, same, same)}`);
    else {
      lines.push(`${symbol} ${change} ${what}`);
      for (const p of props) lines.push(`    ${describeProperty(p, same, same)}`);
    }
  };
  if (diff.design.length > 0) item(CHANGE_SYMBOL.changed, 'design', 'changed', diff.design);
  for (const c of diff.elements) item(CHANGE_SYMBOL[c.change], describeElement(c, same, same), c.change, c.properties);
  for (const c of diff.relations) item(CHANGE_SYMBOL[c.change], describeRelation(c, same, same), c.change, c.properties);
  const n = changeCounts(diff);
  const total = n.added + n.removed + n.changed;
  const moved = diff.layoutOnly.length > 0 ? `; ${plural(diff.layoutOnly.length, 'element')} only moved on the canvas (not listed)` : '';
  lines.push(`${plural(total, 'change')}: ${n.added} added, ${n.removed} removed, ${n.changed} changed${moved}`);
  for (const f of findings.added) lines.push(`new    ${findingLine(f)}`);
  for (const f of findings.fixed) lines.push(`fixed  ${findingLine(f)}`);
  lines.push(`findings: ${findings.added.length} new (${plural(newErrors(findings), 'error')}), ${findings.fixed.length} fixed, ${findings.unchanged.length} unchanged`);
  return lines.map(escapeUnsafeCharacters).join('\n') + '\n';
}

function findingLine(f: Finding): string {
  const where = f.elementId ?? f.relationId;
  return `${f.severity} ${f.ruleId}${where ? ` [${where}]` : ''}: ${f.message}`;
}
