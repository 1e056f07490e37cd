// Marks an element whose deployed name an IaC reader could not evaluate, so rules that judge names skip it.
import type { Element } from './schema';

/**
 * A symbol, not a property: it is invisible to JSON.stringify and to the schema, so a design read from IaC
 * that is saved or sent to the webview carries no trace of it, and a hand-written design can never set it.
 */
const NAME_UNRESOLVED = Symbol('ppvnet.nameUnresolved');

/** Called by the IaC readers when `name` is the resource's symbol, standing in for a name they could not read. */
export function markNameUnresolved(element: object): void {
  (element as Record<symbol, boolean>)[NAME_UNRESOLVED] = true;
}

/** Is `element.name` the name that will be deployed (always, for a design; when it was evaluated, for IaC)? */
export function hasDeployedName(element: Element): boolean {
  return (element as unknown as Record<symbol, boolean | undefined>)[NAME_UNRESOLVED] !== true;
}
