// React Flow node changes (selection, drag, resize) applied to the controlled nodes in linear time.
import { applyNodeChanges, type Node, type NodeChange } from 'reactflow';

/**
 * applyNodeChanges, linear: React Flow's own filters all changes for every node, so a batch of n changes on
 * n nodes (a selection of everything, an auto-layout) costs n². Changes that add or reset nodes go the slow way.
 */
export function applyNodeChangesById<N extends Node>(changes: readonly NodeChange[], nodes: N[]): N[] {
  if (changes.some((c) => c.type === 'add' || c.type === 'reset')) return applyNodeChanges([...changes], nodes) as N[];
  const byId = new Map<string, NodeChange[]>();
  for (const c of changes) {
    const id = (c as { id: string }).id;
    const list = byId.get(id);
    if (list) list.push(c);
    else byId.set(id, [c]);
  }
  const out: N[] = [];
  for (const n of nodes) {
    const mine = byId.get(n.id);
    if (!mine) out.push(n);
    else out.push(...(applyNodeChanges(mine, [n]) as N[]));
  }
  return out;
}
