// Parsing of ARM resource ids (`/subscriptions/…/resourceGroups/…/providers/<ns>/<type>/<name>/<child>/<name>`).
// ARM ids compare case-insensitively, so every lookup goes through `armKey`.

export interface ArmId {
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  /** e.g. `Microsoft.Network/virtualNetworks/subnets`. */
  readonly type?: string;
  /** Names from the top-level resource down, e.g. [vnet, subnet]. */
  readonly names: readonly string[];
}

/** Parses an ARM id; unknown shapes yield what could be read (never throws). */
export function parseArmId(id: string): ArmId {
  const parts = id.split('/').filter((p) => p !== '');
  let subscriptionId: string | undefined;
  let resourceGroup: string | undefined;
  let type: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i]!.toLowerCase();
    if (key === 'subscriptions' && subscriptionId === undefined) subscriptionId = parts[++i];
    else if (key === 'resourcegroups' && resourceGroup === undefined) resourceGroup = parts[++i];
    else if (key === 'providers' && i + 2 < parts.length) {
      const namespace = parts[++i]!;
      const types: string[] = [];
      for (i++; i + 1 < parts.length; i += 2) {
        types.push(parts[i]!);
        names.push(parts[i + 1]!);
      }
      type = [namespace, ...types].join('/');
    }
  }
  return { subscriptionId, resourceGroup, type, names };
}

/** The lookup key of an ARM id: lower case, no trailing slash. */
export function armKey(id: string): string {
  return id.replace(/\/+$/, '').toLowerCase();
}

/** The id of the resource a child id belongs to (`…/virtualNetworks/v/subnets/s` → `…/virtualNetworks/v`). */
export function parentArmId(id: string): string {
  const parts = id.replace(/\/+$/, '').split('/');
  return parts.slice(0, -2).join('/');
}

/** The last name segment of an ARM id. */
export function armName(id: string): string {
  const parts = id.replace(/\/+$/, '').split('/');
  return parts[parts.length - 1] ?? id;
}
