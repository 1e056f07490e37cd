// The ids module and package.json name the same view type and commands: a command renamed on one side only
// would register nothing or contribute a menu entry that does nothing.
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json';
import { COMMANDS, DESIGN_SUFFIX, VIEW_TYPE } from '../../../src/vscode/shared/ids';

describe('extension ids', () => {
  it('are the ones package.json contributes', () => {
    expect(pkg.contributes.customEditors.map((e) => e.viewType)).toEqual([VIEW_TYPE]);
    expect(pkg.contributes.customEditors[0]!.selector).toEqual([{ filenamePattern: `*${DESIGN_SUFFIX}` }]);
    expect(Object.values(COMMANDS).sort()).toEqual(pkg.contributes.commands.map((c) => c.command).sort());
  });
});
