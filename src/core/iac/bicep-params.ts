// .bicepparam files: `using './main.bicep'` plus `param x = …` assignments. The Bicep grammar has no
// parameter-file rules, so the file is parsed as Bicep with each `param x =` rewritten to `var   x =`
// (same length, so every position still points into the file as written) and its values read as variables.

const ASSIGNMENT = /^([ \t]*)param(?=[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*=)/gm;

/** The text to parse in place of a .bicepparam file, and the parameters it assigns. */
export function bicepParamAsBicep(text: string): { text: string; names: string[] } {
  const names: string[] = [];
  const rewritten = text.replace(ASSIGNMENT, (_m, indent: string, name: string) => {
    names.push(name);
    return `${indent}var  `;
  });
  return { text: rewritten, names };
}

/** The template a .bicepparam file is for (`using '<path>'`), as written; undefined for `using none` or none. */
export function bicepParamTemplate(text: string): string | undefined {
  return /^[ \t]*using[ \t]+'([^'\r\n]+)'/m.exec(text)?.[1];
}

export function isBicepParamFile(path: string): boolean {
  return path.toLowerCase().endsWith('.bicepparam');
}
