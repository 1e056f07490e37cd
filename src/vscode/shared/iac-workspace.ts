// How features see Bicep and Terraform files on this host: which documents are read, the path a URI reads as
// and the URI a reader path is published on, file access, and the parsers. The IaC diagnostics and the
// workspace checks both read through the one the entry hands the activation.
import type * as vscode from 'vscode';
import type { IacFileAccess } from '../../core/iac/iac-inputs';
import type { IacParsers } from '../../core/iac/iac-parsers';

export interface IacWorkspace {
  /** The reader path of a document's URI; undefined for documents this host does not read around. */
  pathOf(uri: vscode.Uri): string | undefined;
  /** The URI of a reader path (findings and file reads). */
  uriOf(path: string): vscode.Uri;
  readonly files: IacFileAccess;
  /** Code actions are offered on documents matching these filters. */
  selector(pattern: string): vscode.DocumentFilter;
  parsers(): Promise<IacParsers>;
}
