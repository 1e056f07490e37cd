// What a section module of main.bicep borrows from the main emitter: the plan, symbols and parameters.
import type { ExportPlan } from '../export-plan';
import type { BicepValue } from './bicep-writer';

export interface BicepSectionContext {
  readonly plan: ExportPlan;
  symbolOf(id: string): string;
  take(id: string, ...roles: string[]): string;
  addParam(id: string, role: string, type: string, description: string, value?: BicepValue): string;
  nameParam(e: { id: string; name: string; kind: string }, what: string): string;
  locationParam(e: Parameters<ExportPlan['regionOf']>[0], what: string): string;
}
