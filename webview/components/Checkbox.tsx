// Tri-state-aware checkbox of the component layer: undefined (unknown) shows as unchecked with a note.
import { VSCodeCheckbox } from '@vscode/webview-ui-toolkit/react';

export interface CheckboxProps {
  readonly label: string;
  readonly checked: boolean | undefined;
  readonly onChange: (checked: boolean) => void;
  readonly testId?: string;
}

export function Checkbox({ label, checked, onChange, testId }: CheckboxProps) {
  return (
    <div className="field field-inline">
      <VSCodeCheckbox
        checked={checked === true}
        aria-label={label}
        data-testid={testId}
        onChange={(e) => {
          const next = (e.target as HTMLInputElement).checked;
          if (next !== (checked === true)) onChange(next);
        }}
      >
        {label}{checked === undefined ? ' (not set)' : ''}
      </VSCodeCheckbox>
    </div>
  );
}
