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
