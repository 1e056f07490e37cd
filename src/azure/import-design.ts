// The Azure import end to end, without VS Code: read the subscription, refuse an import where every
// resource group failed, map to a design, lay it out. Shared by the command palette and the CLI.
import { mapArmToDesign } from '../core/azure/map-arm-design';
import type { Design } from '../core/model/schema';
import { layoutDesign } from '../layout/auto-layout';
import { readSubscription, type ArmConnection, type GroupOutcome } from './arm-reader';

export interface ImportRequest {
  readonly subscriptionId: string;
  /** Empty or absent: every resource group of the subscription. */
  readonly resourceGroups?: readonly string[];
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

/** Reads a live topology and maps it to an unpositioned design (for drift comparison). */
export async function readLiveDesign(connection: ArmConnection, request: ImportRequest): Promise<ImportResult> {
  const read = await readSubscription(connection, request.subscriptionId, request.resourceGroups, request.onProgress);
  if (read.groups.length === 0) {
    throw new AzureImportError(`Subscription ${request.subscriptionId} has no resource groups to read.`, read.groups);
  }
  if (read.groups.every((g) => !g.ok)) {
    throw new AzureImportError(`No resource group could be read:\n${describeGroups(read.groups)}`, read.groups);
  }
  const readGroups = read.groups.filter((g) => g.ok).map((g) => g.resourceGroup);
  const { design, notes } = mapArmToDesign(read.snapshot, {
    name: request.name ?? `Azure import ${readGroups.join(', ')}`.slice(0, 120),
    description: `Imported from Azure subscription ${request.subscriptionId}, resource groups ${readGroups.join(', ')}${request.date ? ` on ${request.date}` : ''}.`,
  });
  return { design, groups: read.groups, notes, attempts: read.attempts };
}

/** Imports a live topology as a laid-out design, ready to save and open in the designer. */
export async function importFromAzure(connection: ArmConnection, request: ImportRequest): Promise<ImportResult> {
  const result = await readLiveDesign(connection, request);
  request.onProgress?.('Laying out the design');
  return { ...result, design: await layoutDesign(result.design) };
}
