// What a section module of main.tf borrows from the main emitter: the plan, labels, variables and the resource group.
import type { ExportPlan } from '../export-plan';
import type { HclValue } from './hcl-writer';

export interface TerraformSectionContext {
  readonly plan: ExportPlan;
  labelOf(id: string): string;
  take(id: string, ...roles: string[]): string;
  nameVar(e: { id: string; name: string }, what: string): string;
  locationVar(e: Parameters<ExportPlan['regionOf']>[0], what: string): HclValue;
  readonly rgName: HclValue;
}
