// Where the editor shows a workspace finding: on the file it names and, for a finding between two files,
// mirrored on the other one, each entry pointing at the other file. Pure; the caller locates and publishes.
import type { SourceLocation } from '../model/source-range';
import type { Severity } from '../rules/rule';
import type { WorkspaceFinding, WorkspaceRef } from './workspace-checks';

export interface PlacedRelated {
  readonly location: SourceLocation;
  readonly message: string;
}

export interface PlacedFinding {
  readonly location: SourceLocation;
  readonly message: string;
  readonly severity: Severity;
  readonly related: readonly PlacedRelated[];
}

/** A ref's range in its file; undefined when the file or element is gone (the finding then starts the file). */
export type WorkspaceLocate = (ref: WorkspaceRef) => SourceLocation | undefined;

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Findings by file. Someone reading either design should see the conflict without opening the other, so
 * a finding whose related location lies in another file is shown there too, with its related location
 * pointing back; the message names both files already (checkWorkspace writes them).
 */
export function placeWorkspaceFindings(findings: readonly WorkspaceFinding[], locate: WorkspaceLocate): Map<string, PlacedFinding[]> {
  const at = (ref: WorkspaceRef): SourceLocation => locate(ref) ?? { file: ref.file, range: ZERO };
  const out = new Map<string, PlacedFinding[]>();
  const add = (p: PlacedFinding) => out.set(p.location.file, [...(out.get(p.location.file) ?? []), p]);
  for (const f of findings) {
    const location = at(f);
    const related = f.related.map((r) => ({ location: at(r), message: r.message, severity: r.severity }));
    add({ location, message: f.message, severity: f.severity, related: related.map(({ location: l, message }) => ({ location: l, message })) });
    for (const r of related) {
      // Not mirrored into a design whose configuration switched PPV-WORKSPACE off.
      if (r.location.file === location.file || r.severity === undefined) continue;
      add({ location: r.location, message: f.message, severity: r.severity, related: [{ location, message: `The other VNet, in ${location.file}.` }] });
    }
  }
  return out;
}
