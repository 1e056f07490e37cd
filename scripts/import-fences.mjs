// The import fences as allow-lists: for each zone of the repository, the folders and packages it may import.
// ESLint applies them to every import (eslint.config.mjs); test/unit/architecture applies them to the whole graph.
import path from 'node:path';

/**
 * First matching zone wins. `folders` are repository-relative prefixes (a file path or a folder ending in /);
 * `packages` is a list of package names, or '*' for any package except those in `deniedPackages`.
 * A function of the file path gives folders that depend on where the file is (a feature's own folder).
 */
export const ZONES = [
  {
    name: 'src/core',
    test: (file) => file.startsWith('src/core/'),
    why: 'src/core runs in the extension host, the webview, the web worker and the CLI: it imports src/core, the samples and its three portable packages only',
    folders: () => ['src/core/', 'samples/', 'package.json'],
    packages: ['zod', 'jsonc-parser', 'web-tree-sitter'],
  },
  {
    name: 'webview',
    test: (file) => file.startsWith('webview/'),
    why: 'the webview talks to the host only through the protocol: it imports webview/, src/core, the icons in media/ and its UI packages only',
    folders: () => ['webview/', 'src/core/', 'media/'],
    packages: ['react', 'react-dom', 'reactflow', '@vscode/webview-ui-toolkit', 'zod', 'elkjs'],
  },
  {
    name: 'src/node',
    test: (file) => file.startsWith('src/node/'),
    why: 'the Node adapters serve the CLI and the Node extension host alike: they import src/core and src/node, never vscode or the CLI',
    folders: () => ['src/core/', 'src/node/'],
    packages: '*',
    deniedPackages: ['vscode'],
  },
  {
    name: 'src/cli',
    test: (file) => file.startsWith('src/cli/'),
    why: 'the CLI runs without VS Code: it imports src/core, src/node and src/cli, never vscode',
    folders: () => ['src/core/', 'src/node/', 'src/cli/', 'package.json'],
    packages: '*',
    deniedPackages: ['vscode'],
  },
  {
    name: 'src/vscode/shared',
    test: (file) => file.startsWith('src/vscode/shared/'),
    why: 'what the features share knows no feature: it imports src/core and src/vscode/shared only',
    folders: () => ['src/core/', 'src/vscode/shared/'],
    packages: '*',
  },
  {
    name: 'src/vscode/<feature>',
    test: (file) => /^src\/vscode\/[^/]+\//.test(file),
    why: 'a feature never imports a sibling feature (the activation wires them): it imports src/core, src/node, src/vscode/shared and its own folder',
    folders: (file) => ['src/core/', 'src/node/', 'src/vscode/shared/', `${file.split('/').slice(0, 3).join('/')}/`],
    packages: '*',
  },
  {
    name: 'src/vscode activation',
    test: (file) => file.startsWith('src/vscode/'),
    why: 'the activation wires the features: it imports src/core and src/vscode',
    folders: () => ['src/core/', 'src/vscode/'],
    packages: '*',
  },
  {
    name: 'extension entries',
    test: (file) => file.startsWith('src/'),
    why: 'an entry passes its host ports to the activation: it imports src/core, src/node and src/vscode',
    folders: () => ['src/core/', 'src/node/', 'src/vscode/'],
    packages: '*',
  },
];

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`, `node:fs` → `node:fs`. */
export function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Why `file` (repository-relative, forward slashes) may not import `specifier`, or undefined when it may.
 * Files outside every zone (tests, scripts) are not fenced.
 */
export function fenceViolation(file, specifier) {
  const zone = ZONES.find((z) => z.test(file));
  if (!zone) return undefined;
  if (specifier.startsWith('.')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    const ok = zone.folders(file).some((f) => (f.endsWith('/') ? target.startsWith(f) : target === f));
    return ok ? undefined : `${zone.name} may not import ${target}: ${zone.why}.`;
  }
  const name = packageOf(specifier);
  const ok = zone.packages === '*' ? !(zone.deniedPackages ?? []).includes(name) : zone.packages.includes(name);
  return ok ? undefined : `${zone.name} may not import the package '${name}': ${zone.why}.`;
}
