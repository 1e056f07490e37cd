// When the canvas draws less: large designs render only what is in view, and zoomed far out they draw
// nodes as plain blocks and leave VNet children out. Small designs are always drawn in full.
import type { ReactFlowState } from 'reactflow';

/** Above this many elements only the visible ones are rendered, and far zoom draws less. */
export const LARGE_DESIGN = 300;

/** Below this zoom a node's 11 px text is under 4 px on screen. */
export const COMPACT_BELOW_ZOOM = 0.35;

/** True when a large design is zoomed far out (a node of it subscribes to this; it changes only at the threshold). */
export const zoomedOutOnLarge = (s: ReactFlowState): boolean => s.transform[2] < COMPACT_BELOW_ZOOM && s.nodeInternals.size > LARGE_DESIGN;
