// The "Power Platform VNet" output channel used by the designer: protocol traffic at trace level
// (shortened, so a large design does not flood the log), problems at warn/error.
import * as vscode from 'vscode';

const MAX_LOGGED = 600;

export interface DesignerLog {
  trace(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function createDesignerLog(): { log: DesignerLog; channel: vscode.LogOutputChannel } {
  const channel = vscode.window.createOutputChannel('Power Platform VNet', { log: true });
  const log: DesignerLog = {
    trace: (m) => channel.trace(shorten(m)),
    info: (m) => channel.info(shorten(m)),
    warn: (m) => channel.warn(shorten(m)),
    error: (m) => channel.error(shorten(m)),
  };
  return { log, channel };
}

export function shorten(text: string, max = MAX_LOGGED): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}
