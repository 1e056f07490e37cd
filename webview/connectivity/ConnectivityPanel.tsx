// The Connectivity panel beside Problems: every flow the verifier follows, primary and failover verdicts
// side by side; choosing one highlights its path on the canvas and says which hop decided it, with a jump there.
import { memo, useEffect, useMemo, useState } from 'react';
import type { Design } from '../../src/core/model/schema';
import type { Side, Verdict } from '../../src/core/verify/flow';
import { verifyDesign } from '../../src/core/verify/verify-design';
import type { PathHighlight } from '../canvas/path-highlight';
import { decidingTarget, findCell, flowRows, verdictCounts, VERDICT_MARK, type FlowCell } from './flow-rows';

export interface ConnectivityPanelProps {
  readonly design: Design;
  readonly onHighlight: (h: PathHighlight | undefined) => void;
  /** Selects and centres an element or relation, and focuses the deciding row of its list (NSG rule, route, firewall rule). */
  readonly onGoTo: (id: string, row?: { readonly property: string; readonly item?: readonly number[] }) => void;
}

const SIDES: readonly Side[] = ['primary', 'failover'];

export const ConnectivityPanel = memo(function ConnectivityPanel({ design, onHighlight, onGoTo }: ConnectivityPanelProps) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | undefined>();
  // Verified only while open: a closed panel costs nothing on each edit of a large design.
  const flows = useMemo(() => (open ? verifyDesign(design) : []), [open, design]);
  const rows = useMemo(() => flowRows(design, flows), [design, flows]);
  const cell = findCell(rows, chosen);

  useEffect(() => {
    onHighlight(cell ? { ids: cell.path, verdict: cell.verdict, ...decidingOf(cell) } : undefined);
  }, [cell, onHighlight]);
  // Unmounted (the design failed to load): the canvas keeps no stale path.
  useEffect(() => () => onHighlight(undefined), [onHighlight]);

  const counts = verdictCounts(flows);
  const names = useMemo(() => new Map([...design.elements, ...design.relations].map((x) => [x.id, 'name' in x ? x.name : x.id])), [design]);
  const goTo = cell && decidingTarget(cell);
  return (
    <section className={`connectivity nokey${open ? ' open' : ''}`} data-testid="connectivity" aria-label="Connectivity">
      <header>
        <h2>
          <button className="panel-toggle" aria-expanded={open} data-testid="connectivity-toggle" onClick={() => setOpen((o) => !o)}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> Connectivity
          </button>
        </h2>
        {open && (['blocked', 'unknown', 'reachable'] as const).map((v) => counts[v] > 0 && <VerdictCount key={v} verdict={v} count={counts[v]} />)}
      </header>
      {open && (rows.length === 0 ? <p className="muted">No flows: add an enterprise policy with delegated subnets and the services it reaches.</p> : (
        <>
          <table className="flow-table">
            <thead><tr><th scope="col">Target</th><th scope="col">Primary</th><th scope="col">Failover</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row" className="flow-what"><span className="flow-target">{r.targetName}</span> <span className="muted">{r.policyName}</span></th>
                  {SIDES.map((side) => {
                    const c = r[side];
                    if (!c) return <td key={side} className="muted">—</td>;
                    const m = VERDICT_MARK[c.verdict];
                    return (
                      <td key={side}>
                        <button className={`flow-cell verdict-${c.verdict}`} aria-pressed={chosen === c.flowId} data-testid={`flow-${r.key}-${side}`}
                          title={c.deciding?.text} aria-label={`${r.targetName} from ${r.policyName}, ${side}: ${m.word}`}
                          onClick={() => setChosen((id) => (id === c.flowId ? undefined : c.flowId))}>
                          <span className="verdict-icon" aria-hidden="true">{m.icon}</span> {m.word}{c.flows > 1 ? ` (worst of ${c.flows})` : ''}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {cell && (
            <div className="flow-detail" data-testid="flow-detail" aria-live="polite">
              <p>
                <span className={`verdict-${cell.verdict}`}>{VERDICT_MARK[cell.verdict].icon} {cell.side} {VERDICT_MARK[cell.verdict].word}</span>
                {cell.deciding && <>: <span data-testid="flow-reason">{cell.deciding.text}</span></>}
                {goTo && <> <button className="link-button" data-testid="flow-go-to" onClick={() => onGoTo(goTo, cell.deciding?.property && cell.deciding.elementId === goTo ? { property: cell.deciding.property, ...(cell.deciding.item ? { item: cell.deciding.item } : {}) } : undefined)}>Go to {names.get(goTo) ?? goTo}</button></>}
              </p>
              <ol className="flow-hops" aria-label={`Hops of the ${cell.side} flow`}>
                {cell.hops.map((hop, i) => (
                  <li key={i} className={hop === cell.deciding ? 'deciding' : undefined}>
                    <span className={`verdict-icon verdict-${hop.verdict}`} role="img" aria-label={VERDICT_MARK[hop.verdict].word}>{VERDICT_MARK[hop.verdict].icon}</span> {hop.text}
                  </li>
                ))}
              </ol>
            </div>
          )}
        </>
      ))}
    </section>
  );
});

function VerdictCount({ verdict, count }: { readonly verdict: Verdict; readonly count: number }) {
  const m = VERDICT_MARK[verdict];
  return <span className={`verdict-count verdict-${verdict}`} data-testid={`connectivity-${verdict}`}><span aria-hidden="true">{m.icon}</span> {count} {m.word}</span>;
}

function decidingOf(cell: FlowCell): Pick<PathHighlight, 'decidingId' | 'reason'> {
  const id = decidingTarget(cell);
  return id === undefined ? {} : { decidingId: id, ...(cell.deciding ? { reason: cell.deciding.text } : {}) };
}
