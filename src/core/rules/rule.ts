// The shape of a rule and of what it reports. One rule per file under catalog/, file name = rule id;
// rules are pure functions of a Topology and never see the editor, the file system or the clock.
import type { DesignEdit } from '../model/design-edits';
import type { SourceLocation } from '../model/source-range';
import type { Topology } from '../model/topology';

export type Severity = 'error' | 'warning' | 'info';

export interface RuleSource {
  readonly title: string;
  readonly url: string;
}

export type RuleCategory = 'power-platform' | 'region' | 'address-space' | 'peering' | 'egress' | 'dns' | 'private-endpoint' | 'lifecycle' | 'workload' | 'naming' | 'monitoring';

export interface RuleMeta {
  /** `PPV-001`…, `AZ-01`…: equal to the file name, the doc name and the test name. */
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly category: RuleCategory;
  /** Why the rule exists: what breaks, and when. */
  readonly rationale: string;
  /** What to do about a finding. */
  readonly fix: string;
  /** Microsoft Learn or source-code references; at least one. */
  readonly sources: readonly RuleSource[];
  /**
   * `static`: judged from the design or IaC. `guidance`: cannot be judged statically (the fact lives
   * outside the design, e.g. in the tenant); reported as info advice where it applies.
   */
  readonly checkable: 'static' | 'guidance';
  /** For guidance rules: why no static check is possible. */
  readonly whyNotStatic?: string;
}

/** Points into the design: an element or relation, optionally one of its properties. */
export interface DesignRef {
  readonly elementId?: string;
  readonly relationId?: string;
  readonly property?: string;
}

export interface QuickFix {
  readonly title: string;
  /** Applied as one undoable edit; a batch when several changes belong together. */
  readonly edit: DesignEdit;
}

export interface RelatedInfo extends DesignRef {
  readonly message: string;
  /** Filled in by the engine from the source locator. */
  readonly location?: SourceLocation;
}

export interface Finding extends DesignRef {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly related?: readonly RelatedInfo[];
  readonly fixes?: readonly QuickFix[];
  /** Filled in by the engine from the source locator (design file or IaC file). */
  readonly location?: SourceLocation;
}

export type Report = Omit<Finding, 'ruleId' | 'severity' | 'location'> & {
  /**
   * The rule cannot tell: what it judges is a value the IaC reader could not evaluate (a parameter, a loop
   * over a variable). Reported as info whatever the rule's severity, never as the fault it would be if absent.
   */
  readonly cannotTell?: boolean;
};

export interface RuleContext {
  report(finding: Report): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(topology: Topology, context: RuleContext): void;
}

/** Maps a design reference to where it is written; the design loader and the IaC readers each supply one. */
export type Locator = (ref: DesignRef) => SourceLocation | undefined;
