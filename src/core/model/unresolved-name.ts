// Marks what an IaC reader could not evaluate (an element's deployed name, the VNets a policy injects into),
// so rules skip or say they cannot tell instead of judging a stand-in or an empty list.
import type { Element } from './schema';

/**
 * Symbols, not properties: they are invisible to JSON.stringify and to the schema, so a design read from IaC
 * that is saved or sent to the webview carries no trace of them, and a hand-written design can never set them.
 */
const NAME_UNRESOLVED = Symbol('ppvnet.nameUnresolved');
const VNETS_UNRESOLVED = Symbol('ppvnet.vnetsUnresolved');

/** Called by the IaC readers when `name` is the resource's symbol, standing in for a name they could not read. */
export function markNameUnresolved(element: object): void {
  (element as Record<symbol, boolean>)[NAME_UNRESOLVED] = true;
}

/** Is `element.name` the name that will be deployed (always, for a design; when it was evaluated, for IaC)? */
export function hasDeployedName(element: Element): boolean {
  return (element as unknown as Record<symbol, boolean | undefined>)[NAME_UNRESOLVED] !== true;
}

/**
 * Called by the IaC readers when a policy's virtualNetworks, or an entry of it, is a value they could not
 * evaluate (a parameter, a loop over one): its policySubnet relations may be fewer than it will have.
 */
export function markVnetsUnresolved(policy: object): void {
  (policy as Record<symbol, boolean>)[VNETS_UNRESOLVED] = true;
}

/** Are the policy's relations and unresolvedSubnets every VNet it injects into (always, for a design)? */
export function hasKnownVnets(policy: Element): boolean {
  return (policy as unknown as Record<symbol, boolean | undefined>)[VNETS_UNRESOLVED] !== true;
}

const READ_FROM_IAC = Symbol('ppvnet.readFromIac');

/**
 * Called by the IaC readers on the design they build: it holds what one input declares, not the whole estate,
 * so what is missing from it (a flow log that Azure Policy or a platform repository deploys) may exist elsewhere.
 */
export function markReadFromIac(design: object): void {
  (design as Record<symbol, boolean>)[READ_FROM_IAC] = true;
}

/** Is the design one input's share of the estate (read from IaC) rather than a whole design? */
export function isReadFromIac(design: object): boolean {
  return (design as Record<symbol, boolean | undefined>)[READ_FROM_IAC] === true;
}
