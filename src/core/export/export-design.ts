// The exporters' single entry point: design → the files of a Bicep or Terraform export, each stamped with
// a header (source design, content hash). Pure and deterministic: the same design gives the same bytes.
import type { Design } from '../model/schema';
import { emitMainBicep } from './bicep/emit-bicep';
import { emitDiagnosticsModules } from './bicep/emit-monitoring';
import { emitDataGatewaySteps } from './data-gateway-steps';
import { emitDataPolicySteps } from './data-policy-steps';
import { ExportPlan } from './export-plan';
import { MARKDOWN_STYLE, stampFile, type CommentStyle } from './file-header';
import { emitLinkScriptPs1, emitLinkScriptSh } from './link-scripts';
import { emitTerraform } from './terraform/emit-terraform';
import { emitVerifyScriptPs1 } from './verify-script';

export type ExportFormat = 'bicep' | 'terraform';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['bicep', 'terraform'];

export interface ExportedFile {
  /** Path relative to the output folder, with forward slashes. */
  readonly path: string;
  readonly content: string;
}

export interface ExportOptions {
  /** The design's file name as shown in the header (a base name; no absolute paths leak into exports). */
  readonly designFile: string;
}

const HASH: CommentStyle = { prefix: '#' };
const SLASHES: CommentStyle = { prefix: '//' };

/** The file a host should open after exporting. */
export const MAIN_FILE: Readonly<Record<ExportFormat, string>> = { bicep: 'main.bicep', terraform: 'main.tf' };

/** Exports a design; files are sorted by path. */
export function exportDesign(design: Design, format: ExportFormat, options: ExportOptions): ExportedFile[] {
  const plan = new ExportPlan(design);
  const source = options.designFile.split(/[\\/]/).pop() || 'design.ppvnet.json';
  const files: ExportedFile[] = [];
  if (format === 'bicep') {
    files.push({ path: 'main.bicep', content: stampFile(emitMainBicep(plan), SLASHES, source) });
    for (const m of emitDiagnosticsModules(plan)) files.push({ path: m.path, content: stampFile(m.content, SLASHES, source) });
    files.push({ path: 'link-environments.sh', content: stampFile(emitLinkScriptSh(plan), { prefix: '#', preamble: '#!/usr/bin/env bash' }, source) });
    files.push({ path: 'link-environments.ps1', content: stampFile(emitLinkScriptPs1(plan), HASH, source) });
    const policies = emitDataPolicySteps(plan);
    if (policies !== undefined) files.push({ path: 'data-policies.md', content: stampFile(`-->\n${policies}`, MARKDOWN_STYLE, source) });
  } else {
    for (const [path, body] of Object.entries(emitTerraform(plan))) files.push({ path, content: stampFile(body, HASH, source) });
  }
  const steps = emitDataGatewaySteps(plan);
  if (steps !== undefined) files.push({ path: 'data-gateways.md', content: stampFile(`-->\n${steps}`, MARKDOWN_STYLE, source) });
  // Both formats deploy the same network, so both get the same live check of it.
  files.push({ path: 'verify-connectivity.ps1', content: stampFile(emitVerifyScriptPs1(plan), HASH, source) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
