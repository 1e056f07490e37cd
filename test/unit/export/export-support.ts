// Shared by the export tests: the designs every exporter test runs over (the templates and the fixtures),
// and where the real Bicep CLI lives (BICEP_PATH, else the tool cache written by scripts/setup-tools.sh).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDesign } from '../../../src/core/model/load-design';
import type { Design } from '../../../src/core/model/schema';

export const ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/designs');

export interface NamedDesign {
  readonly name: string;
  readonly file: string;
  readonly design: Design;
}

/**
 * Every fixture design, by name. The seed and minimal fixtures are the shipped templates (a test asserts
 * that), so the templates are covered without compiling them twice.
 */
export function exportDesigns(): NamedDesign[] {
  const out: NamedDesign[] = [];
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.ppvnet.json')).sort()) {
    const r = loadDesign(readFileSync(path.join(FIXTURES, f), 'utf8'));
    if (!r.ok) throw new Error(`fixture ${f} does not load: ${r.errors.map((e) => e.message).join('; ')}`);
    out.push({ name: `fixture ${f}`, file: f, design: r.design });
  }
  return out;
}

export interface BicepTool {
  readonly path: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The Bicep CLI, from BICEP_PATH or ${PPVNET_CACHE:-~/.cache/ppvnet}/env.sh. Throws with instructions when
 * it is missing: the export tests must not pass without having compiled the templates.
 */
export function findBicep(): BicepTool {
  const env: NodeJS.ProcessEnv = { ...process.env };
  let bicep = process.env.BICEP_PATH;
  const cache = process.env.PPVNET_CACHE ?? path.join(os.homedir(), '.cache/ppvnet');
  const envFile = path.join(cache, 'env.sh');
  if (existsSync(envFile)) {
    const text = readFileSync(envFile, 'utf8');
    bicep ??= /^export BICEP_PATH='([^']+)'/m.exec(text)?.[1];
    // .NET aborts at start-up without libicu; setup-tools.sh records whether this machine needs invariant mode.
    if (/^export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1/m.test(text)) env.DOTNET_SYSTEM_GLOBALIZATION_INVARIANT = '1';
  }
  if (!bicep || !existsSync(bicep)) {
    throw new Error(
      `The Bicep CLI was not found (BICEP_PATH=${process.env.BICEP_PATH ?? 'unset'}, ${envFile} ${existsSync(envFile) ? 'has no usable BICEP_PATH' : 'missing'}).\n` +
      'Run `bash scripts/setup-tools.sh` (restores Azure.Bicep.CommandLine.linux-x64 from NuGet into the tool cache), or set BICEP_PATH to a bicep executable.',
    );
  }
  return { path: bicep, env };
}
