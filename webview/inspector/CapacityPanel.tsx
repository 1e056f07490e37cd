// Capacity of the selected enterprise policy: environments linked and planned, the usable IPs they need,
// the smallest prefix for both delegated subnets and each subnet's headroom. Figures come from
// src/core/plan/capacity, the same function PPV-012 and PPV-039 judge with.
import { memo, useMemo } from 'react';
import type { DesignEdit } from '../../src/core/model/design-edits';
import type { Design, ElementOf } from '../../src/core/model/schema';
import { Topology } from '../../src/core/model/topology';
import { policyCapacity } from '../../src/core/plan/capacity';
import { TextField } from '../components';

export interface CapacityPanelProps {
  readonly design: Design;
  readonly policy: ElementOf<'enterprisePolicy'>;
  readonly onEdit: (label: string, edit: DesignEdit) => void;
}

const wholeNumber = (t: string) => (t.trim() === '' || /^\d{1,5}$/.test(t.trim()) ? undefined : 'A whole number.');

export const CapacityPanel = memo(function CapacityPanel({ design, policy, onEdit }: CapacityPanelProps) {
  const capacity = useMemo(() => policyCapacity(new Topology(design), policy), [design, policy]);
  const planned = policy.plannedEnvironments ?? {};
  const setPlanned = (key: 'production' | 'nonProduction', text: string) => {
    const next = { ...planned, [key]: text.trim() === '' ? undefined : Number(text.trim()) };
    const empty = next.production === undefined && next.nonProduction === undefined;
    onEdit('Change planned environments', { op: 'updateElement', id: policy.id, set: { plannedEnvironments: empty ? undefined : next } });
  };
  const { linked, requiredUsable, smallestPrefix, subnets } = capacity;
  return (
    <section className="capacity-panel" data-testid="capacity-panel" aria-label="Capacity">
      <h3>Capacity</h3>
      <p className="muted">Size both delegated subnets before delegation: their range cannot change while environments are linked.</p>
      <TextField label="Planned production environments" testId="planned-production" value={planned.production === undefined ? '' : String(planned.production)}
        validate={wholeNumber} onCommit={(t) => setPlanned('production', t)} />
      <TextField label="Planned non-production environments" testId="planned-non-production" value={planned.nonProduction === undefined ? '' : String(planned.nonProduction)}
        validate={wholeNumber} onCommit={(t) => setPlanned('nonProduction', t)} />
      <dl className="capacity-figures">
        <dt>Linked</dt>
        <dd data-testid="capacity-linked">{linked.production} production, {linked.nonProduction} non-production</dd>
        <dt>Needed in each subnet</dt>
        <dd data-testid="capacity-required">{requiredUsable} usable IPs: a /{smallestPrefix} or larger</dd>
        {subnets.map(({ subnet, usable, headroom }) => (
          <div key={subnet.id}>
            <dt>{subnet.name} ({subnet.addressPrefix ?? 'no prefix'})</dt>
            <dd data-testid={`capacity-subnet-${subnet.id}`} className={headroom !== undefined && headroom < 0 ? 'capacity-short' : undefined}>
              {usable === undefined ? 'size unknown' : `${usable} usable, ${headroom! >= 0 ? `${headroom} spare` : `${-headroom!} short`}`}
            </dd>
          </div>
        ))}
      </dl>
      {subnets.length === 0 && <p className="muted">No delegated subnet yet: connect the policy to a subnet in each VNet.</p>}
    </section>
  );
});
