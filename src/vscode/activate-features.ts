// The one activation both entries share (Node: src/extension.ts, web: src/extension-web.ts): registers every
// feature with the host's ports, in one order, and returns the test hook. Entries differ only in what they pass.
import type * as vscode from 'vscode';
import { activateDesigner, designerTestHook, type DesignerTestHook } from './designer/activate-designer';
import { activateDiagramExport } from './diagram/export-diagram';
import type { ExportDestination } from './export/export-destination';
import { activateExport } from './export/activate-export';
import { activateIacDiagnostics, type OpenIacInDesigner } from './iac-diagnostics/activate-diagnostics';
import type { IacWorkspace } from './shared/iac-workspace';
import { activateWalkthrough } from './walkthrough/activate-walkthrough';
import { activateWorkspaceChecks } from './workspace-checks/activate-workspace-checks';
import { DesignAnalyzer } from './shared/design-analyzer';
import { createDesignerLog } from './shared/output-log';
import { RulesConfigStore } from './shared/rules-config-store';
import type { OpenDesigners } from './shared/design-target';

/** What the activation builds once and hands to every feature: host-only ones use it too. */
export interface SharedServices {
  readonly rules: RulesConfigStore;
  readonly analyzer: DesignAnalyzer;
  readonly designers: OpenDesigners;
}

export type Feature = (context: vscode.ExtensionContext, shared: SharedServices) => vscode.Disposable[];

/** What differs between the Node and the web extension host. */
export interface HostPorts {
  /** Where exports are written. */
  readonly exportDestination: ExportDestination;
  /** How Bicep/Terraform files are found, read and parsed. */
  readonly iac: IacWorkspace;
  /** Import of Bicep/Terraform into the designer (Node only: its layout and readers live in src/node). */
  readonly openIacInDesigner?: OpenIacInDesigner;
  /** Features only this host has (Azure import/compare and the git revision diff on Node), registered after the IaC diagnostics. */
  readonly hostOnly: readonly Feature[];
  /** When the entry's bundle had been evaluated (Date.now()): logged with the activation, so a slow start says whether loading or activating took the time. */
  readonly bundleEvaluatedAt: number;
}

/** The extension's exports: only a hook for the extension-host test suites. */
export interface PpvnetExtensionApi {
  readonly testing: { readonly designer: DesignerTestHook | undefined };
}

export function activateFeatures(context: vscode.ExtensionContext, ports: HostPorts): PpvnetExtensionApi {
  const started = Date.now();
  // One log, one rule configuration and one design analyzer for every feature: a rule turned off in
  // ppvnet.config.json is off for the designer, the Problems panel of designs and IaC, and export alike.
  const { log, channel } = createDesignerLog();
  const rules = new RulesConfigStore(log);
  const analyzer = new DesignAnalyzer(rules);
  context.subscriptions.push(channel, rules);
  const designer = activateDesigner(context, { log, rules, analyzer });
  const { designers } = designer;
  const features: Feature[] = [
    () => designer.disposables,
    () => activateDiagramExport({ designers, analyzer, log }),
    () => activateExport({ destination: ports.exportDestination, analyzer, designers }),
    (c) => activateIacDiagnostics(c, ports.iac, rules, ports.openIacInDesigner),
    () => activateWorkspaceChecks(rules, ports.iac),
    ...ports.hostOnly,
    activateWalkthrough,
  ];
  const shared: SharedServices = { rules, analyzer, designers };
  for (const feature of features) context.subscriptions.push(...feature(context, shared));
  // An epoch time, so a test can set it against VS Code's own log of when it began loading the extension.
  log.info(`activated in ${Date.now() - started} ms; bundle evaluated at ${ports.bundleEvaluatedAt} (epoch ms)`);
  return { testing: { designer: designerTestHook() } };
}
