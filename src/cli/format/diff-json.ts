// Machine-readable output of `ppvnet diff --format json`: the changes with their property paths and raw
// before/after values, and the findings delta in validate's JSON finding shape.
import { newErrors } from '../../core/diff/findings-delta';
import type { Finding } from '../../core/rules/rule';
import type { DiffReport } from '../../core/diff/diff-report';
import { findingJson } from './json';

export function formatDiffJson(report: DiffReport): string {
  const { diff, findings } = report;
  const finding = ({ location, related: _related, ...f }: Finding) => findingJson({ ...f, ...(location ? { file: location.file, range: location.range } : {}) });
  const out = {
    old: report.old,
    new: report.new,
    design: diff.design,
    elements: diff.elements.map((c) => ({ change: c.change, id: c.id, kind: c.element.kind, name: c.element.name, properties: c.properties })),
    relations: diff.relations.map((c) => ({ change: c.change, id: c.id, kind: c.relation.kind, from: c.relation.from, to: c.relation.to, properties: c.properties })),
    layoutOnly: diff.layoutOnly,
    findings: { new: findings.added.map(finding), fixed: findings.fixed.map(finding), unchanged: findings.unchanged.map(finding) },
    newErrors: newErrors(findings),
  };
  // JSON.stringify drops undefined fields, so absent ids and values do not appear as nulls.
  return JSON.stringify(out, null, 2) + '\n';
}
