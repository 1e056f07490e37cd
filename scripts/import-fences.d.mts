// Types of import-fences.mjs for the TypeScript tests that apply the fences to the import graph.
export interface Zone {
  readonly name: string;
  readonly why: string;
  test(file: string): boolean;
  folders(file: string): readonly string[];
  readonly packages: readonly string[] | '*';
  readonly deniedPackages?: readonly string[];
}
export const ZONES: readonly Zone[];
export function packageOf(specifier: string): string;
export function fenceViolation(file: string, specifier: string): string | undefined;
