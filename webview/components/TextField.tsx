// Text input that commits on Enter or blur (one edit per committed change) and validates as you type.
// A native input styled with the theme: tests and assistive tech see a real text box.
import { useEffect, useId, useState } from 'react';

export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  /** Returns an error to show (and not commit), or undefined when the text is acceptable. */
  readonly validate?: (text: string) => string | undefined;
  readonly onCommit: (text: string) => void;
  readonly testId?: string;
  readonly placeholder?: string;
  readonly multiline?: boolean;
  readonly readOnly?: boolean;
}

export function TextField({ label, value, validate, onCommit, testId, placeholder, multiline, readOnly }: TextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  // A new document value (undo, redo, another editor) replaces whatever the field showed.
  useEffect(() => setDraft(value), [value]);
  const error = validate?.(draft);
  const commit = () => {
    if (draft === value || error !== undefined || readOnly) return;
    onCommit(draft);
  };
  const common = {
    id,
    value: draft,
    placeholder,
    readOnly,
    'aria-invalid': error !== undefined,
    'aria-describedby': error !== undefined ? `${id}-error` : undefined,
    'data-testid': testId,
    onBlur: commit,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...common}
          rows={Math.min(6, Math.max(2, draft.split('\n').length))}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
            if (e.key === 'Escape') setDraft(value);
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(value);
          }}
        />
      )}
      {error !== undefined && <div className="field-error" id={`${id}-error`} role="alert">{error}</div>}
    </div>
  );
}
