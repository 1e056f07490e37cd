// The compare runs git, which the web worker host has not: every menu entry of its two commands is hidden
// there, and Show Visual Diff appears only on a diff of a design, never in the command palette.
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json';
import { COMMANDS } from '../../../src/vscode/shared/ids';

const menus = pkg.contributes.menus as Record<string, { command: string; when?: string }[]>;
const entries = (command: string) => Object.entries(menus).flatMap(([menu, list]) => list.filter((e) => e.command === command).map((e) => ({ menu, when: e.when ?? '' })));

describe('revision diff menus', () => {
  it('hides both commands in the web extension host', () => {
    for (const id of [COMMANDS.compareDesignWithRevision, COMMANDS.showVisualDiff, COMMANDS.openVisualDiff]) {
      for (const e of entries(id).filter((x) => x.when !== 'false')) expect(e.when, `${id} in ${e.menu}`).toContain('!ppvnet.webHost');
    }
  });

  it('puts Compare on the designer title and the palette, Show Visual Diff on diff editors of designs only', () => {
    expect(entries(COMMANDS.compareDesignWithRevision).map((e) => e.menu).sort()).toEqual(['commandPalette', 'editor/title']);
    expect(entries(COMMANDS.compareDesignWithRevision).find((e) => e.menu === 'editor/title')!.when).toContain('activeCustomEditorId == ppvnet.designer');
    const visual = entries(COMMANDS.showVisualDiff);
    expect(visual.find((e) => e.menu === 'commandPalette')!.when).toBe('false');
    expect(visual.find((e) => e.menu === 'editor/title')!.when).toMatch(/^isInDiffEditor && resourceFilename =~ /);
  });

  it("puts Open Visual Diff on Source Control's menu of changed files, never in the palette", () => {
    const open = entries(COMMANDS.openVisualDiff);
    expect(open.map((e) => e.menu).sort()).toEqual(['commandPalette', 'scm/resourceState/context']);
    expect(open.find((e) => e.menu === 'commandPalette')!.when).toBe('false');
    // VS Code gives that menu no file-name context (only the provider, group and git's state), so the command tells designs apart.
    expect(open.find((e) => e.menu === 'scm/resourceState/context')!.when).toBe('scmProvider == git && scmResourceGroup =~ /^(workingTree|index|untracked)$/ && !ppvnet.webHost');
  });
});
