// Node-side reading of IaC inputs for the extension host and the CLI: the shared readers of
// src/core/iac/iac-inputs over the disk (node:fs) with native paths (node:path).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { READ_LIMITS } from '../../core/iac/read-limits';
import type { IacReadResult } from '../../core/iac/read-iac';
import * as inputs from '../../core/iac/iac-inputs';
import type { IacFileAccess } from '../../core/iac/iac-inputs';
import { readInside } from '../files/read-inside';
import type { IacParsers } from './tree-sitter-parsers';

export { isIacFile } from '../../core/iac/iac-inputs';

export interface ReadOptions {
  readonly parsers: IacParsers;
  /** Text of an open (possibly unsaved) document, by absolute path; disk is read otherwise. */
  readonly openText?: (absPath: string) => string | undefined;
  /** Files are read only inside this folder (see src/core/iac/iac-inputs). */
  readonly root?: string;
}

/** What an IaC reader opens: its sources, parameter files and terraform init's modules.json. */
const IAC_EXTENSIONS = ['.tf', '.tfvars', '.bicep', '.bicepparam', '.json'];

/** The disk, read with native paths through readInside: regular files inside the root only. */
export const diskFiles: IacFileAccess = {
  path,
  readText(file, root) {
    return readInside(root, file, { extensions: IAC_EXTENSIONS, maxBytes: READ_LIMITS.maxFileBytes });
  },
  async list(dir) {
    try {
      return (await readdir(dir, { withFileTypes: true })).map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
    } catch {
      return undefined;
    }
  },
};

/** The `.tf` files directly in a folder (Terraform reads one folder as one module). */
export function terraformFiles(dir: string): Promise<string[]> {
  return inputs.terraformFiles(dir, diskFiles);
}

/** Reads the Terraform module in `dir`; file paths in the result are absolute, '/'-separated. */
export function readTerraformFolder(dir: string, options: ReadOptions): Promise<IacReadResult> {
  return inputs.readTerraformFolder(dir, { ...options, files: diskFiles });
}

/** Reads a Bicep file and the local modules it calls (see src/core/iac/iac-inputs). */
export function readBicepFile(entry: string, options: ReadOptions): Promise<IacReadResult> {
  return inputs.readBicepFile(entry, { ...options, files: diskFiles });
}
