// Test designs: the shipped samples, and edits applied to them through the real edit operations, so
// fixtures stay valid documents and read as "the seed, except …".
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdit, type DesignEdit } from '../../../src/core/model/design-edits';
import { loadDesign } from '../../../src/core/model/load-design';
import type { Design } from '../../../src/core/model/schema';

const ROOT = path.resolve(__dirname, '../../..');

export function loadSample(name: 'seed' | 'minimal' | 'alm' | 'hybrid-dns' | 'hub-firewall'): Design {
  const r = loadDesign(readFileSync(path.join(ROOT, 'samples', `${name}.ppvnet.json`), 'utf8'));
  if (!r.ok) throw new Error(`sample ${name} does not load: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.design;
}

/** A design under test/fixtures/designs/, by file name without `.ppvnet.json`. */
export function loadFixture(name: string): Design {
  const r = loadDesign(readFileSync(path.join(ROOT, 'test', 'fixtures', 'designs', `${name}.ppvnet.json`), 'utf8'));
  if (!r.ok) throw new Error(`fixture ${name} does not load: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.design;
}

/** Applies edits in order; a refused edit fails the test with the reason. */
export function edited(design: Design, ...edits: DesignEdit[]): Design {
  return edits.reduce((d, e) => {
    const r = applyEdit(d, e);
    if (!r.ok) throw new Error(`fixture edit ${JSON.stringify(e)} refused: ${r.error}`);
    return r.design;
  }, design);
}

export const set = (id: string, values: Record<string, unknown>): DesignEdit => ({ op: 'updateElement', id, set: values });

/**
 * The design with an element's properties replaced without the schema's checks: what an IaC reader can
 * hand the writers, since names read from Bicep or Terraform are not schema-checked. For tests that the
 * writers stay safe on text a design file may not hold (control characters, line breaks, bidi controls).
 */
export function unchecked(design: Design, id: string, values: Record<string, unknown>): Design {
  if (!design.elements.some((e) => e.id === id)) throw new Error(`no element ${id}`);
  return { ...design, elements: design.elements.map((e) => (e.id === id ? ({ ...e, ...values } as typeof e) : e)) };
}
export const remove = (...ids: string[]): DesignEdit => ({ op: 'removeElements', ids });
export const removeRelations = (...ids: string[]): DesignEdit => ({ op: 'removeRelations', ids });
