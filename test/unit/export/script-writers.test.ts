// The PowerShell and bash escaping writers, and the link scripts built with them, against names made to break
// out of a string: the PowerShell literal is read back by a tokenizer that knows all five single-quote characters,
// and bash itself runs the generated assignments and prints what they hold.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../src/core/export/export-design';
import { psCommentText, psString } from '../../../src/core/export/scripts/powershell-writer';
import { shCommentText, shString } from '../../../src/core/export/scripts/shell-writer';
import { edited, loadSample, set, unchecked } from '../support/designs';
import { readPsLiteral } from './ps-literal';

const HOSTILE = [
  "x' + $(New-Item pwned) + '",
  'x\u2019 + $(New-Item pwned) + \u2019',
  'a\u2018b\u201Ac\u201Bd\u2019\u2019',
  "''''",
  '$env:PATH `n @(1) #> <#',
  'line\nbreak\r\u2028end',
];

describe('psString', () => {
  it.each(HOSTILE)('reads back as exactly the input and ends where it was written: %j', (name) => {
    const lit = psString(name);
    const read = readPsLiteral(`${lit} + 'tail'`, 0);
    expect(read.value).toBe(name);
    expect(read.end).toBe(lit.length);
  });
});

describe('comment text', () => {
  it('stays on one line in both languages and cannot close a block comment', () => {
    for (const name of HOSTILE) {
      expect(psCommentText(name)).not.toMatch(/[\n\r\u2028\u2029]|#>/);
      expect(shCommentText(name)).not.toMatch(/[\n\r\u2028\u2029]/);
    }
  });
});

describe('shString', () => {
  it.each([...HOSTILE, "it's", '$(reboot) `id` ${HOME} \\"'])('bash reads back exactly the input: %j', (name) => {
    const out = execFileSync('bash', ['-c', `v=${shString(name)}; printf %s "$v"`], { encoding: 'utf8' });
    expect(out).toBe(name);
  });
});

describe('link scripts with hostile environment and policy names', () => {
  // The ESC is refused in a design file, but an IaC reader can pass it on: the writers must hold either way.
  const design = unchecked(
    edited(loadSample('minimal'), set('policy', { name: "ep' $(touch /tmp/ppvnet-pwned) \u2019" })),
    'env-sandbox', { name: 'x\u2019 + $(New-Item pwned) + \u2019\u001b[31m' },
  );
  const files = exportDesign(design, 'bicep', { designFile: 'm.ppvnet.json' });
  const ps = files.find((f) => f.path === 'link-environments.ps1')!.content;
  const sh = files.find((f) => f.path === 'link-environments.sh')!.content;

  it('PowerShell: every literal holding a name reads back as the name, and no line has a control character', () => {
    const param = ps.match(/\[string\] \$\w+ = (?='ep)/)!;
    const at = param.index! + param[0].length;
    expect(readPsLiteral(ps, at).value).toBe("ep' $(touch /tmp/ppvnet-pwned) \u2019");
    const throwAt = ps.indexOf('throw ') + 'throw '.length;
    const message = readPsLiteral(ps, throwAt);
    expect(message.value).toContain('x\u2019 + $(New-Item pwned) + \u2019');
    expect(ps.slice(message.end).startsWith(' }')).toBe(true);
    // eslint-disable-next-line no-control-regex -- the assertion is about control characters
    expect(ps).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
  });

  it('bash: the assignments hold the names as data and the script parses', () => {
    execFileSync('bash', ['-n'], { input: sh });
    const assignments = sh.split('\n').filter((l) => /^[A-Z_]+=\$\{[A-Z_]+:-\}$|^\[ -n "\$[A-Z_]+" \] \|\| /.test(l));
    const policyVar = /\[ -n "\$([A-Z_]+)" \] \|\| \1='ep/.exec(sh)![1]!;
    const out = execFileSync('bash', ['-c', `set -u\n${assignments.join('\n')}\nprintf %s "$${policyVar}"`], { encoding: 'utf8' });
    expect(out).toBe("ep' $(touch /tmp/ppvnet-pwned) \u2019");
    expect(sh).not.toContain('\u001b');
  });
});
