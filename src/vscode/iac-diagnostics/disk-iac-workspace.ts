// The Node host's view of IaC files: documents on disk (file: URIs), native paths, the process-wide parsers.
import * as vscode from 'vscode';
import { diskFiles } from '../../node/iac/iac-files';
import { sharedParsers } from '../../node/iac/tree-sitter-parsers';
import type { IacWorkspace } from './iac-workspace';

export const diskIacWorkspace: IacWorkspace = {
  pathOf: (uri) => (uri.scheme === 'file' ? uri.fsPath : undefined),
  uriOf: (path) => vscode.Uri.file(path),
  files: diskFiles,
  selector: (pattern) => ({ scheme: 'file', pattern }),
  parsers: sharedParsers,
};
