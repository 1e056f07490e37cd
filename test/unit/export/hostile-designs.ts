// Designs with strings built to break out of Bicep, HCL, shell and PowerShell literals in every string property
// the schema lets through: shared by the export fuzz test (HashiCorp's parser) and the Bicep CLI test.
import { loadDesign } from '../../../src/core/model/load-design';
import type { Design } from '../../../src/core/model/schema';
import { serializeDesign } from '../../../src/core/model/serialize-design';
import { rule as AZ17 } from '../../../src/core/rules/catalog/AZ-17';
import { validateDesign } from '../../../src/core/rules/engine';
import { rng } from '../iac/fuzz-harness';

/** Breakouts for each output language, and the characters that end or start a literal or an interpolation. */
export const HOSTILE_STRINGS: readonly string[] = [
  '"\n}\nresource "terraform_data" "x" {\n  provisioner "local-exec" { command = "id" }\n}\n#',
  "'\nresource pwn 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  name: 'x'\n}\n//",
  '${file("/etc/passwd")}',
  '%{ for x in [1] }${x}%{ endfor }',
  "${'x'}",
  '\\"\\\\\'',
  'x\u2019 + $(New-Item pwned) + \u2019',
  '$(reboot) `id` ${HOME}',
  '*/ resource x \'y\' = {} /*',
  '<<EOF\nboom\nEOF',
  '\u202Eevil\u2066',
  '\uFEFF\u00A0\u2028\u2029',
  'x'.repeat(300),
];

/** Keys whose values are references or enums: changing them tests the schema, not the writers. */
const STRUCTURAL = new Set(['id', 'kind', 'from', 'to', 'type', 'region', 'location', 'subscriptionId', 'tenantId']);

/** Names Azure gives a meaning (a gateway needs its GatewaySubnet): renaming one changes the design, not the escaping. */
const MEANINGFUL = new Set(['GatewaySubnet', 'AzureFirewallSubnet', 'AzureFirewallManagementSubnet', 'AzureBastionSubnet', 'RouteServerSubnet']);

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function stringSlots(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value === 'string') {
    if (!MEANINGFUL.has(value)) out.push(path);
  }
  else if (Array.isArray(value)) value.forEach((v, i) => stringSlots(v, [...path, i], out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!STRUCTURAL.has(k)) stringSlots(v, [...path, k], out);
  }
  return out;
}

function setAt(root: Json, path: readonly (string | number)[], text: string): void {
  let at = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, Json>;
  at[path[path.length - 1]!] = text;
}

/**
 * `design` with hostile strings in as many string properties as the schema still accepts (each choice is
 * kept only if the design loads), and the number of properties changed. `deployable` also keeps names valid
 * for Azure (AZ-17): export refuses a design with a name Azure refuses, so the compiler never sees one.
 */
export function hostileDesign(design: Design, seed: number, options: { deployable?: boolean } = {}): { design: Design; changed: number } {
  const accepts = (text: string): boolean => {
    const loaded = loadDesign(text);
    return loaded.ok && (!options.deployable || validateDesign(loaded.design, { rules: [AZ17] }).length === 0);
  };
  // Whether a string is accepted at a slot hardly ever depends on the other slots, so each answer is kept per
  // design and the whole result is checked once; only when that check fails is every choice checked again.
  const memo = acceptedAt.get(design) ?? new Map<string, boolean>();
  acceptedAt.set(design, memo);
  const fast = build(design, seed, (json, slot, pick) => {
    const key = `${options.deployable === true}\0${slot.join('\0')}\0${pick}`;
    let ok = memo.get(key);
    if (ok === undefined) {
      const copy = JSON.parse(JSON.stringify(json)) as Json;
      setAt(copy, slot, pick);
      ok = accepts(JSON.stringify(copy));
      memo.set(key, ok);
    }
    return ok;
  });
  const loaded = loadDesign(JSON.stringify(fast.json));
  if (loaded.ok && accepts(JSON.stringify(fast.json))) return { design: loaded.design, changed: fast.changed };
  const slow = build(design, seed, (json, slot, pick) => {
    const copy = JSON.parse(JSON.stringify(json)) as Json;
    setAt(copy, slot, pick);
    return accepts(JSON.stringify(copy));
  });
  const again = loadDesign(JSON.stringify(slow.json));
  if (!again.ok) throw new Error(`hostile design ${seed} does not load`);
  return { design: again.design, changed: slow.changed };
}

const acceptedAt = new WeakMap<Design, Map<string, boolean>>();

/** Walks the string slots in order; the seeded PRNG decides which to change and with what, `accept` whether it stays. */
function build(design: Design, seed: number, accept: (json: Json, slot: (string | number)[], pick: string) => boolean): { json: Json; changed: number } {
  const random = rng(seed);
  const json = JSON.parse(serializeDesign(design)) as Json;
  let changed = 0;
  for (const slot of stringSlots(json)) {
    if (random() < 0.5) continue;
    const pick = HOSTILE_STRINGS[Math.floor(random() * HOSTILE_STRINGS.length)]!;
    if (accept(json, slot, pick)) {
      setAt(json, slot, pick);
      changed++;
    }
  }
  return { json, changed };
}
