// `npm run bench`: runs every bench/*.bench.ts with tsx, one after the other (they measure time, so they
// must not compete for the CPU), and passes their tables through. Exit code: the first failing bench's.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
if (files.length === 0) {
  console.error(`no bench/*.bench.ts${only.length ? ` matching ${only.join(', ')}` : ''}`);
  process.exit(2);
}
const tsx = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
let status = 0;
for (const f of files) {
  console.log(`\n## ${f}\n`);
  const r = spawnSync(tsx, [path.join(benchDir, f)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0 && status === 0) status = r.status ?? 1;
}
process.exit(status);
