// Count badge of the component layer, tinted by severity when it counts findings.
import type { Severity } from '../../src/core/rules/rule';

export function Badge({ count, severity, label }: { readonly count: number; readonly severity?: Severity; readonly label?: string }) {
  return (
    <span className={`badge${severity ? ` severity-${severity}` : ''}`} aria-label={label ?? `${count}`} title={label}>
      {count}
    </span>
  );
}
