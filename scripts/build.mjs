// Builds every bundle with esbuild: extension host (node), web extension host (browser worker), CLI (node),
// webview app and layout worker (browser), the in-host mocha suite; then generates the contributed JSON Schema
// and copies parser wasm.
import * as esbuild from 'esbuild';
import { accessSync, copyFileSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.env.NODE_ENV === 'production' || process.argv.includes('--production');
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const out = path.join(root, 'out');
mkdirSync(path.join(out, 'wasm'), { recursive: true });

// web-tree-sitter's CJS build reads import.meta.url; give it the bundle's own file URL.
const importMetaShim = { banner: { js: "const importMetaUrl=require('url').pathToFileURL(__filename).href;" }, define: { 'import.meta.url': 'importMetaUrl' } };

// zod re-exports its ~40 message locales on its namespace object, so no bundler can drop them: 264 kB in each
// of the four bundles that use zod, which kept the VSIX over 3 MB. Only English (zod's default) is ever used.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.c?js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`) ? { path: path.join(root, 'scripts', 'zod-english-locale.mjs') } : undefined);
  },
};
// Code only some commands need stays out of the extension's bundle and is required on first use: V8 compiles
// the whole bundle file when the extension host loads it (about two thirds of its load time), so each megabyte
// left in it delays every activation. The source imports these modules with import(); in out/extension.js the
// import requires the side bundle next to it (built below and listed in .vscodeignore).
const sideBundles = [
  // Azure import/compare: @azure/arm-network and arm-resources, 1.3 MB minified.
  { entry: 'src/node/azure/arm-sdk.ts', out: 'azure-sdk.js' },
  // Auto-layout of an imported design: elk, 1.5 MB.
  { entry: 'node_modules/elkjs/lib/elk.bundled.js', out: 'elk.js' },
];
// Each import() of a side bundle's source resolves to a small module of the bundle's own whose require() of the side
// bundle esbuild leaves as it is: VS Code's extension host serves that require like the bundle itself, and the
// module is evaluated (the side bundle required) only when the import() runs. A plain external import() would
// go through Node's ESM loader, and esbuild's `dynamic-import: false` would rewrite the import("module") of
// web-tree-sitter into a require() its own `var require` shadows.
const loadSideBundlesOnUse = {
  name: 'load-side-bundles-on-use',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const resolved = args.path.startsWith('.') ? path.resolve(args.resolveDir, args.path) : createRequire(args.importer).resolve(args.path);
      const side = sideBundles.find((b) => [resolved, `${resolved}.ts`].includes(path.join(root, b.entry)));
      return side ? { path: side.out, namespace: 'side-bundle' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'side-bundle' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(`./${args.path}`)});`, loader: 'js' }));
    build.onResolve({ filter: /.*/, namespace: 'side-bundle' }, (args) => ({ path: args.path, external: true }));
  },
};
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', absWorkingDir: root, plugins: [zodEnglishOnly] };
// jsonc-parser's `main` is a UMD build whose require() calls esbuild cannot follow (the bundle then fails
// at load with "Cannot find module './impl/format'"); its ESM build bundles cleanly.
const nodeAlias = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', alias: nodeAlias, ...importMetaShim };
// The web extension host is a web worker: no Node built-ins. esbuild's browser platform already refuses to
// resolve one (unless a package's own `browser` field maps it away, as web-tree-sitter does for fs); the
// plugin makes the message say which import of ours pulled it in, and also refuses src/node/ (the Node adapters),
// whose modules need Node even where they import no built-in themselves.
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    const names = new Set(builtinModules);
    const nodeAdapters = path.join(root, 'src', 'node') + path.sep;
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.path.startsWith('.') && path.resolve(args.resolveDir, args.path).startsWith(nodeAdapters)) {
        return { errors: [{ text: `the web extension must not import the Node adapter "${args.path}" (imported by ${path.relative(root, args.importer)})` }] };
      }
      const bare = args.path.replace(/^node:/, '');
      if (!args.path.startsWith('node:') && !names.has(bare)) return undefined;
      if (args.importer.includes(`${path.sep}node_modules${path.sep}`) && !args.path.startsWith('node:')) return undefined;
      return { errors: [{ text: `the web extension must not import the Node built-in "${args.path}" (imported by ${path.relative(root, args.importer)})` }] };
    });
  },
};
// web-tree-sitter's ESM build reads import.meta.url only to find its wasm, which the web host hands over as bytes.
const webImportMeta = { banner: { js: "const importMetaUrl=typeof location==='undefined'?'':location.href;" }, define: { 'import.meta.url': 'importMetaUrl' } };
const web = { ...common, platform: 'browser', format: 'cjs', target: 'es2022', mainFields: ['browser', 'module', 'main'], alias: nodeAlias, plugins: [zodEnglishOnly, noNodeBuiltins], ...webImportMeta };
const browser = { ...common, platform: 'browser', format: 'iife', target: 'es2022', define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' } };

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'out/extension.js', external: ['vscode'], plugins: [...node.plugins, loadSideBundlesOnUse] },
  ...sideBundles.map((b) => ({ ...node, entryPoints: [b.entry], outfile: `out/${b.out}` })),
  { ...web, entryPoints: ['src/extension-web.ts'], outfile: 'out/web/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'out/cli.js', banner: { js: '#!/usr/bin/env node\n' + importMetaShim.banner.js }, external: ['performance'] },
  // mocha resolves its parallel-mode workers by path; the in-host suite never runs in parallel mode.
  { ...node, entryPoints: ['test/exthost/index.ts'], outfile: 'out/test/exthost/index.js', external: ['vscode'], logOverride: { 'require-resolve-not-external': 'silent' } },
  { ...browser, entryPoints: { main: 'webview/main.tsx' }, outdir: 'out/webview', loader: { '.svg': 'text' } },
  { ...browser, entryPoints: { 'layout-worker': 'webview/layout/layout-worker.ts' }, outdir: 'out/webview' },
];

function copyWasm() {
  const nm = path.join(root, 'node_modules');
  const files = {
    'web-tree-sitter.wasm': path.join(nm, 'web-tree-sitter/web-tree-sitter.wasm'),
    'tree-sitter-bicep.wasm': path.join(nm, 'tree-sitter-bicep/tree-sitter-bicep.wasm'),
    'tree-sitter-terraform.wasm': path.join(nm, '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'),
  };
  for (const [name, from] of Object.entries(files)) copyFileSync(from, path.join(out, 'wasm', name));
}

function generateSchema() {
  const schema = execFileSync(process.execPath, [path.join(out, 'cli.js'), 'schema'], { encoding: 'utf8' });
  writeFileSync(path.join(out, 'ppvnet.schema.json'), schema);
}

const present = (b) => {
  const entries = Array.isArray(b.entryPoints) ? b.entryPoints : Object.values(b.entryPoints);
  return entries.every((e) => { try { accessSync(path.join(root, e)); return true; } catch { return false; } });
};

if (watch) {
  for (const b of builds.filter(present)) (await esbuild.context(b)).watch();
  console.log('watching…');
} else {
  const t0 = Date.now();
  await Promise.all(builds.filter(present).map((b) => esbuild.build(b)));
  chmodSync(path.join(out, 'cli.js'), 0o755);
  copyWasm();
  generateSchema();
  console.log(`built in ${Date.now() - t0} ms`);
}
