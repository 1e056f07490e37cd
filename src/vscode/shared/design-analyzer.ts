// Loads and validates design documents for the designer, the Problems panel, the diagram export and the
// Bicep/Terraform export, once per document version and rule configuration: all ask here, so the rules run
// once per change and export is blocked by exactly the errors the Problems panel shows. A designer edit
// hands over the design it already checked, so the text it wrote is indexed, not loaded and checked again;
// after a change only the rules that read what it changed run again (the others' findings are reused).
import * as vscode from 'vscode';
import { indexCheckedDesign, loadDesign, type LoadResult } from '../../core/model/load-design';
import type { Design } from '../../core/model/schema';
import type { DocumentState } from '../../core/protocol/messages';
import { validateDesignAfter, type Validation } from '../../core/rules/engine';
import { designLocator } from '../../core/rules/design-locator';
import type { RulesConfig } from '../../core/rules/rules-config';
import type { RulesConfigStore } from './rules-config-store';

export interface DesignAnalysis {
  readonly version: number;
  readonly load: LoadResult;
  readonly state: DocumentState;
}

interface CacheEntry {
  readonly version: number;
  readonly generation: number;
  readonly analysis: DesignAnalysis;
  /** The rules' last run on this document, for the next version (kept across versions that do not load). */
  readonly validation: Validation | undefined;
}

export class DesignAnalyzer {
  private readonly cache = new Map<string, CacheEntry>();
  /** Per document: the text an edit is about to write and the checked design it serializes. */
  private readonly written = new Map<string, { readonly text: string; readonly design: Design }>();

  constructor(private readonly config: RulesConfigStore) {}

  async analyze(document: vscode.TextDocument): Promise<DesignAnalysis> {
    const config = await this.config.configFor(document.uri);
    // Nothing awaits past this point, so concurrent callers for one version share one validation.
    const key = document.uri.toString();
    const version = document.version;
    const generation = this.config.generation;
    const hit = this.cache.get(key);
    if (hit && hit.version === version && hit.generation === generation) return hit.analysis;
    const text = document.getText();
    const written = this.written.get(key);
    // Only when the document holds exactly what the edit wrote: an undo or another tool's change is loaded in full.
    const seeded = written !== undefined && written.text === text;
    if (seeded) this.written.delete(key);
    const load = seeded ? indexCheckedDesign(text, written.design) : loadDesign(text);
    // A run under another rule configuration generation is not reused (the engine also checks each rule's severity).
    const previous = hit?.generation === generation ? hit.validation : undefined;
    const { analysis, validation } = analyzeLoad(load, version, vscode.workspace.asRelativePath(document.uri, false), config, previous);
    this.cache.set(key, { version, generation, analysis, validation });
    return analysis;
  }

  /** An edit is about to replace the document's text with `text`, the serialization of the checked `design`. */
  willWrite(document: vscode.TextDocument, text: string, design: Design): void {
    this.written.set(document.uri.toString(), { text, design });
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
    this.written.delete(uri.toString());
  }
}

function analyzeLoad(load: LoadResult, version: number, file: string, config: RulesConfig | undefined, previous: Validation | undefined): { analysis: DesignAnalysis; validation: Validation | undefined } {
  if (!load.ok) return { analysis: { version, load, state: { ok: false, errors: load.errors } }, validation: previous };
  const validation = validateDesignAfter(previous, load.design, { config, locate: designLocator(load.index, file) });
  return { analysis: { version, load, state: { ok: true, design: load.design, findings: validation.findings } }, validation };
}
