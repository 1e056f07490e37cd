// An ESLint rule that applies the allow-list import fences of import-fences.mjs to every import, export-from
// and dynamic import of a file, type-only ones included (a type import still couples the two zones).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fenceViolation } from './import-fences.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export const importFences = {
  rules: {
    'allowed-imports': {
      meta: { type: 'problem', docs: { description: 'imports stay inside the allow-list of the file\'s zone' }, schema: [] },
      create(context) {
        const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
        const check = (source) => {
          if (!source || typeof source.value !== 'string') return;
          const message = fenceViolation(file, source.value);
          if (message) context.report({ node: source, message });
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ImportExpression: (node) => (node.source.type === 'Literal' ? check(node.source) : undefined),
        };
      },
    },
  },
};
