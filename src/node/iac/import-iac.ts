// Reads a Bicep file (with its modules and parameters) or a Terraform folder into a laid-out design: what
// the editor's "Open in Designer" and `ppvnet import <iac>` both write. The topology is kept as the IaC
// writes it, faults included (a wrong `kind`, a `{value: […]}` wrapper), so the designer's rules show them.
import path from 'node:path';
import { isBicepParamFile } from '../../core/iac/bicep-params';
import type { IacDiagnostic } from '../../core/iac/iac-resource';
import type { Design } from '../../core/model/schema';
import { layoutDesign } from '../layout/auto-layout';
import { isIacFile, readBicepFile, readTerraformFolder } from './iac-files';
import { sharedParsers } from './tree-sitter-parsers';

export interface IacImportTarget {
  readonly kind: 'bicep' | 'terraform';
  /** The Bicep or .bicepparam file, or the Terraform folder, that is read. */
  readonly source: string;
  /** Where the design goes by default: beside the Bicep file, or inside the Terraform folder. */
  readonly design: string;
}

/** What `iacPath` imports from: a Bicep or .bicepparam file, a Terraform folder, or a `.tf` file's folder. */
export function importTarget(iacPath: string, isDirectory = false): IacImportTarget | undefined {
  if (isDirectory) return { kind: 'terraform', source: iacPath, design: path.join(iacPath, `${path.basename(iacPath)}.ppvnet.json`) };
  if (isBicepParamFile(iacPath)) return { kind: 'bicep', source: iacPath, design: beside(iacPath, path.extname(iacPath)) };
  const kind = isIacFile(iacPath);
  if (kind === 'bicep') return { kind, source: iacPath, design: beside(iacPath, '.bicep') };
  if (kind === 'terraform') return importTarget(path.dirname(iacPath), true);
  return undefined;
}

function beside(file: string, ext: string): string {
  return path.join(path.dirname(file), `${path.basename(file, ext)}.ppvnet.json`);
}

export interface IacImport {
  readonly design: Design;
  /** What the reader could not follow or read: modules not on disk, loops it cannot expand, syntax errors. */
  readonly diagnostics: readonly IacDiagnostic[];
}

/** Reads the target (unsaved editor text preferred where `openText` has it) into a laid-out design. */
/** `root` bounds what module calls may read (the workspace folder, the CLI's working folder); see read-inside. */
export async function importIac(target: IacImportTarget, openText?: (absPath: string) => string | undefined, root?: string): Promise<IacImport> {
  const options = { parsers: await sharedParsers(), ...(openText ? { openText } : {}), ...(root ? { root } : {}) };
  const read = target.kind === 'bicep' ? await readBicepFile(target.source, options) : await readTerraformFolder(target.source, options);
  return { design: await layoutDesign(read.design), diagnostics: read.diagnostics };
}
