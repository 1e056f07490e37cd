// The Azure import end to end, without VS Code: read the subscription, refuse an import where every
// resource group failed, map to a design, lay it out. Shared by the command palette and the CLI.
import { emptySnapshot, type ArmSnapshot } from '../../core/azure/arm-shapes';
import { mapArmToDesign } from '../../core/azure/map-arm-design';
import type { Design } from '../../core/model/schema';
import { layoutDesign } from '../layout/auto-layout';
import { readSubscription, type ArmConnection, type GroupOutcome } from './arm-reader';

/** One subscription and the resource groups to read in it (empty or absent: all of them). */
export interface ImportScope {
  readonly subscriptionId: string;
  readonly resourceGroups?: readonly string[];
}

export interface ImportRequest {
  /** One or more subscriptions; a design may span several (e.g. peered VNets in a hub subscription). */
  readonly scopes: readonly ImportScope[];
  readonly name?: string;
  /** When the import ran, for the design description (ISO date). */
  readonly date?: string;
  readonly onProgress?: (message: string) => void;
}

export interface ImportResult {
  readonly design: Design;
  readonly groups: readonly GroupOutcome[];
  readonly notes: readonly string[];
  readonly attempts: number;
}

/** Thrown when nothing could be imported; the message lists each group and why. */
export class AzureImportError extends Error {
  constructor(message: string, readonly groups: readonly GroupOutcome[]) {
    super(message);
  }
}

export function describeGroups(groups: readonly GroupOutcome[]): string {
  return groups.map((g) => `${g.resourceGroup}: ${g.ok ? 'read' : g.error ?? 'failed'}`).join('\n');
}

function mergeInto(target: ReturnType<typeof emptySnapshot>, part: ArmSnapshot): void {
  for (const key of Object.keys(target) as (keyof ArmSnapshot)[]) target[key].push(...part[key]);
}

/** Reads a live topology and maps it to an unpositioned design (for drift comparison). */
export async function readLiveDesign(connection: ArmConnection, request: ImportRequest): Promise<ImportResult> {
  const snapshot = emptySnapshot();
  const groups: GroupOutcome[] = [];
  let attempts = 0;
  for (const scope of request.scopes) {
    const read = await readSubscription(connection, scope.subscriptionId, scope.resourceGroups, request.onProgress);
    mergeInto(snapshot, read.snapshot);
    groups.push(...read.groups);
    attempts += read.attempts;
  }
  const subscriptions = request.scopes.map((s) => s.subscriptionId).join(', ');
  if (groups.length === 0) {
    throw new AzureImportError(`Subscription ${subscriptions} has no resource groups to read.`, groups);
  }
  if (groups.every((g) => !g.ok)) {
    throw new AzureImportError(`No resource group could be read:\n${describeGroups(groups)}`, groups);
  }
  const readGroups = groups.filter((g) => g.ok).map((g) => g.resourceGroup);
  const { design, notes } = mapArmToDesign(snapshot, {
    name: request.name ?? `Azure import ${readGroups.join(', ')}`.slice(0, 120),
    description: `Imported from Azure subscription ${subscriptions}, resource groups ${readGroups.join(', ')}${request.date ? ` on ${request.date}` : ''}.`,
  });
  return { design, groups, notes, attempts };
}

/** Imports a live topology as a laid-out design, ready to save and open in the designer. */
export async function importFromAzure(connection: ArmConnection, request: ImportRequest): Promise<ImportResult> {
  const result = await readLiveDesign(connection, request);
  request.onProgress?.('Laying out the design');
  return { ...result, design: await layoutDesign(result.design) };
}
