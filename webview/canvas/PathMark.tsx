// The badge on the element that decided the flow chosen in the Connectivity panel: a verdict glyph whose
// tooltip and accessible name are the deciding hop's reason.
import type { ElementNodeData } from '../model/flow-model';
import { VERDICT_MARK } from '../connectivity/flow-rows';

export function PathMark({ mark }: { readonly mark: NonNullable<ElementNodeData['pathMark']> }) {
  const v = VERDICT_MARK[mark.verdict];
  return (
    <span className={`path-mark verdict-${mark.verdict}`} role="img" title={mark.reason} aria-label={`Decides the chosen flow (${v.word}): ${mark.reason}`} data-testid="path-mark">
      {v.icon}
    </span>
  );
}
