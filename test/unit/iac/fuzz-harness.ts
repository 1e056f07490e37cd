// Fuzzing the IaC readers: seeded mutations of the real fixtures (byte flips, truncation, deletion,
// duplication, splices of hostile tokens) and random token soup; each case is parsed, read and validated,
// and must neither throw nor take long nor produce an invalid design. Shared by the CI test and
// scripts/fuzz-iac.mjs (long runs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNameCharacterIssue, readBicep, readTerraform } from '../../../src/core/iac/read-iac';
import { designSchema } from '../../../src/core/model/schema';
import { validateDesign } from '../../../src/core/rules/engine';
import type { IacParsers } from '../../../src/node/iac/tree-sitter-parsers';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/iac');

export interface Seed {
  readonly language: 'bicep' | 'terraform';
  readonly name: string;
  readonly text: string;
}

export function seeds(): Seed[] {
  const out: Seed[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (name.endsWith('.tf') || name.endsWith('.bicep')) out.push({ language: name.endsWith('.tf') ? 'terraform' : 'bicep', name: path.relative(FIXTURES, abs), text: readFileSync(abs, 'utf8') });
    }
  };
  walk(FIXTURES);
  return out;
}

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = ['{', '}', '[', ']', '(', ')', '"', "'", '${', '%{', '\\', '\n', '=', ':', ',', '.', '[for x in y: x]', 'for', 'if', 'resource', 'module', 'each.key', 'count.index', 'var.x', 'local.y',
  'azurerm_subnet.a[0].id', 'vnet.id', 'null', 'true', '-1e309', '\u0000', '\u202e', '\ud800', '😀', 'é', '\u200b', '<<EOT\n', 'EOT', '/*', '*/', '//', '#', 'jsonencode(', 'cidrsubnet("10.0.0.0/8", 40, 1)'];

/** One mutated text for case `n` (deterministic). */
export function mutate(base: Seed[], n: number): Seed {
  const r = rng(n * 2654435761);
  const seed = base[Math.floor(r() * base.length)]!;
  let text = seed.text;
  const pos = () => Math.floor(r() * (text.length + 1));
  const steps = 1 + Math.floor(r() * 4);
  for (let i = 0; i < steps; i++) {
    const op = Math.floor(r() * 7);
    const a = pos();
    const b = Math.min(text.length, a + Math.floor(r() * 200));
    if (op === 0) text = text.slice(0, a) + String.fromCharCode(Math.floor(r() * 0x3000)) + text.slice(a + 1);
    else if (op === 1) text = text.slice(0, a);
    else if (op === 2) text = text.slice(0, a) + text.slice(b);
    else if (op === 3) text = text.slice(0, b) + text.slice(a, b) + text.slice(b);
    else if (op === 4) text = text.slice(0, a) + TOKENS[Math.floor(r() * TOKENS.length)] + text.slice(a);
    else if (op === 5) text = Array.from({ length: 1 + Math.floor(r() * 60) }, () => TOKENS[Math.floor(r() * TOKENS.length)]).join(' ');
    else text = text.slice(0, a) + text.slice(a, b).split('').reverse().join('') + text.slice(b);
  }
  return { language: seed.language, name: `${seed.name}#${n}`, text };
}

export interface CaseResult {
  readonly ms: number;
  readonly elements: number;
}

/** Parses, reads and validates one case; throws on any failure of the contract. */
export function runCase(parsers: IacParsers, c: Seed): CaseResult {
  const t0 = performance.now();
  const file = c.language === 'terraform' ? '/fuzz/main.tf' : '/fuzz/main.bicep';
  const tree = parsers.parse(c.language, file, c.text);
  const source = { path: file, text: c.text, tree };
  const read = c.language === 'terraform' ? readTerraform([source]) : readBicep(file, [source]);
  const parsed = designSchema.safeParse(read.design);
  // Names keep the characters a design file refuses (#12 case 13): reporters escape them instead.
  const refused = parsed.success ? undefined : parsed.error.issues.find((i) => !isNameCharacterIssue(i));
  if (refused) throw new Error(`invalid design for ${c.name}: ${refused.message} at ${refused.path.join('.')}`);
  validateDesign(read.design, { locate: read.locate });
  for (const e of read.design.elements) read.locate({ elementId: e.id });
  return { ms: performance.now() - t0, elements: read.design.elements.length };
}
