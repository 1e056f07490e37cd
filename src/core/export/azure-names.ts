// Azure resource names the exporters make up from display names (local network gateways, connections).
/**
 * `parts` joined by "-" as a Microsoft.Network name (1–80 letters, digits, "_", "." or "-", starting with a
 * letter or digit, ending with one or "_"): every other character becomes "-", because an on-premises
 * network is named for people ("Amsterdam datacentre") and Azure refuses a space in a resource name.
 */
export function derivedNetworkName(...parts: string[]): string {
  const joined = parts
    .join('-')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/-{2,}/g, '-');
  const trimmed = joined.slice(0, 80).replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z0-9_]+$/, '');
  return trimmed || 'unnamed';
}

/**
 * A DNS resolver endpoint name (Microsoft.Network/dnsResolvers/inboundEndpoints and outboundEndpoints): 1–80
 * letters, digits, "_" or "-", starting and ending with a letter or digit. The narrowest of the network child
 * rules, so a name made up from a subnet's ("in-" + "Subnet (DNS)") deploys whatever the subnet is called.
 */
export function derivedEndpointName(...parts: string[]): string {
  const joined = parts
    .join('-')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-');
  const trimmed = joined.slice(0, 80).replace(/^[^A-Za-z0-9]+/, '').replace(/[^A-Za-z0-9]+$/, '');
  return trimmed || 'unnamed';
}

/**
 * Makes names that share one Azure scope (the groups of one policy, the endpoints of one resolver) unique.
 * Azure compares names case-insensitively. A name the design gives valid as is keeps it; a name the export
 * had to change (sanitised, or a repeat) gets "-2", "-3"… in list order, trimmed to `maxLength`; so the same
 * design always gets the same names, and `a/b` beside `a-b` no longer deploys twice to `a-b`.
 */
export function uniqueAzureNames(wanted: readonly { readonly name: string; readonly asIs: boolean }[], maxLength = 80): string[] {
  const used = new Set<string>();
  const out: (string | undefined)[] = wanted.map((w) => {
    if (!w.asIs || used.has(w.name.toLowerCase())) return undefined;
    used.add(w.name.toLowerCase());
    return w.name;
  });
  return wanted.map((w, i) => {
    const kept = out[i];
    if (kept !== undefined) return kept;
    let candidate = w.name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const suffix = `-${n}`;
      candidate = `${w.name.slice(0, maxLength - suffix.length)}${suffix}`;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The Azure names of a policy's rule collection groups, in order: path segments, so "/" and friends are sanitised. */
export function ruleCollectionGroupNames(groups: readonly { readonly name: string }[]): string[] {
  return uniqueAzureNames(groups.map((g) => {
    const name = derivedNetworkName(g.name);
    return { name, asIs: name === g.name };
  }));
}
