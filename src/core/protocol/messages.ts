// The typed message protocol between the extension host and the designer webview: one union per
// direction. Everything from the webview is untrusted and goes through `parseWebviewMessage` first.
import { z } from 'zod';
import type { DesignEdit } from '../model/design-edits';
import type { LoadError } from '../model/load-design';
import type { Design } from '../model/schema';
import { parseCidr, tryCidr, type Cidr } from '../net/cidr';
import type { AddressPlanConfig } from '../plan/address-plan-config';
import type { CONFIG_FILE_NAMES } from '../rules/rules-config';
import type { Finding } from '../rules/rule';

/** Static facts the webview needs to render pickers: geographies, regions, rule titles. */
export interface DesignerSettings {
  readonly readOnly: boolean;
  /** Debounce for live validation in ms. */
  readonly validationDelayMs: number;
}

/** Host → webview. `version` is the TextDocument version the payload reflects; older payloads are stale. */
export type HostToWebview =
  | { readonly type: 'init'; readonly version: number; readonly fileName: string; readonly state: DocumentState; readonly settings: DesignerSettings }
  | { readonly type: 'documentChanged'; readonly version: number; readonly state: DocumentState }
  | { readonly type: 'editResult'; readonly requestId: number; readonly ok: boolean; readonly error?: string }
  | { readonly type: 'revealElement'; readonly elementId: string }
  | { readonly type: 'exportDiagram'; readonly requestId: number; readonly format: 'svg' | 'png' }
  | { readonly type: 'runLayout' }
  | AddressPlanMessage;

type ConfigFileName = (typeof CONFIG_FILE_NAMES)[number];

/** The address plan of the design folder's ppvnet.config.json, CIDRs as text: only what the address map draws. */
export interface AddressPlanMessage {
  readonly type: 'addressPlan';
  /** The configuration file read (ppvnet.config.json or .ppvnetrc.json); absent when the folder has none. */
  readonly configFile?: ConfigFileName;
  /**
   * How many problems that file has (each shown on it in the Problems panel). Entries with a problem are left
   * out of the lists, so the map says the plan is incomplete rather than drawing it as if it were whole.
   */
  readonly problems: number;
  readonly pools: readonly { readonly name: string; readonly ranges: readonly string[] }[];
  readonly reserved: readonly string[];
  readonly onPremises: readonly string[];
}

export type DocumentState =
  | { readonly ok: true; readonly design: Design; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly errors: readonly LoadError[] };

/** Commands the webview may ask the host to run; anything else is refused. */
export const WEBVIEW_COMMANDS = ['undo', 'redo', 'save', 'openAsText', 'exportBicep', 'exportTerraform', 'openRuleDoc', 'exportDiagramSvg', 'exportDiagramPng'] as const;
export type WebviewCommand = (typeof WEBVIEW_COMMANDS)[number];

/** Webview → host. */
export type WebviewToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'edit'; readonly requestId: number; readonly baseVersion: number; readonly label: string; readonly edit: DesignEdit }
  | { readonly type: 'command'; readonly command: WebviewCommand; readonly argument?: string }
  | { readonly type: 'diagramExported'; readonly requestId: number; readonly format: 'svg' | 'png'; readonly data: string }
  | { readonly type: 'log'; readonly level: 'info' | 'warn' | 'error'; readonly message: string };

const MAX_BATCH_DEPTH = 4;
const MAX_ITEMS = 20_000;
const id = z.string().min(1).max(64);
const point = z.strictObject({ x: z.number().finite(), y: z.number().finite() });
const record = z.record(z.string().max(64), z.unknown());

function editSchema(depth: number): z.ZodType<DesignEdit> {
  const leaves = [
    // Element and relation bodies are checked against the design schema when the edit is applied.
    z.strictObject({ op: z.literal('addElements'), elements: z.array(record).max(MAX_ITEMS), relations: z.array(record).max(MAX_ITEMS).optional() }),
    z.strictObject({ op: z.literal('updateElement'), id, set: record }),
    z.strictObject({ op: z.literal('removeElements'), ids: z.array(id).max(MAX_ITEMS) }),
    z.strictObject({
      op: z.literal('moveElements'),
      moves: z.array(z.strictObject({ id, position: point, parent: id.optional(), size: z.strictObject({ width: z.number().positive(), height: z.number().positive() }).optional() })).max(MAX_ITEMS),
    }),
    z.strictObject({ op: z.literal('addRelation'), relation: record }),
    z.strictObject({ op: z.literal('updateRelation'), id, set: record }),
    z.strictObject({ op: z.literal('removeRelations'), ids: z.array(id).max(MAX_ITEMS) }),
    z.strictObject({ op: z.literal('setDesignInfo'), name: z.string().max(120).optional(), description: z.string().max(4000).nullable().optional() }),
  ];
  const options = depth < MAX_BATCH_DEPTH
    ? [...leaves, z.strictObject({ op: z.literal('batch'), edits: z.array(z.lazy(() => editSchema(depth + 1))).max(MAX_ITEMS) })]
    : leaves;
  return z.union(options as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]) as unknown as z.ZodType<DesignEdit>;
}

const webviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('edit'), requestId: z.number().int(), baseVersion: z.number().int(), label: z.string().max(200), edit: editSchema(0) }),
  z.strictObject({ type: z.literal('command'), command: z.enum(WEBVIEW_COMMANDS), argument: z.string().max(200).optional() }),
  // 25 MB is far above any diagram we draw; the cap keeps a runaway webview from exhausting the host.
  z.strictObject({ type: z.literal('diagramExported'), requestId: z.number().int(), format: z.enum(['svg', 'png']), data: z.string().max(25 * 1024 * 1024) }),
  z.strictObject({ type: z.literal('log'), level: z.enum(['info', 'warn', 'error']), message: z.string().max(10_000) }),
]);

export type ParsedMessage = { ok: true; message: WebviewToHost } | { ok: false; error: string };

/** Validates an untrusted message from the webview. */
export function parseWebviewMessage(raw: unknown): ParsedMessage {
  const r = webviewMessageSchema.safeParse(raw);
  if (r.success) return { ok: true, message: r.data as WebviewToHost };
  const issue = r.error.issues[0];
  return { ok: false, error: `rejected webview message: ${issue?.message ?? 'invalid'} at ${issue?.path.join('.') ?? ''}` };
}

// Spelled out, not imported: rules-config.ts would bring the JSON parser into the webview's bundle.
const configFileNames = ['ppvnet.config.json', '.ppvnetrc.json'] as const satisfies readonly ConfigFileName[];
const cidrText = z.string().max(43).refine((t) => parseCidr(t).ok, 'not an IPv4 CIDR block');
const cidrList = z.array(cidrText).max(1000);
const addressPlanSchema = z.strictObject({
  type: z.literal('addressPlan'),
  configFile: z.enum(configFileNames).optional(),
  problems: z.number().int().min(0).max(1_000_000),
  pools: z.array(z.strictObject({ name: z.string().min(1).max(200), ranges: cidrList })).max(1000),
  reserved: cidrList,
  onPremises: cidrList,
});

/**
 * The message for a folder's address plan, from the configuration file read (if any) and its problem count.
 * An absent plan is an empty one, so the map can say that no pools are configured.
 */
export function addressPlanMessage(plan: AddressPlanConfig | undefined, source?: { readonly file: ConfigFileName; readonly problems: number }): AddressPlanMessage {
  return {
    type: 'addressPlan',
    ...(source ? { configFile: source.file } : {}),
    problems: source?.problems ?? 0,
    pools: (plan?.pools ?? []).map((p) => ({ name: p.name, ranges: p.ranges.map((c) => c.text) })),
    reserved: (plan?.reserved ?? []).map((c) => c.text),
    onPremises: (plan?.onPremises ?? []).map((c) => c.text),
  };
}

/**
 * The plan a checked message carries, for the core's address map (the inverse of addressPlanMessage). A pool
 * without ranges is left out: it has no addresses to draw a bar over.
 */
export function addressPlanOfMessage(message: AddressPlanMessage): AddressPlanConfig {
  const cidrs = (texts: readonly string[]): Cidr[] => texts.flatMap((t) => tryCidr(t) ?? []);
  return {
    pools: message.pools.map((p) => ({ name: p.name, ranges: cidrs(p.ranges) })).filter((p) => p.ranges.length > 0),
    reserved: cidrs(message.reserved),
    onPremises: cidrs(message.onPremises),
  };
}

/** Validates an `addressPlan` message in the webview: the page trusts no shape it did not check. */
export function parseAddressPlanMessage(raw: unknown): { ok: true; message: AddressPlanMessage } | { ok: false; error: string } {
  const r = addressPlanSchema.safeParse(raw);
  if (r.success) return { ok: true, message: r.data };
  const issue = r.error.issues[0];
  return { ok: false, error: `rejected host message: ${issue?.message ?? 'invalid'} at ${issue?.path.join('.') ?? ''}` };
}

export function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}
