// Loads and validates design documents for the designer and the Problems panel, once per document
// version and rule configuration: both ask here, so the rules run once per change.
import * as vscode from 'vscode';
import { loadDesign, type LoadResult } from '../../core/model/load-design';
import type { DocumentState } from '../../core/protocol/messages';
import { validateDesign } from '../../core/rules/engine';
import type { Locator } from '../../core/rules/rule';
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
}

export class DesignAnalyzer {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly config: RulesConfigStore) {}

  async analyze(document: vscode.TextDocument): Promise<DesignAnalysis> {
    const config = await this.config.configFor(document.uri);
    // Nothing awaits past this point, so concurrent callers for one version share one validation.
    const key = document.uri.toString();
    const version = document.version;
    const generation = this.config.generation;
    const hit = this.cache.get(key);
    if (hit && hit.version === version && hit.generation === generation) return hit.analysis;
    const analysis = analyzeText(document.getText(), version, vscode.workspace.asRelativePath(document.uri, false), config);
    this.cache.set(key, { version, generation, analysis });
    return analysis;
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
  }
}

function analyzeText(text: string, version: number, file: string, config: RulesConfig | undefined): DesignAnalysis {
  const load = loadDesign(text);
  if (!load.ok) return { version, load, state: { ok: false, errors: load.errors } };
  const locate: Locator = (ref) => {
    const range = ref.elementId !== undefined ? load.index.elementRange(ref.elementId, ref.property)
      : ref.relationId !== undefined ? load.index.relationRange(ref.relationId, ref.property) : undefined;
    return range ? { file, range } : undefined;
  };
  const findings = validateDesign(load.design, { config, locate });
  return { version, load, state: { ok: true, design: load.design, findings } };
}
