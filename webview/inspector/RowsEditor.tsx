// Table editor for list-valued properties (NSG rules, routes, firewall and forwarding rules, a data policy's
// tables): each committed cell, added or removed row is one updateElement edit of the whole list; a cell
// Azure would reject shows why and is not committed.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Button } from '../components';
import type { Column, Row } from './rule-columns';

export type { Column } from './rule-columns';

export interface RowsEditorProps {
  readonly label: string;
  readonly rows: readonly Row[];
  readonly columns: readonly Column[];
  readonly newRow: (rows: readonly Row[]) => Row;
  readonly onCommit: (rows: Row[]) => void;
  readonly testId: string;
  /** A row to bring into view and focus (the Connectivity panel's Go to); a new nonce focuses again. */
  readonly focusRow?: { readonly index: number; readonly nonce: number };
}

interface CellError {
  readonly order: string;
  readonly where: string;
  readonly message: string;
  readonly testId: string;
}

export function RowsEditor({ label, rows, columns, newRow, onCommit, testId, focusRow }: RowsEditorProps) {
  const noun = label.toLowerCase();
  const baseId = useId();
  const body = useRef<HTMLTableSectionElement>(null);
  const [focused, setFocused] = useState<number | undefined>();
  useEffect(() => {
    if (!focusRow) return;
    setFocused(focusRow.index);
    const tr = body.current?.querySelector<HTMLTableRowElement>(`[data-row="${focusRow.index}"]`);
    if (!tr) return;
    // Scroll only the inspector: scrollIntoView would also scroll the designer's fixed grid sideways.
    const pane = tr.closest<HTMLElement>('.inspector');
    if (pane) {
      const row = tr.getBoundingClientRect();
      const box = pane.getBoundingClientRect();
      if (row.top < box.top || row.bottom > box.bottom) pane.scrollTop += row.top - box.top - box.height / 3;
    }
    // The rule's name says which rule it is: focus that cell and scroll the table sideways to it.
    const cell = tr.querySelector<HTMLElement>(`[data-testid$="-${focusRow.index}-name"]`) ?? tr.querySelector<HTMLElement>('input, select');
    cell?.focus({ preventScroll: true });
    const table = tr.closest<HTMLElement>('table');
    const td = cell?.closest<HTMLElement>('td');
    if (table && td) table.scrollLeft = Math.max(0, td.offsetLeft - 4);
  }, [focusRow]);
  // Refusals are listed under the table, outside its horizontal scroll, so they stay in view.
  const [errors, setErrors] = useState<Readonly<Record<string, CellError>>>({});
  const report = useCallback((id: string, error: CellError | undefined) => setErrors((all) => {
    if (error === undefined ? !(id in all) : all[id]?.message === error.message) return all;
    const next = { ...all };
    if (error === undefined) delete next[id];
    else next[id] = error;
    return next;
  }), []);
  const setCell = (i: number, c: Column, v: unknown) => {
    onCommit(rows.map((r, j) => {
      if (j !== i) return r;
      const copy: Record<string, unknown> = { ...r };
      if (v === undefined) delete copy[c.key];
      else copy[c.key] = v;
      if (typeof v === 'string') for (const k of c.clears?.(v, r) ?? []) delete copy[k];
      return copy;
    }));
  };
  return (
    <div className="field rows-editor" data-testid={testId} role="group" aria-label={label}>
      <div className="rows-head">
        <span className="field-label">{label}</span>
        <Button appearance="secondary" ariaLabel={`Add ${noun} row`} testId={`${testId}-add`} onClick={() => onCommit([...rows, { ...newRow(rows) }])}>Add</Button>
      </div>
      {rows.length === 0 ? <div className="muted">None.</div> : (
        <table>
          <thead><tr>{columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}<th><span className="visually-hidden">Remove</span></th></tr></thead>
          <tbody ref={body}>
            {rows.map((row, i) => (
              <tr key={i} data-row={i} data-testid={`${testId}-row-${i}`} className={focused === i ? 'focused-row' : undefined} aria-current={focused === i ? 'true' : undefined}>
                {columns.map((c) => (
                  <td key={c.key}>
                    <Cell column={c} row={row} rowLabel={`${label} row ${i + 1}`} testId={`${testId}-${i}-${c.key}`} errorId={`${baseId}-${i}-${c.key}`}
                      order={`${String(i).padStart(4, '0')}-${String(columns.indexOf(c)).padStart(2, '0')}`} report={report} onCommit={(v) => setCell(i, c, v)} />
                  </td>
                ))}
                <td>
                  <button type="button" className="icon-button" data-testid={`${testId}-remove-${i}`} aria-label={`Remove ${noun} row ${i + 1}`} title="Remove row"
                    onClick={() => onCommit(rows.filter((_, j) => j !== i))}>✕</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {Object.keys(errors).length > 0 && (
        <div className="rows-errors">
          {Object.entries(errors).sort(([, a], [, b]) => a.order.localeCompare(b.order)).map(([id, e]) => (
            <div key={id} id={id} className="field-error" role="alert" data-testid={`${e.testId}-error`}>{e.where}: {e.message}</div>
          ))}
        </div>
      )}
    </div>
  );
}

interface CellProps {
  readonly column: Column;
  readonly row: Row;
  readonly rowLabel: string;
  readonly testId: string;
  readonly errorId: string;
  readonly order: string;
  readonly report: (id: string, error: CellError | undefined) => void;
  readonly onCommit: (v: unknown) => void;
}

function Cell({ column, row, rowLabel, testId, errorId, order, report, onCommit }: CellProps) {
  const value = row[column.key];
  const text = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(text);
  useEffect(() => setDraft(text), [text]);
  const aria = `${rowLabel} ${column.label}`;
  const error = column.type === 'enum' ? undefined
    : column.check?.(draft, row) ?? (column.type === 'number' && !/^-?\d+$/.test(draft.trim()) ? 'A whole number.' : undefined);
  useEffect(() => {
    report(errorId, error === undefined ? undefined : { order, where: aria, message: error, testId });
  }, [report, errorId, error, order, aria, testId]);
  useEffect(() => () => report(errorId, undefined), [report, errorId]);
  if (column.type === 'enum') {
    return (
      <select aria-label={aria} data-testid={testId} value={text} onChange={(e) => onCommit(e.target.value === '' ? undefined : e.target.value)}>
        {column.optional && <option value="">—</option>}
        {!column.optional && text === '' && <option value="" disabled>(choose)</option>}
        {column.options?.map((o) => <option key={o} value={o}>{column.optionLabels?.[o] ?? o}</option>)}
      </select>
    );
  }
  // An optional cell left empty is fine unless its check says the row needs it (a VirtualAppliance's IP).
  const commit = () => {
    if (draft === text || error !== undefined) return;
    if (draft.trim() === '' && column.optional) return onCommit(undefined);
    onCommit(column.type === 'number' ? Number(draft.trim()) : draft.trim());
  };
  return (
    <input aria-label={aria} data-testid={testId} aria-invalid={error !== undefined} aria-describedby={error !== undefined ? errorId : undefined}
      value={draft} size={column.type === 'number' ? 5 : 10}
      onChange={(e) => setDraft(e.target.value)} onBlur={commit}
      onKeyDown={(e) => { if (e.key === 'Enter') commit(); if (e.key === 'Escape') setDraft(text); }} />
  );
}
