// Live findings from the host's rules engine: one row per finding; clicking a row selects and centres
// its element, and each quick fix is a button that sends its edit.
import { memo, useMemo } from 'react';
import type { DesignEdit } from '../../src/core/model/design-edits';
import type { Design } from '../../src/core/model/schema';
import type { Finding } from '../../src/core/rules/rule';
import { Badge } from '../components';

export interface ProblemsPanelProps {
  readonly design: Design;
  readonly findings: readonly Finding[];
  readonly onReveal: (id: string) => void;
  readonly onEdit: (label: string, edit: DesignEdit) => void;
  readonly onOpenRuleDoc: (ruleId: string) => void;
}

export const ProblemsPanel = memo(function ProblemsPanel({ design, findings, onReveal, onEdit, onOpenRuleDoc }: ProblemsPanelProps) {
  // One lookup table per design: a large design has hundreds of findings, each naming its element.
  const names = useMemo(() => new Map(design.elements.map((e) => [e.id, e.name])), [design]);
  const nameOf = (f: Finding) => {
    if (f.elementId) return names.get(f.elementId) ?? f.elementId;
    if (f.relationId) return f.relationId;
    return 'design';
  };
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return (
    <section className="problems nokey" data-testid="problems" aria-label="Problems">
      <header>
        <h2>Problems</h2>
        {(['error', 'warning', 'info'] as const).map((s) => counts[s] > 0 && <Badge key={s} count={counts[s]} severity={s} label={`${counts[s]} ${s}`} />)}
      </header>
      {findings.length === 0 ? <p className="muted">No problems found.</p> : (
        <ul>
          {findings.map((f, i) => {
            const target = f.elementId ?? f.relationId;
            return (
              <li key={`${f.ruleId}-${target ?? ''}-${i}`} className={`problem severity-${f.severity}`} data-testid={`problem-${f.ruleId}-${target ?? 'design'}`}>
                <button className="problem-main" onClick={() => target && onReveal(target)} aria-label={`${f.severity} ${f.ruleId}: ${f.message}`}>
                  <span className={`severity-dot severity-${f.severity}`} aria-hidden="true" />
                  <span className="problem-rule">{f.ruleId}</span>
                  <span className="problem-message">{f.message}</span>
                  <span className="problem-target muted">{nameOf(f)}</span>
                </button>
                <span className="problem-actions">
                  {f.fixes?.map((fix, j) => (
                    <button key={j} className="quick-fix" data-testid={`fix-${f.ruleId}-${j}`} onClick={() => onEdit(fix.title, fix.edit)}>{fix.title}</button>
                  ))}
                  <button className="link-button" aria-label={`Open documentation of ${f.ruleId}`} onClick={() => onOpenRuleDoc(f.ruleId)}>doc</button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
