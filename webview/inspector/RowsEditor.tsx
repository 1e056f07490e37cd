// Table editor for list-valued properties (NSG rules, routes): each committed cell, added or removed row
// is one updateElement edit of the whole list.
import { useEffect, useState } from 'react';
import { Button } from '../components';

export interface Column {
  readonly key: string;
  readonly label: string;
  readonly type: 'text' | 'number' | 'enum';
  readonly options?: readonly string[];
  readonly optional?: boolean;
}

type Row = Record<string, unknown>;

export interface RowsEditorProps {
  readonly label: string;
  readonly rows: readonly Row[];
  readonly columns: readonly Column[];
  readonly newRow: (rows: readonly Row[]) => Row;
  readonly onCommit: (rows: Row[]) => void;
  readonly testId: string;
}

export function RowsEditor({ label, rows, columns, newRow, onCommit, testId }: RowsEditorProps) {
  return (
    <div className="field rows-editor" data-testid={testId}>
      <div className="rows-head">
        <span className="field-label">{label}</span>
        <Button appearance="secondary" ariaLabel={`Add ${label.toLowerCase()} row`} testId={`${testId}-add`} onClick={() => onCommit([...rows, newRow(rows)])}>Add</Button>
      </div>
      {rows.length === 0 ? <div className="muted">None.</div> : (
        <table>
          <thead><tr>{columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}<th /></tr></thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.key}>
                    <Cell column={c} value={row[c.key]} rowLabel={`${label} row ${i + 1}`} onCommit={(v) => {
                      const next = rows.map((r, j) => {
                        if (j !== i) return r;
                        const copy = { ...r };
                        if (v === undefined) delete copy[c.key];
                        else copy[c.key] = v;
                        return copy;
                      });
                      onCommit(next);
                    }} />
                  </td>
                ))}
                <td>
                  <button className="icon-button" aria-label={`Remove ${label.toLowerCase()} row ${i + 1}`} title="Remove row" onClick={() => onCommit(rows.filter((_, j) => j !== i))}>✕</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Cell({ column, value, rowLabel, onCommit }: { column: Column; value: unknown; rowLabel: string; onCommit: (v: unknown) => void }) {
  const text = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(text);
  useEffect(() => setDraft(text), [text]);
  const aria = `${rowLabel} ${column.label}`;
  if (column.type === 'enum') {
    return (
      <select aria-label={aria} value={text} onChange={(e) => onCommit(e.target.value === '' ? undefined : e.target.value)}>
        {column.optional && <option value="">—</option>}
        {column.options?.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    );
  }
  const invalid = column.type === 'number' && draft !== '' && !/^-?\d+$/.test(draft.trim());
  const commit = () => {
    if (draft === text || invalid) return;
    if (draft.trim() === '' && column.optional) return onCommit(undefined);
    onCommit(column.type === 'number' ? Number(draft.trim()) : draft);
  };
  return (
    <input aria-label={aria} aria-invalid={invalid} value={draft} size={column.type === 'number' ? 5 : 10}
      onChange={(e) => setDraft(e.target.value)} onBlur={commit}
      onKeyDown={(e) => { if (e.key === 'Enter') commit(); if (e.key === 'Escape') setDraft(text); }} />
  );
}
