// What the verifier says about one flow: its source, its target, the verdict, the hops it crossed and
// the item that decided it. Shared by the rules, the CLI formatters and the designer's Connectivity panel.

/** `unknown` means the design does not say enough to tell; it is never a guess either way. */
export type Verdict = 'reachable' | 'blocked' | 'unknown';

/** Points at the element, relation or property that decided a hop (an NSG rule, a route, a peering flag…). */
export interface FlowRef {
  readonly elementId?: string;
  readonly relationId?: string;
  readonly property?: string;
  /** Index path into that property's list: an NSG rule or route index; a firewall rule's [group, collection, rule]. */
  readonly item?: readonly number[];
}

export type HopKind = 'subnet' | 'nsg' | 'route' | 'peering' | 'appliance' | 'firewall' | 'gateway' | 'nat' | 'internet' | 'dns' | 'privateEndpoint' | 'onPremises' | 'service';

export interface Hop extends FlowRef {
  readonly kind: HopKind;
  readonly verdict: Verdict;
  /** One sentence: what this hop does to the flow, and why. */
  readonly text: string;
}

export type FlowTarget =
  | { readonly kind: 'privateEndpoint'; readonly id: string; readonly serviceId?: string }
  | { readonly kind: 'publicService'; readonly id: string }
  | { readonly kind: 'onPremises'; readonly id: string }
  | { readonly kind: 'internet'; readonly host: string; readonly connectorId: string }
  | { readonly kind: 'dns'; readonly server: string };

export type Side = 'primary' | 'failover';

export interface Flow {
  /** Stable: `${policyId}/${sourceSubnetId}->${target}`. */
  readonly id: string;
  readonly policyId: string;
  readonly side: Side;
  readonly sourceSubnetId: string;
  readonly sourceVnetId?: string;
  readonly target: FlowTarget;
  /** Element the target names on the canvas (the endpoint, service, network or connector). */
  readonly targetElementId?: string;
  /** True when no workload is declared and the target is judged as one the workloads would use (#13). */
  readonly implied: boolean;
  readonly protocol: 'Tcp' | 'Udp';
  /** Destination port, or undefined when the design does not say (then every port is considered). */
  readonly port?: number;
  readonly verdict: Verdict;
  readonly hops: readonly Hop[];
  /** The hop that decided a blocked or unknown verdict. */
  readonly deciding?: Hop;
}

/** Conjunction of hop verdicts: one blocked hop blocks the flow, else one unknown hop makes it unknown. */
export function combine(verdicts: Iterable<Verdict>): Verdict {
  let out: Verdict = 'reachable';
  for (const v of verdicts) {
    if (v === 'blocked') return 'blocked';
    if (v === 'unknown') out = 'unknown';
  }
  return out;
}

/** The stable text id of a target, as used in flow ids and in `ppvnet verify --to`. */
export function targetKey(t: FlowTarget): string {
  switch (t.kind) {
    case 'privateEndpoint':
    case 'publicService':
    case 'onPremises':
      return t.id;
    case 'internet':
      return `internet:${t.host}`;
    case 'dns':
      return `dns:${t.server}`;
  }
}

/** One followed path. Here rather than in trace.ts: the network caches traces, and trace.ts reads the network. */
export interface Trace {
  readonly hops: readonly Hop[];
  /** Whether the packet got into the destination subnet (past its inbound NSG). */
  readonly arrived: boolean;
  /** Whether a firewall rule naming FQDNs judged it, so the same path to another host may differ. */
  readonly usedHost: boolean;
}
