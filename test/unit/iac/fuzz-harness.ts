// Fuzzing the IaC readers: seeded mutations of the real fixtures (byte flips, truncation, deletion,
// duplication, splices of hostile tokens, JavaScript built-in names, NUL bytes) and random token soup; every
// 20th case is written to a folder whose module calls point at FIFOs, devices and hostile links. Each case is
// parsed, read and validated, and must neither throw nor take long nor produce an invalid design. Shared by
// the CI test and scripts/fuzz-iac.mjs (long runs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNameCharacterIssue, readBicep, readTerraform, type IacReadResult } from '../../../src/core/iac/read-iac';
import { designSchema } from '../../../src/core/model/schema';
import { validateDesign } from '../../../src/core/rules/engine';
import { readBicepFile, readTerraformFolder } from '../../../src/node/iac/iac-files';
import type { IacParsers } from '../../../src/node/iac/tree-sitter-parsers';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/iac');

export interface Seed {
  readonly language: 'bicep' | 'terraform';
  readonly name: string;
  readonly text: string;
  /** Set for a disk case: what the module calls appended to the text point at. */
  readonly special?: SpecialFile;
}

/** What a disk case's module (file or folder) is. */
export const SPECIAL_FILES = ['fifo', 'dev-zero', 'dev-urandom', 'dev-stdin', 'dangling', 'outside', 'inside-link', 'link-loop', 'fifo-folder-file'] as const;
export type SpecialFile = (typeof SPECIAL_FILES)[number];

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
  'azurerm_subnet.a[0].id', 'vnet.id', 'null', 'true', '-1e309', '\u0000', '\u202e', '\ud800', '😀', 'é', '\u200b', '<<EOT\n', 'EOT', '/*', '*/', '//', '#', 'jsonencode(', 'cidrsubnet("10.0.0.0/8", 40, 1)',
  '__proto__(1)', 'constructor("x")', 'toString()', '__defineSetter__("a", 1)', 'hasOwnProperty("x")', 'valueOf(', '{ __proto__ = 1 }', "{ constructor: 'x' }", 'local.__proto__', 'var.constructor',
  'each.value.__proto__', 'x.prototype', 'lookup({}, "__proto__", 1)', 'merge({ __proto__ = {} }, {})', 'union({ constructor: 1 }, {})', 'resource "__proto__" "constructor" {}',
  "resource toString 'constructor@2020-01-01' = { name: '__proto__' }", 'module "__proto__" { source = "./__proto__" }', "module constructor './toString.bicep' = { name: 'x' }"];

/** Names an input may give a function, key or resource that index a JavaScript object by mistake. */
const BUILT_IN_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineSetter__', '__lookupGetter__', 'prototype', 'isPrototypeOf'];

/** One mutated text for case `n` (deterministic); every 20th case is a disk case with a special module. */
export function mutate(base: Seed[], n: number): Seed {
  const r = rng(n * 2654435761);
  const seed = base[Math.floor(r() * base.length)]!;
  let text = seed.text;
  const pos = () => Math.floor(r() * (text.length + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const steps = 1 + Math.floor(r() * 4);
  for (let i = 0; i < steps; i++) {
    const op = Math.floor(r() * 9);
    const a = pos();
    const b = Math.min(text.length, a + Math.floor(r() * 200));
    if (op === 0) text = text.slice(0, a) + String.fromCharCode(Math.floor(r() * 0x3000)) + text.slice(a + 1);
    else if (op === 1) text = text.slice(0, a);
    else if (op === 2) text = text.slice(0, a) + text.slice(b);
    else if (op === 3) text = text.slice(0, b) + text.slice(a, b) + text.slice(b);
    else if (op === 4) text = text.slice(0, a) + pick(TOKENS) + text.slice(a);
    else if (op === 5) text = Array.from({ length: 1 + Math.floor(r() * 60) }, () => pick(TOKENS)).join(' ');
    else if (op === 6) text = renameWords(text, r, pick(BUILT_IN_NAMES));
    else if (op === 7) text = text.slice(0, a) + '\0'.repeat(1 + Math.floor(r() * 3)) + text.slice(a);
    else text = text.slice(0, a) + text.slice(a, b).split('').reverse().join('') + text.slice(b);
  }
  const special = n % 20 === 0 ? pick(SPECIAL_FILES) : undefined;
  return { language: seed.language, name: `${seed.name}#${n}`, text, ...(special ? { special } : {}) };
}

/** Replaces some identifiers (function names, keys, resource labels, symbols) with one built-in name. */
function renameWords(text: string, r: () => number, name: string): string {
  return text.replace(/\b[A-Za-z_][A-Za-z0-9_]*\b/g, (w) => (r() < 0.08 ? name : w));
}

export interface CaseResult {
  readonly ms: number;
  readonly elements: number;
}

/** Parses, reads and validates one in-memory case; throws on any failure of the contract. */
export function runCase(parsers: IacParsers, c: Seed): CaseResult {
  const t0 = performance.now();
  const file = c.language === 'terraform' ? '/fuzz/main.tf' : '/fuzz/main.bicep';
  const tree = parsers.parse(c.language, file, c.text);
  const source = { path: file, text: c.text, tree };
  const read = c.language === 'terraform' ? readTerraform([source]) : readBicep(file, [source]);
  check(c, read);
  return { ms: performance.now() - t0, elements: read.design.elements.length };
}

/** Any case: a disk case is written under `scratch` (emptied first) and read from there, others in memory. */
export async function runAnyCase(parsers: IacParsers, c: Seed, scratch: string): Promise<CaseResult> {
  if (!c.special) return runCase(parsers, c);
  const t0 = performance.now();
  const ws = plantDiskCase(c, scratch);
  const read = c.language === 'terraform'
    ? await readTerraformFolder(ws, { parsers, root: ws })
    : await readBicepFile(path.join(ws, 'main.bicep'), { parsers, root: ws });
  check(c, read);
  return { ms: performance.now() - t0, elements: read.design.elements.length };
}

/**
 * Writes the case's text as main.tf / main.bicep, a module call pointing at the special file appended, into
 * `scratch/ws` (the same paths every time, so the parsers' per-file cache does not grow over a long run).
 */
function plantDiskCase(c: Seed, scratch: string): string {
  rmSync(scratch, { recursive: true, force: true });
  const ws = path.join(scratch, 'ws');
  const mod = path.join(ws, 'mod');
  mkdirSync(mod, { recursive: true });
  writeFileSync(path.join(scratch, 'outside.tf'), 'resource "azurerm_virtual_network" "o" {\n  name = "o"\n}\n');
  writeFileSync(path.join(scratch, 'outside.bicep'), "resource o 'Microsoft.Network/virtualNetworks@2025-05-01' = { name: 'o' }\n");
  const ext = c.language === 'terraform' ? 'tf' : 'bicep';
  const target = path.join(mod, `main.${ext}`);
  const link = (to: string) => symlinkSync(to, target);
  switch (c.special!) {
    case 'fifo': execFileSync('mkfifo', [target]); break;
    case 'dev-zero': link('/dev/zero'); break;
    case 'dev-urandom': link('/dev/urandom'); break;
    case 'dev-stdin': link('/dev/stdin'); break;
    case 'dangling': link(path.join(mod, 'gone')); break;
    case 'outside': link(path.join(scratch, `outside.${ext}`)); break;
    case 'inside-link': writeFileSync(path.join(ws, `real.${ext}`), c.text); link(path.join(ws, `real.${ext}`)); break;
    case 'link-loop': symlinkSync(target, path.join(mod, 'loop')); link(path.join(mod, 'loop')); break;
    case 'fifo-folder-file': execFileSync('mkfifo', [path.join(ws, `fifo.${ext}`)]); writeFileSync(target, c.text); break;
  }
  const call = c.language === 'terraform'
    ? '\nmodule "special" {\n  source = "./mod"\n}\nmodule "stdin" {\n  source = "../../../../../../dev"\n}\n'
    : "\nmodule special './mod/main.bicep' = { name: 'special' }\nmodule stdin '/dev/stdin' = { name: 'stdin' }\n";
  writeFileSync(path.join(ws, `main.${ext}`), c.text + call);
  return ws;
}

function check(c: Seed, read: IacReadResult): void {
  const parsed = designSchema.safeParse(read.design);
  // Names keep the characters a design file refuses (#12 case 13): reporters escape them instead.
  const refused = parsed.success ? undefined : parsed.error.issues.find((i) => !isNameCharacterIssue(i));
  if (refused) throw new Error(`invalid design for ${c.name}: ${refused.message} at ${refused.path.join('.')}`);
  validateDesign(read.design, { locate: read.locate });
  for (const e of read.design.elements) read.locate({ elementId: e.id });
}
