// Mocha runner loaded by VS Code's extension host as extensionTestsPath (code-server payload here, @vscode/test-electron elsewhere).
import Mocha from 'mocha';

// Suites are listed, not globbed: this file is bundled to out/test/exthost/index.js and the bundle has no test
// files next to it. The imports are dynamic so they run after the tdd globals exist. Add new suites here.
const SUITES: Array<() => Promise<unknown>> = [
  () => import('./suite/activation.test'),
  () => import('./suite/editor.test'),
  () => import('./suite/export.test'),
  () => import('./suite/azure.test'),
  () => import('./suite/iac.test'),
  () => import('./suite/workspace-checks.test'),
];

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // mocha.loadFiles() would emit these around each require(); the bundled suites need the same so that
  // the tdd globals (suite, test, setup, …) exist while their top-level code runs.
  const file = 'ppvnet-exthost-suites';
  mocha.suite.emit('pre-require', globalThis, file, mocha);
  for (const load of SUITES) mocha.suite.emit('require', await load(), file, mocha);
  mocha.suite.emit('post-require', globalThis, file, mocha);

  return new Promise((resolve, reject) => {
    console.log('EXTHOST_BEGIN');
    try {
      const runner = mocha.run((failures) => {
        const passes = runner.stats?.passes ?? 0;
        // e2e/exthost.test.mjs reads this line from the extension host's console.
        console.log(`EXTHOST_RESULT ${JSON.stringify({ passes, failures })}`);
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else if (passes === 0) reject(new Error('no extension-host tests ran'));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
