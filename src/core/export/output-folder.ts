// The export output folder setting: `${designName}`/`${format}` substitution and the design's name, shared by
// the CLI and both extension hosts so they all write to the same place.
import type { ExportFormat } from './export-design';

/** `${designName}` and `${format}` substitution in the output-folder setting. */
export function substituteOutputFolder(setting: string, designName: string, format: ExportFormat): string {
  return setting.replace(/\$\{designName\}/g, designName).replace(/\$\{format\}/g, format);
}

/** The design's name for folder substitution: its file name without `.ppvnet.json`. */
export function designNameFromFileName(fileName: string): string {
  return fileName.replace(/\.ppvnet\.json$/i, '').replace(/\.json$/i, '');
}
