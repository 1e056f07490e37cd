// The Address map panel beside Connectivity: per address pool of ppvnet.config.json (sent by the host) the
// design's VNets and subnets, the reserved and on-premises ranges and the free blocks; with no pools, the
// design's VNets per /16 block. Drawn from the same shapes as `ppvnet plan-addresses --svg`, as React elements.
import { memo, useMemo, useState } from 'react';
import type { Design } from '../../src/core/model/schema';
import { addressMap } from '../../src/core/plan/address-map';
import { layoutAddressMap, type MapShape } from '../../src/core/plan/address-map-layout';
import { MAP_PATTERNS, mapFill } from '../../src/core/plan/address-map-style';
import type { AddressPlanConfig } from '../../src/core/plan/address-plan-config';
import { usedRanges } from '../../src/core/plan/plan-addresses';
import { addressPlanOfMessage } from '../../src/core/protocol/messages';
import type { AddressPlanView } from './use-address-plan';

export interface AddressMapPanelProps {
  readonly design: Design;
  readonly fileName: string;
  /** The host's address plan; undefined until it arrives, and the panel then maps the design alone. */
  readonly addressPlan?: AddressPlanView;
}

const NO_POOLS: AddressPlanConfig = { pools: [], reserved: [], onPremises: [] };
const DESIGN_ONLY = 'this design only, per /16 block around its VNets.';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the picture shows and where it comes from, in one line; says so when the configuration is incomplete. */
function Caption({ view, pools }: { readonly view: AddressPlanView | undefined; readonly pools: number }) {
  if (view === undefined) return <p className="muted" data-testid="address-map-caption">This design only, per /16 block around its VNets.</p>;
  if (view.status === 'refused') {
    return <p className="address-map-problem" data-testid="address-map-caption">The address plan from the extension was refused ({view.error}): {DESIGN_ONLY}</p>;
  }
  const file = view.plan.configFile ?? 'ppvnet.config.json';
  const problems = (then: string) => (view.plan.problems > 0
    ? <span className="address-map-problem" data-testid="address-map-config-problems"> {file} has {plural(view.plan.problems, 'problem')} (see the Problems panel){then}</span>
    : null);
  if (pools > 0) {
    return (
      <p className="muted" data-testid="address-map-caption">
        Pools of {file} with this design&apos;s ranges; other designs&apos; are listed by <code>ppvnet plan-addresses &lt;folder&gt;</code>.
        {problems('; entries with a problem are left out.')}
      </p>
    );
  }
  if (view.plan.problems > 0) {
    return <p className="muted" data-testid="address-map-caption">No address pools read:{problems('.')} Until it is fixed, {DESIGN_ONLY}</p>;
  }
  return (
    <p className="muted" data-testid="address-map-caption">
      No address pools configured: add <code>&quot;addressPools&quot;: [{'{'} &quot;name&quot;: &quot;corp&quot;, &quot;ranges&quot;: [&quot;10.64.0.0/12&quot;] {'}'}]</code> (and
      {' '}<code>&quot;reservedRanges&quot;</code>, <code>&quot;onPremisesRanges&quot;</code>) to {file} at the workspace folder&apos;s root. Until then, {DESIGN_ONLY}
    </p>
  );
}

export const AddressMapPanel = memo(function AddressMapPanel({ design, fileName, addressPlan }: AddressMapPanelProps) {
  const [open, setOpen] = useState(false);
  const plan = useMemo(() => (addressPlan?.status === 'ok' ? addressPlanOfMessage(addressPlan.plan) : NO_POOLS), [addressPlan]);
  // Laid out only while open: a closed panel costs nothing on each edit.
  const picture = useMemo(() => (open ? layoutAddressMap(addressMap(plan, usedRanges([{ file: fileName, design }]))) : undefined), [open, plan, design, fileName]);
  return (
    <section className={`address-map nokey${open ? ' open' : ''}`} data-testid="address-map" aria-label="Address map">
      <header>
        <h2>
          <button className="panel-toggle" aria-expanded={open} data-testid="address-map-toggle" onClick={() => setOpen((o) => !o)}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> Address map
          </button>
        </h2>
      </header>
      {picture && (
        <>
          <Caption view={addressPlan} pools={plan.pools.length} />
          <svg className="address-map-picture" width={picture.width} height={picture.height} viewBox={`0 0 ${picture.width} ${picture.height}`}
            role="img" aria-label={plan.pools.length > 0 ? 'Address map of the address pools' : 'Address map of the design'} fontFamily="sans-serif" fill="#1a202c">
            <defs>
              {MAP_PATTERNS.map((p) => (
                <pattern key={p.id} id={p.id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={`rotate(${p.angle})`}>
                  <rect width="6" height="6" fill={p.background} />
                  <line x1="0" y1="0" x2="0" y2="6" stroke={p.stroke} strokeWidth="2" />
                </pattern>
              ))}
            </defs>
            <rect width={picture.width} height={picture.height} fill="#ffffff" />
            {picture.shapes.map((s, i) => <Shape key={i} shape={s} />)}
          </svg>
        </>
      )}
    </section>
  );
});

function Shape({ shape: s }: { readonly shape: MapShape }) {
  switch (s.type) {
    case 'rect': {
      const { fill, stroke } = mapFill(s.kind);
      return <rect x={s.x} y={s.y} width={s.width} height={s.height} fill={fill} stroke={stroke} strokeWidth="0.8" data-kind={s.kind}>{s.title !== undefined && <title>{s.title}</title>}</rect>;
    }
    case 'line':
      return <line x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} stroke="#4a5568" strokeWidth="1" />;
    case 'text':
      return <text x={s.x} y={s.y} fontSize={s.size} textAnchor={s.anchor} fontWeight={s.bold ? 'bold' : undefined}>{s.text}</text>;
  }
}
