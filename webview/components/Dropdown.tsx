// Select box of the component layer; options may be grouped (e.g. allowed regions first, then all).
// A native select styled with the theme, so keyboard and test drivers treat it as one.
import { useId } from 'react';

export interface DropdownOption {
  readonly value: string;
  readonly label?: string;
}

export interface DropdownGroup {
  readonly label: string;
  readonly options: readonly DropdownOption[];
}

export interface DropdownProps {
  readonly label: string;
  readonly value: string | undefined;
  readonly options?: readonly DropdownOption[];
  readonly groups?: readonly DropdownGroup[];
  /** Offer an empty choice that clears the property. */
  readonly allowEmpty?: boolean;
  readonly onChange: (value: string | undefined) => void;
  readonly testId?: string;
  readonly disabled?: boolean;
}

export function Dropdown({ label, value, options, groups, allowEmpty = true, onChange, testId, disabled }: DropdownProps) {
  const id = useId();
  const known = new Set([...(options ?? []), ...(groups ?? []).flatMap((g) => g.options)].map((o) => o.value));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} data-testid={testId} disabled={disabled} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        {allowEmpty && <option value="">(not set)</option>}
        {value !== undefined && value !== '' && !known.has(value) && <option value={value}>{value} (unknown)</option>}
        {options?.map((o) => <option key={o.value} value={o.value}>{o.label ?? o.value}</option>)}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => <option key={`${g.label}-${o.value}`} value={o.value}>{o.label ?? o.value}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
