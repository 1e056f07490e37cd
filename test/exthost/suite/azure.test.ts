// Extension-host suite: Import from Azure and Compare with Azure in the real VS Code, against the loopback
// ARM server (real SDK, real HTTPS), with the test-only token source PPVNET_TEST_ARM_* in this process's env.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { loadDesign } from '../../../src/core/model/load-design';
import type { CompareResult } from '../../../src/vscode/azure/compare-command';
import { driftedFixture, FIXTURE_SUBSCRIPTION, RESTRICTED_GROUP, seedFixture } from '../../support/arm-fixtures';
import { startArmServer, type ArmFixture, type ArmServer } from '../../support/arm-server';
import { waitFor } from '../wait-for';

const EXTENSION_ID = 'ppvnet.ppvnet-designer';
const VIEW_TYPE = 'ppvnet.designer';
const ENV_KEYS = ['PPVNET_TEST_ARM_TOKEN', 'PPVNET_TEST_ARM_ENDPOINT', 'PPVNET_TEST_ARM_CA'] as const;

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the tests need a workspace folder');
  return f.uri;
}


suite('azure', () => {
  const saved: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>> = {};
  let server: ArmServer | undefined;
  let token = '';

  async function serve(fixture: ArmFixture): Promise<ArmServer> {
    await server?.close();
    token = `exthost-${randomBytes(16).toString('hex')}`;
    server = await startArmServer({
      fixture, token, lifetimeMs: 120_000,
      faults: [{ pathIncludes: `/resourcegroups/${RESTRICTED_GROUP}`, status: 403, times: 1000 }],
    });
    process.env.PPVNET_TEST_ARM_TOKEN = token;
    process.env.PPVNET_TEST_ARM_ENDPOINT = server.endpoint;
    process.env.PPVNET_TEST_ARM_CA = server.ca;
    return server;
  }

  suiteSetup(async () => {
    for (const k of ENV_KEYS) saved[k] = process.env[k];
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    await ext.activate();
  });

  suiteTeardown(async () => {
    await server?.close();
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Import from Azure writes the design and opens it in the designer, with GETs only', async () => {
    const s = await serve(seedFixture());
    const target = vscode.Uri.joinPath(folder(), 'imported-azure.ppvnet.json');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('ppvnet.importFromAzure', {
      scopes: [{ subscriptionId: FIXTURE_SUBSCRIPTION }], target, name: 'Imported in VS Code',
    });
    assert.equal(uri?.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const loaded = loadDesign(text);
    assert.ok(loaded.ok, 'the imported file loads');
    assert.equal(loaded.design.name, 'Imported in VS Code');
    assert.deepEqual(
      loaded.design.elements.filter((e) => e.kind === 'vnet').map((e) => e.name).sort(),
      ['vnet-pp-neu', 'vnet-pp-weu'],
    );
    // test/fixtures/arm/seed-subscription.json: the seed's network (its data gateway subnet included) and monitoring.
    assert.equal(loaded.design.elements.length, 24);
    assert.ok(!text.includes(token), 'the design file must not contain the token');
    const tab = await waitFor('the imported design in the designer', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputCustom && input.uri.toString() === target.toString() ? input : undefined;
    });
    assert.equal(tab.viewType, VIEW_TYPE);
    assert.ok(s.requests.length > 20);
    assert.deepEqual([...new Set(s.requests.map((r) => r.method))], ['GET']);
    assert.ok(s.requests.some((r) => r.status === 403), 'the restricted group was asked for and refused');
  });

  test('Compare with Azure puts the planted drift on the design file as ppvnet-drift diagnostics', async () => {
    const s = await serve(driftedFixture());
    const [seed] = await vscode.workspace.findFiles('seed.ppvnet.json', undefined, 1);
    assert.ok(seed, 'the test workspace must contain seed.ppvnet.json');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(seed));
    const result = await vscode.commands.executeCommand<CompareResult | undefined>('ppvnet.compareWithAzure', {
      uri: seed, quiet: true,
      scopes: [{ subscriptionId: FIXTURE_SUBSCRIPTION, resourceGroups: ['rg-casemgmt-network', 'rg-casemgmt-policy', 'rg-casemgmt-app'] }],
    });
    assert.ok(result, 'the comparison ran');
    assert.deepEqual(result.drift.map((d) => `${d.kind}:${d.elementId ?? d.relationId}`), [
      'missing:peer-neu-weu', 'changed:peer-weu-neu', 'changed:snet-pe-weu', 'changed:snet-pp-neu', 'extra:snet-extra',
    ]);
    const diagnostics = vscode.languages.getDiagnostics(seed).filter((d) => d.source === 'ppvnet-drift');
    assert.equal(diagnostics.length, 5);
    assert.ok(diagnostics.every((d) => d.code === 'DRIFT'));
    const prefix = diagnostics.find((d) => d.message.includes('10.10.3.0/24'));
    assert.ok(prefix, 'the changed prefix is reported');
    const doc = await vscode.workspace.openTextDocument(seed);
    assert.match(doc.getText(prefix.range), /10\.10\.2\.0\/24/, 'the prefix diagnostic sits on the design\'s addressPrefix value');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(seed)), before, 'comparing never changes the design');
    assert.deepEqual([...new Set(s.requests.map((r) => r.method))], ['GET']);
  });
});
