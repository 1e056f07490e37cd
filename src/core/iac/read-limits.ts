// Bounds that keep the IaC readers fast on hostile input (huge files, absurd nesting, runaway loops).
// Hitting one never throws: the reader keeps what it has and says what it skipped in a diagnostic.

export const READ_LIMITS = {
  /** Files above this many bytes are not read from disk (a /dev/zero must not fill memory). */
  maxFileBytes: 16 * 1024 * 1024,
  /** Files above this many UTF-16 characters are not parsed at all. */
  maxFileChars: 4_000_000,
  /** Expression nesting beyond this depth evaluates to unknown. */
  maxDepth: 200,
  /** Syntax nodes the evaluator may visit over one read, across all files. */
  maxNodeVisits: 3_000_000,
  /** Instances one `count`/`for_each`/`for` may expand into. */
  maxInstances: 1_000,
  /** Bicep module files followed from one entry file. */
  maxModuleFiles: 50,
  /** Terraform module folders read for one configuration (the root included). */
  maxModuleFolders: 50,
} as const;

/** Counts evaluator steps; once spent, every further evaluation is unknown. */
export class Budget {
  private visits = 0;
  exhausted = false;
  deepestHit = false;

  constructor(private readonly limit: number = READ_LIMITS.maxNodeVisits) {}

  /** Counts one visit; false when the budget is spent. */
  step(): boolean {
    if (this.exhausted) return false;
    if (++this.visits > this.limit) this.exhausted = true;
    return !this.exhausted;
  }
}
