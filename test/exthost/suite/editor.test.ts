// Extension-host suite: the designer session in the real VS Code. Webview edits become minimal document
// edits that VS Code's own undo/redo/save handle; external edits reach the session; broken documents are
// never written; design problems reach the Problems panel; diagrams are written only inside the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PpvnetExtensionApi } from '../../../src/extension';
import type { DesignerSession } from '../../../src/vscode/designer/designer-session';
import type { HostToWebview } from '../../../src/core/protocol/messages';
import { waitFor } from '../wait-for';

const EXTENSION_ID = 'ppvnet.ppvnet-designer';
const VIEW_TYPE = 'ppvnet.designer';


function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the tests need a workspace folder');
  return f.uri;
}

async function copyOfSeed(name: string): Promise<vscode.Uri> {
  const [seed] = await vscode.workspace.findFiles('seed.ppvnet.json', undefined, 1);
  assert.ok(seed, 'the test workspace must contain seed.ppvnet.json');
  const uri = vscode.Uri.joinPath(folder(), name);
  await vscode.workspace.fs.copy(seed, uri, { overwrite: true });
  return uri;
}

function changedLines(before: string, after: string): number {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, 'the edit added or removed lines');
  return a.filter((line, i) => line !== b[i]).length;
}

function lastOf<T extends HostToWebview['type']>(session: DesignerSession, type: T): Extract<HostToWebview, { type: T }> | undefined {
  return [...session.sent].reverse().find((m) => m.type === type) as Extract<HostToWebview, { type: T }> | undefined;
}

function elementName(session: DesignerSession, id: string): string | undefined {
  const state = session.state;
  return state?.ok ? state.design.elements.find((e) => e.id === id)?.name : undefined;
}

suite('designer editor', () => {
  let api: PpvnetExtensionApi;
  const created: vscode.Uri[] = [];

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<PpvnetExtensionApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    api = await ext.activate();
    assert.ok(api?.testing?.designer, 'activate() must return the designer test hook');
  });

  suiteTeardown(async () => {
    // Revert first: closing a dirty editor would block on a "save changes?" dialog.
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isDirty && created.some((u) => u.toString() === doc.uri.toString())) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  async function openInDesigner(uri: vscode.Uri): Promise<{ session: DesignerSession; doc: vscode.TextDocument }> {
    created.push(uri);
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
    const session = await waitFor(`a designer session for ${uri.path}`, () => api.testing.designer!.sessions(uri)[0]);
    await waitFor('the first analysis', () => session.state);
    return { session, doc: session.document };
  }

  async function edit(session: DesignerSession, requestId: number, baseVersion: number, e: unknown) {
    await session.receive({ type: 'edit', requestId, baseVersion, label: `test edit ${requestId}`, edit: e });
    return lastOf(session, 'editResult');
  }

  test('a designer edit is one minimal document change that VS Code undoes, redoes and saves', async () => {
    const uri = await copyOfSeed('editor-undo.ppvnet.json');
    const { session, doc } = await openInDesigner(uri);
    const original = doc.getText();
    assert.equal(elementName(session, 'kv'), 'kv-casemgmt');

    const result = await edit(session, 1, doc.version, { op: 'updateElement', id: 'kv', set: { name: 'kv-renamed' } });
    assert.deepEqual(result, { type: 'editResult', requestId: 1, ok: true });
    const edited = doc.getText();
    assert.equal(changedLines(original, edited), 1, 'a rename must change exactly one line');
    assert.match(edited, /"name": "kv-renamed"/);
    assert.equal(doc.isDirty, true);
    assert.equal(elementName(session, 'kv'), 'kv-renamed', 'the session state follows the edit');

    // VS Code's own undo stack: the workbench command, with the designer as the active editor.
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to restore the text', () => doc.getText() === original);
    await waitFor('the session to see the undo', () => elementName(session, 'kv') === 'kv-casemgmt');

    await vscode.commands.executeCommand('redo');
    await waitFor('redo to reapply the edit', () => doc.getText() === edited);

    // The same through the webview's command messages.
    await session.receive({ type: 'command', command: 'undo' });
    await waitFor('webview undo', () => doc.getText() === original);
    await session.receive({ type: 'command', command: 'redo' });
    await waitFor('webview redo', () => doc.getText() === edited);

    await session.receive({ type: 'command', command: 'save' });
    await waitFor('save to clear the dirty flag', () => !doc.isDirty);
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(onDisk, edited);
  });

  test('stale and invalid edits are refused without touching the document', async () => {
    const uri = await copyOfSeed('editor-refuse.ppvnet.json');
    const { session, doc } = await openInDesigner(uri);
    const before = doc.getText();
    const version = doc.version;

    const stale = await edit(session, 7, version - 1, { op: 'updateElement', id: 'kv', set: { name: 'stale' } });
    assert.equal(stale?.ok, false);
    assert.match(stale?.error ?? '', /changed meanwhile/);
    assert.equal(doc.getText(), before);

    const sentBefore = session.sent.length;
    await session.receive({ type: 'edit', requestId: 8, baseVersion: version, label: 'x', edit: { op: 'dropTables' } });
    await session.receive({ type: 'command', command: 'rm -rf' });
    await session.receive('not even an object');
    assert.equal(session.sent.length, sentBefore, 'invalid messages get no answer');
    assert.equal(doc.getText(), before);

    const breaking = await edit(session, 9, version, { op: 'updateElement', id: 'snet-pp-weu', set: { parent: 'env-prod' } });
    assert.equal(breaking?.ok, false);
    assert.equal(doc.getText(), before);
    assert.equal(doc.isDirty, false);
  });

  test('external edits reach the session; a broken document is refused edits, never modified, and shows its error', async () => {
    const uri = await copyOfSeed('editor-external.ppvnet.json');
    const { session, doc } = await openInDesigner(uri);

    const external = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('"kv-casemgmt"');
    external.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + '"kv-casemgmt"'.length)), '"kv-external"');
    assert.ok(await vscode.workspace.applyEdit(external));
    await waitFor('the session to load the external edit', () => elementName(session, 'kv') === 'kv-external');

    const breakIt = new vscode.WorkspaceEdit();
    breakIt.insert(uri, doc.positionAt(doc.getText().indexOf('"elements"')), '"oops": ,');
    assert.ok(await vscode.workspace.applyEdit(breakIt));
    await waitFor('the session to report the load error', () => session.state?.ok === false);
    const broken = doc.getText();

    const refused = await edit(session, 11, doc.version, { op: 'updateElement', id: 'kv', set: { name: 'write-anyway' } });
    assert.equal(refused?.ok, false);
    assert.match(refused?.error ?? '', /does not load/);
    assert.equal(doc.getText(), broken, 'a broken document must never be written');

    const diagnostics = await waitFor('a load-error diagnostic', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ppvnet' && d.code === 'load');
      return found.length > 0 && found;
    });
    assert.equal(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostics[0]!.range.start.line, doc.positionAt(broken.indexOf('"oops"')).line, 'the error points at the broken line');
  });

  test('rule findings appear in the Problems panel, positioned, with a link to the rule page', async () => {
    const uri = await copyOfSeed('editor-findings.ppvnet.json');
    created.push(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const fix = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('"10.10.1.0/24"');
    fix.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + '"10.10.1.0/24"'.length)), '"10.99.1.0/24"');
    assert.ok(await vscode.workspace.applyEdit(fix));
    const line = doc.positionAt(at).line;
    const onLine = await waitFor('a rule finding on the moved subnet prefix', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ppvnet' && d.range.start.line === line && typeof d.code === 'object');
      return found.length > 0 && found;
    });
    const code = onLine[0]!.code as { value: string; target: vscode.Uri };
    assert.match(String(code.value), /^(PPV|AZ)-\d+$/);
    assert.ok(code.target.path.endsWith(`/docs/rules/${code.value}.md`), `rule link ${code.target.toString()}`);

    // Putting the prefix back removes the finding (the same document, re-validated on change).
    const restore = new vscode.WorkspaceEdit();
    restore.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + '"10.99.1.0/24"'.length)), '"10.10.1.0/24"');
    assert.ok(await vscode.workspace.applyEdit(restore));
    await waitFor('the finding to go once the prefix is fixed', () => !vscode.languages.getDiagnostics(uri).some((d) => d.range.start.line === line && typeof d.code === 'object'));
    await doc.save();
  });

  test('a finding with a quick fix offers it as a code action that repairs the document in one edit', async () => {
    const uri = await copyOfSeed('editor-quickfix.ppvnet.json');
    created.push(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    const delegation = '"Microsoft.PowerPlatform/enterprisePolicies"';
    const at = original.indexOf(delegation);
    const wrong = new vscode.WorkspaceEdit();
    wrong.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + delegation.length)), '"Microsoft.Web/serverFarms"');
    assert.ok(await vscode.workspace.applyEdit(wrong));
    const diagnostic = await waitFor('PPV-008 on the wrongly delegated subnet', () =>
      vscode.languages.getDiagnostics(uri).find((d) => typeof d.code === 'object' && d.code.value === 'PPV-008'));
    assert.equal(diagnostic.range.start.line, doc.positionAt(at).line, 'the finding points at the delegations property');
    assert.ok((diagnostic.relatedInformation ?? []).length > 0, 'the injecting policy is related information');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /delegat/i.test(a.title) && a.edit);
    assert.ok(fix?.edit, `no quick fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(), original, 'the fix restores exactly the original delegation');
    await waitFor('the finding to go', () => !vscode.languages.getDiagnostics(uri).some((d) => typeof d.code === 'object' && d.code.value === 'PPV-008'));
    await doc.save();
  });

  test('the workspace rule configuration applies to open designs and is re-read when it changes', async () => {
    const uri = await copyOfSeed('editor-config.ppvnet.json');
    const { session } = await openInDesigner(uri);
    const has = (ruleId: string) => session.state?.ok === true && session.state.findings.some((f) => f.ruleId === ruleId);
    await waitFor('the seed finding PPV-026 (info)', () => has('PPV-026'));
    const config = vscode.Uri.joinPath(folder(), 'ppvnet.config.json');
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{\n  // comments are allowed\n  "rules": { "PPV-026": "off", "NOPE-1": "error" }\n}\n'));
      await waitFor('PPV-026 to be switched off', () => session.state?.ok === true && !has('PPV-026'), 30_000);
      const problems = await waitFor('the unknown rule id reported on the config file', () => {
        const found = vscode.languages.getDiagnostics(config).filter((d) => /Unknown rule id "NOPE-1"/.test(d.message));
        return found.length > 0 && found;
      });
      assert.equal(problems[0]!.range.start.line, 2);
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitFor('PPV-026 back once the configuration is gone', () => has('PPV-026'), 30_000);
  });

  test('the designer is sent the address plan of ppvnet.config.json after init, again when it changes, and not when it stays the same', async () => {
    const uri = await copyOfSeed('editor-address-plan.ppvnet.json');
    const { session } = await openInDesigner(uri);
    await session.whenReady(60_000);
    const plans = () => session.sent.filter((m): m is Extract<HostToWebview, { type: 'addressPlan' }> => m.type === 'addressPlan');
    const none = { type: 'addressPlan', problems: 0, pools: [], reserved: [], onPremises: [] };
    await waitFor('the empty plan after init', () => JSON.stringify(plans().at(-1)) === JSON.stringify(none));
    const config = vscode.Uri.joinPath(folder(), 'ppvnet.config.json');
    const plan = { addressPools: [{ name: 'corp', ranges: ['10.0.0.0/11', 'not-a-cidr'] }], reservedRanges: ['10.0.0.0/16'] };
    const write = (value: unknown) => vscode.workspace.fs.writeFile(config, new TextEncoder().encode(JSON.stringify(value, null, 2)));
    try {
      await write(plan);
      // What is valid of the file, and its one problem (the bad range), so the map can say the plan is incomplete.
      const expected = { type: 'addressPlan', configFile: 'ppvnet.config.json', problems: 1, pools: [{ name: 'corp', ranges: ['10.0.0.0/11'] }], reserved: ['10.0.0.0/16'], onPremises: [] };
      await waitFor('the configured plan', () => JSON.stringify(plans().at(-1)) === JSON.stringify(expected), 30_000);
      const count = plans().length;
      // A change to the rules alone re-validates the design but leaves the plan as it was: no second plan is posted.
      const has = (ruleId: string) => session.state?.ok === true && session.state.findings.some((f) => f.ruleId === ruleId);
      await write({ ...plan, rules: { 'PPV-026': 'off' } });
      await waitFor('PPV-026 to be switched off', () => session.state?.ok === true && !has('PPV-026'), 30_000);
      await new Promise((r) => setTimeout(r, 1_000));
      assert.equal(plans().length, count, 'an unchanged plan was posted again');
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitFor('the empty plan once the file is gone', () => JSON.stringify(plans().at(-1)) === JSON.stringify(none), 30_000);
  });

  test('openRuleDoc opens the rule page in the Markdown preview and ignores anything that is not a rule id', async () => {
    const uri = await copyOfSeed('editor-ruledoc.ppvnet.json');
    const { session } = await openInDesigner(uri);
    const previews = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType));
    const before = previews().length;
    await session.receive({ type: 'command', command: 'openRuleDoc', argument: '../../package' });
    await session.receive({ type: 'command', command: 'openRuleDoc', argument: 'PPV-026' });
    const tab = await waitFor('a Markdown preview of PPV-026', () => previews().find((t) => /PPV-026/.test(t.label)));
    assert.equal(previews().length, before + 1, 'only the real rule id opened a page');
    await vscode.window.tabGroups.close(tab);
  });

  test('Export Diagram as SVG writes the picture inside the workspace only', async () => {
    const uri = await copyOfSeed('editor-diagram.ppvnet.json');
    created.push(uri);
    const out = vscode.Uri.joinPath(folder(), 'editor-diagram.svg');
    created.push(out);
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('ppvnet.exportDiagramSvg', uri, { outFile: out });
    assert.equal(written?.toString(), out.toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(out));
    assert.match(svg, /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /data-id="snet-pp-weu"/);

    const outside = vscode.Uri.joinPath(folder(), '..', `outside-${Date.now()}.svg`);
    const refused = await vscode.commands.executeCommand<vscode.Uri | undefined>('ppvnet.exportDiagramSvg', uri, { outFile: outside });
    assert.equal(refused, undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(outside)), 'nothing may be written outside the workspace');
  });

  test('New Design creates the file from a template, opens the designer, and never overwrites', async () => {
    const name = `editor-new-${Date.now()}`;
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('ppvnet.newDesign', { template: 'minimal', name, folder: folder() });
    assert.ok(uri, 'newDesign returned no file');
    created.push(uri);
    assert.ok(uri.path.endsWith(`/${name}.ppvnet.json`));
    const session = await waitFor('the new design in the designer', () => api.testing.designer!.sessions(uri)[0]);
    await waitFor('the new design to load', () => session.state?.ok === true);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, new RegExp(`"name": "${name}"`));

    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text + ' '));
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('ppvnet.newDesign', { template: 'seed', name, folder: folder() });
    assert.equal(again, undefined, 'an existing design must not be replaced');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), text + ' ');
  });

  test('Open as Text and Open in Designer switch editors for the same file', async () => {
    const uri = await copyOfSeed('editor-switch.ppvnet.json');
    await openInDesigner(uri);
    await vscode.commands.executeCommand('ppvnet.openAsText', uri);
    await waitFor('a text editor on the design', () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString());
    await vscode.commands.executeCommand('ppvnet.openInDesigner');
    await waitFor('the designer tab again', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputCustom && input.viewType === VIEW_TYPE && input.uri.toString() === uri.toString();
    });
  });
});
