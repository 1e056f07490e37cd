// The Node side of the shared tree-sitter parsers (src/core/iac/iac-parsers): finds the wasm files next to the
// bundle (out/wasm) or in node_modules in tests, and keeps one set of parsers per process (host or CLI).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IacParsers, WASM_FILES, type WasmFile } from '../../core/iac/iac-parsers';

export { editBetween, IacParsers, PARSE_TIMEOUT_MS, type IacLanguage } from '../../core/iac/iac-parsers';

const MODULES: Readonly<Record<WasmFile, string>> = {
  runtime: 'web-tree-sitter/web-tree-sitter.wasm',
  bicep: 'tree-sitter-bicep/tree-sitter-bicep.wasm',
  terraform: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
};

function here(): string {
  return path.dirname(fileURLToPath(import.meta.url));
}

/** Finds a wasm file: next to the bundle (out/wasm), then in node_modules. */
export function locateWasm(which: WasmFile): string {
  const dir = here();
  const file = WASM_FILES[which];
  for (const candidate of [path.join(dir, 'wasm', file), path.join(dir, '..', 'wasm', file), path.join(dir, '..', '..', 'out', 'wasm', file)]) {
    if (existsSync(candidate)) return candidate;
  }
  return createRequire(import.meta.url).resolve(MODULES[which]);
}

let shared: Promise<IacParsers> | undefined;

/** The process-wide parsers (created on first use). */
export function sharedParsers(): Promise<IacParsers> {
  shared ??= IacParsers.create(async (which) => new Uint8Array(await readFile(locateWasm(which))));
  return shared;
}
