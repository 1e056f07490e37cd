// Which Bicep file or Terraform folder, found by a scan of a folder, another input of the same scan reads as a
// module: validated alone it would report its findings (and its VNets) a second time, with the module's
// defaults rather than the caller's arguments. Shared by `ppvnet validate <folder>` and the editor's workspace checks.

export interface ScannedInput {
  readonly design?: unknown;
  /** The files its reader took in (entry, modules, parameter files), one path form per host. */
  readonly reads?: readonly string[];
}

/** Bicep and Terraform files: what a design is read from (parameter values and tfvars are not). */
const isTemplate = (f: string) => f.endsWith('.bicep') || f.endsWith('.tf');

/**
 * The input that reads all of `input`'s templates and more, or the same ones but comes first; of several,
 * the one that reads the most (main.bicep, not an intermediate module). Undefined when no other does.
 */
export function moduleCallerOf<T extends ScannedInput>(input: T, all: readonly T[]): T | undefined {
  const own = (input.reads ?? []).filter(isTemplate);
  if (!input.design || own.length === 0) return undefined;
  const callers = all.filter((other) => {
    if (other === input || !other.reads) return false;
    const theirs = new Set(other.reads.filter(isTemplate));
    if (!own.every((f) => theirs.has(f))) return false;
    return theirs.size > own.length || all.indexOf(other) < all.indexOf(input);
  });
  return callers.sort((a, b) => (b.reads?.length ?? 0) - (a.reads?.length ?? 0))[0];
}
