// How a design file is recognised by name: the one suffix the CLI's folder search and the editor both use.
export const DESIGN_SUFFIX = '.ppvnet.json';
