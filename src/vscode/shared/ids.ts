// The extension's ids in one place: the designer's view type, the design file suffix and every command id,
// as package.json contributes them (test/unit/editor/ids.test.ts keeps the two in step).
export { DESIGN_SUFFIX } from '../../core/model/design-file';

export const VIEW_TYPE = 'ppvnet.designer';

export const COMMANDS = {
  newDesign: 'ppvnet.newDesign',
  openAsText: 'ppvnet.openAsText',
  openInDesigner: 'ppvnet.openInDesigner',
  exportBicep: 'ppvnet.exportBicep',
  exportTerraform: 'ppvnet.exportTerraform',
  autoLayout: 'ppvnet.autoLayout',
  exportDiagramSvg: 'ppvnet.exportDiagramSvg',
  exportDiagramPng: 'ppvnet.exportDiagramPng',
  openIacInDesigner: 'ppvnet.openIacInDesigner',
  importFromAzure: 'ppvnet.importFromAzure',
  compareWithAzure: 'ppvnet.compareWithAzure',
  compareDesignWithRevision: 'ppvnet.compareDesignWithRevision',
  showVisualDiff: 'ppvnet.showVisualDiff',
  openVisualDiff: 'ppvnet.openVisualDiff',
  tourOpenReference: 'ppvnet.tour.openReference',
  tourOpenTerraform: 'ppvnet.tour.openTerraform',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
