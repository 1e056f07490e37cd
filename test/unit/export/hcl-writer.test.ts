// The HCL emitter's layout rules are those of `terraform fmt` (hclwrite): aligned `=` in runs of
// single-line attributes, runs broken by multi-line values, blocks, comments and blank lines.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attr, blank, block, comment, hclString, hobj, raw, renderHclFile } from '../../../src/core/export/terraform/hcl-writer';

const render = (...items: Parameters<typeof renderHclFile>[0]) => renderHclFile(items);

describe('HCL emitter layout', () => {
  it('aligns = across consecutive single-line attributes, one space past the longest name', () => {
    expect(render(block('resource', ['a', 'b'], [attr('name', 'x'), attr('resource_group_name', raw('var.rg')), attr('sku', 'Standard')]))).toBe(
      'resource "a" "b" {\n  name                = "x"\n  resource_group_name = var.rg\n  sku                 = "Standard"\n}\n',
    );
  });

  it('breaks the run at a blank line, a nested block and a comment', () => {
    const text = render(block('r', [], [
      attr('a', 1), attr('long_name', 2), blank, attr('b', 3), attr('cc', 4),
      block('inner', [], [attr('x', true)]), attr('dddd', 5), comment('why'), attr('e', 6),
    ]));
    expect(text).toBe([
      'r {',
      '  a         = 1',
      '  long_name = 2',
      '',
      '  b  = 3',
      '  cc = 4',
      '  inner {',
      '    x = true',
      '  }',
      '  dddd = 5',
      '  # why',
      '  e = 6',
      '}',
      '',
    ].join('\n'));
  });

  it('does not align a line that opens a multi-line value, and aligns inside the object separately', () => {
    const text = render(block('r', [], [
      attr('type', 't'),
      attr('body', hobj(['kind', 'K'], ['properties', hobj(['x', 1])], ['a_long_key', 2], ['b', 3])),
      attr('response_export_values', ['properties.systemId']),
    ]));
    expect(text).toBe([
      'r {',
      '  type = "t"',
      '  body = {',
      '    kind = "K"',
      '    properties = {',
      '      x = 1',
      '    }',
      '    a_long_key = 2',
      '    b          = 3',
      '  }',
      '  response_export_values = ["properties.systemId"]',
      '}',
      '',
    ].join('\n'));
  });

  it('writes tuples of objects one element per line with trailing commas', () => {
    const text = render(block('r', [], [attr('list', [hobj(['id', raw('x.id')]), hobj(['id', raw('y.id')])])]));
    expect(text).toBe('r {\n  list = [\n    {\n      id = x.id\n    },\n    {\n      id = y.id\n    },\n  ]\n}\n');
  });

  it('separates top-level blocks by one blank line and writes empty blocks as {}', () => {
    expect(render(block('provider', ['azapi'], []), block('data', ['x', 'y'], [attr('n', 1)]))).toBe('provider "azapi" {}\n\ndata "x" "y" {\n  n = 1\n}\n');
  });

  it('escapes strings so names never become template interpolations', () => {
    expect(hclString('a"b\\c${x}%{y}\n')).toBe('"a\\"b\\\\c$${x}%%{y}\\n"');
  });

  const terraform = (() => {
    try {
      execFileSync('terraform', ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!terraform)('is left unchanged by the real `terraform fmt` (runs when terraform is on PATH)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ppvnet-fmt-'));
    try {
      writeFileSync(path.join(dir, 'a.tf'), render(
        block('resource', ['azapi_resource', 'p'], [
          attr('type', 'T@v'), attr('schema_validation_enabled', false), blank,
          attr('body', hobj(['kind', 'K'], ['properties', hobj(['networkInjection', hobj(['virtualNetworks', [hobj(['id', raw('a.id')], ['subnet', hobj(['name', 's'])])]])])])),
          attr('depends_on', [raw('a.b')]),
        ]),
      ));
      execFileSync('terraform', ['fmt', '-check', '-diff', dir], { stdio: 'pipe' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
