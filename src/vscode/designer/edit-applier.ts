// Turns a design edit into the one text replacement that applies it to the document: load, apply,
// re-serialize canonically, keep the document's line endings, trim to the changed span. Pure.
import { applyEdit, type DesignEdit } from '../../core/model/design-edits';
import { loadDesign, type LoadResult } from '../../core/model/load-design';
import type { Design } from '../../core/model/schema';
import { serializeDesign } from '../../core/model/serialize-design';
import { minimalReplacement, type TextReplacement } from '../../core/model/text-diff';

export type EditReplacement =
  | { readonly ok: true; readonly design: Design; readonly replacement: TextReplacement | undefined }
  | { readonly ok: false; readonly error: string };

/** `loaded` is the load of exactly `text` when the caller has it (the analyzer's), which saves parsing it again. */
export function computeEditReplacement(text: string, edit: DesignEdit, loaded: LoadResult = loadDesign(text)): EditReplacement {
  // Never write to a document that does not load: the user's text would be replaced by our guess.
  if (!loaded.ok) return { ok: false, error: `The design does not load (${loaded.errors[0]?.message ?? 'invalid'}); fix it as text first.` };
  const applied = applyEdit(loaded.design, edit);
  if (!applied.ok) return { ok: false, error: applied.error };
  let next = serializeDesign(applied.design);
  if (text.includes('\r\n')) next = next.replace(/\n/g, '\r\n');
  return { ok: true, design: applied.design, replacement: minimalReplacement(text, next) };
}
