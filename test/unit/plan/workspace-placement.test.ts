import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../../src/core/model/load-design';
import { serializeDesign } from '../../../src/core/model/serialize-design';
import type { Design } from '../../../src/core/model/schema';
import { tryCidr } from '../../../src/core/net/cidr';
import { checkWorkspace } from '../../../src/core/plan/workspace-checks';
import { placeWorkspaceFindings, type WorkspaceLocate } from '../../../src/core/plan/workspace-placement';
import { designLocator } from '../../../src/core/rules/design-locator';
import { edited, loadSample, set } from '../support/designs';

const seed = loadSample('seed');
const overlapping = edited(loadSample('minimal'), set('vnet-brs', { addressSpaces: ['10.10.0.0/20'] }), set('snet-pp', { addressPrefix: '10.10.1.0/26' }));

/** Locates refs in the designs' serialized text, as the editor does in the files it read. */
function locatorOf(files: Record<string, Design>): WorkspaceLocate {
  const locators = new Map(Object.entries(files).map(([file, design]) => {
    const load = loadDesign(serializeDesign(design));
    if (!load.ok) throw new Error(`${file} does not load`);
    return [file, designLocator(load.index, file)];
  }));
  return (ref) => locators.get(ref.file)?.(ref);
}

describe('placeWorkspaceFindings', () => {
  it('shows an overlap on both files, each pointing at the VNet in the other', () => {
    const files = { 'a/a.ppvnet.json': seed, 'b/b.ppvnet.json': overlapping };
    const findings = checkWorkspace(Object.entries(files).map(([file, design]) => ({ file, design })));
    const placed = placeWorkspaceFindings(findings, locatorOf(files));
    expect([...placed.keys()].sort()).toEqual(['a/a.ppvnet.json', 'b/b.ppvnet.json']);
    const onB = placed.get('b/b.ppvnet.json')![0]!;
    const onA = placed.get('a/a.ppvnet.json')![0]!;
    expect(onB.message).toMatch(/in b\/b\.ppvnet\.json overlaps VNet "vnet-pp-weu" \(10\.10\.0\.0\/16\) in a\/a\.ppvnet\.json/);
    expect(onA.message).toBe(onB.message);
    expect(onB.related.map((r) => r.location)).toEqual([onA.location]);
    expect(onA.related).toEqual([{ location: onB.location, message: 'The other VNet, in b/b.ppvnet.json.' }]);
    // Each entry sits on the VNet's address spaces in its own file, not at the top.
    expect(onA.location.range.start.line).toBeGreaterThan(0);
    expect(onB.location.range.start.line).toBeGreaterThan(0);
  });

  it('keeps a finding about one file on that file alone', () => {
    const files = { 'a.ppvnet.json': seed };
    const plan = { pools: [{ name: 'europe', ranges: [tryCidr('10.0.0.0/12')!] }], reserved: [], onPremises: [] };
    const placed = placeWorkspaceFindings(checkWorkspace([{ file: 'a.ppvnet.json', design: seed, plan }]), locatorOf(files));
    expect([...placed.keys()]).toEqual(['a.ppvnet.json']);
    expect(placed.get('a.ppvnet.json')!.map((p) => [p.message.includes('outside every address pool'), p.related])).toEqual([[true, []]]);
  });

  it('mirrors an overlap with the other design\'s level, and not into a design that switched PPV-WORKSPACE off', () => {
    const files = { 'a.ppvnet.json': seed, 'b.ppvnet.json': overlapping };
    const levels = (a: 'info' | 'off', b: 'error') => placeWorkspaceFindings(checkWorkspace([{ file: 'a.ppvnet.json', design: seed, level: a }, { file: 'b.ppvnet.json', design: overlapping, level: b }]), locatorOf(files));
    const mixed = levels('info', 'error');
    expect([mixed.get('a.ppvnet.json')!.map((p) => p.severity), mixed.get('b.ppvnet.json')!.map((p) => p.severity)]).toEqual([['info'], ['error']]);
    const off = levels('off', 'error');
    expect([...off.keys()]).toEqual(['b.ppvnet.json']);
  });

  it('places a ref it cannot locate at the start of its file', () => {
    const findings = checkWorkspace([{ file: 'a.ppvnet.json', design: seed }, { file: 'b.ppvnet.json', design: overlapping }]);
    const placed = placeWorkspaceFindings(findings, () => undefined);
    expect(placed.get('a.ppvnet.json')![0]!.location).toEqual({ file: 'a.ppvnet.json', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  });
});
