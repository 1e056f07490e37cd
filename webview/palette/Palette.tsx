// Element palette: drag an item onto the canvas, or focus it and press Enter to add it at the viewport
// centre (subnets and gateways go into the selected VNet).
import { memo } from 'react';
import { PALETTE_ITEMS, type PaletteItem } from '../model/element-factory';
import { KindIcon } from '../canvas/KindIcon';

export const PALETTE_MIME = 'application/x-ppvnet-palette';

export const Palette = memo(function Palette({ onAdd, disabled }: { readonly onAdd: (item: PaletteItem) => void; readonly disabled: boolean }) {
  const groups = [...new Set(PALETTE_ITEMS.map((p) => p.group))];
  return (
    <nav className="palette nokey" data-testid="palette" aria-label="Elements palette">
      {groups.map((g) => (
        <div key={g} className="palette-group" role="group" aria-label={g}>
          <h3>{g}</h3>
          {PALETTE_ITEMS.filter((p) => p.group === g).map((p) => (
            <div
              key={p.testKey}
              className="palette-item"
              data-testid={`palette-${p.testKey}`}
              role="button"
              tabIndex={0}
              aria-disabled={disabled}
              aria-label={`Add ${p.label}`}
              title={`Drag onto the canvas, or press Enter to add ${p.label}`}
              draggable={!disabled}
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_MIME, p.testKey);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onKeyDown={(e) => {
                if ((e.key === 'Enter' || e.key === ' ') && !disabled) {
                  e.preventDefault();
                  onAdd(p);
                }
              }}
            >
              <KindIcon kind={p.kind} serviceType={p.serviceType} />
              <span>{p.label}</span>
            </div>
          ))}
        </div>
      ))}
    </nav>
  );
});
