// The Address map panel beside Connectivity: the design's VNets and subnets per /16 block, with the free
// space labelled, drawn from the same shapes as `ppvnet plan-addresses --svg` as React elements (no HTML strings).
import { memo, useMemo, useState } from 'react';
import type { Design } from '../../src/core/model/schema';
import { addressMap } from '../../src/core/plan/address-map';
import { layoutAddressMap, type MapShape } from '../../src/core/plan/address-map-layout';
import { MAP_PATTERNS, mapFill } from '../../src/core/plan/address-map-style';
import { usedRanges } from '../../src/core/plan/plan-addresses';

export interface AddressMapPanelProps {
  readonly design: Design;
  readonly fileName: string;
}

/** The host sends no ppvnet.config.json to the webview, so the panel maps the design alone, not the pools. */
const NO_POOLS = { pools: [], reserved: [], onPremises: [] } as const;

export const AddressMapPanel = memo(function AddressMapPanel({ design, fileName }: AddressMapPanelProps) {
  const [open, setOpen] = useState(false);
  // Laid out only while open: a closed panel costs nothing on each edit.
  const picture = useMemo(() => (open ? layoutAddressMap(addressMap(NO_POOLS, usedRanges([{ file: fileName, design }]))) : undefined), [open, design, fileName]);
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
          <p className="muted" data-testid="address-map-caption">
            This design only, per /16 block around its VNets. For the address pools of ppvnet.config.json, run <code>ppvnet plan-addresses --svg</code>.
          </p>
          <svg className="address-map-picture" width={picture.width} height={picture.height} viewBox={`0 0 ${picture.width} ${picture.height}`}
            role="img" aria-label="Address map of the design" fontFamily="sans-serif" fill="#1a202c">
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
