// Turns a design edit into the one text replacement that applies it to the document: load, apply,
// re-serialize canonically, keep the document's line endings and BOM, trim to the changed span. Pure.
import { BYTE_ORDER_MARK, hasByteOrderMark } from '../../core/model/byte-order-mark';
import { applyEdit, type DesignEdit } from '../../core/model/design-edits';
import { loadDesign, type LoadResult } from '../../core/model/load-design';
import type { Design } from '../../core/model/schema';
import { serializeDesign } from '../../core/model/serialize-design';
import { minimalReplacement, type TextReplacement } from '../../core/model/text-diff';

export type EditReplacement =
  | { readonly ok: true; readonly design: Design; readonly text: string; readonly replacement: TextReplacement | undefined }
  | { readonly ok: false; readonly error: string };

/** `loaded` is the load of exactly `text` when the caller has it (the analyzer's), which saves parsing it again. */
export function computeEditReplacement(text: string, edit: DesignEdit, loaded: LoadResult = loadDesign(text)): EditReplacement {
  // Never write to a document that does not load: the user's text would be replaced by our guess.
  if (!loaded.ok) return { ok: false, error: `The design does not load (${loaded.errors[0]?.message ?? 'invalid'}); fix it as text first.` };
  const applied = applyEdit(loaded.design, edit);
  if (!applied.ok) return { ok: false, error: applied.error };
  let next = serializeDesign(applied.design);
  if (text.includes('\r\n')) next = next.replace(/\n/g, '\r\n');
  // The diff is taken against the document as given: a BOM there must be in `next` too, or the
  // replacement would start at offset 0 and drop it (or, added twice, duplicate it).
  if (hasByteOrderMark(text)) next = BYTE_ORDER_MARK + next;
  return { ok: true, design: applied.design, text: next, replacement: minimalReplacement(text, next) };
}
