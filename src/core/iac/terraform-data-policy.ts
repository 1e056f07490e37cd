// Maps powerplatform_data_loss_prevention_policy (the microsoft/power-platform provider's data policy) to a
// dataPolicy element: its scope, default group, each group's connectors with their endpoint rules (by
// `order`), custom connector patterns, and dataPolicyScope relations to the environments it names.
import { DEFAULT_CLASSIFICATIONS, DLP_RESOURCE, GROUP_ATTRIBUTES } from '../export/terraform/data-policy-names';
import type { ElementOf } from '../model/schema';
import type { DataPolicyGroup } from '../rules/analysis/data-policy';
import { field, read, type DesignBuilder, type Read } from './design-builder';
import type { IacResource } from './iac-resource';
import { items, num, str, type Value } from './iac-value';
import { allOrNothing } from './rule-rows';

type DataPolicy = ElementOf<'dataPolicy'>;
const GROUPS = Object.keys(GROUP_ATTRIBUTES) as DataPolicyGroup[];
const SCOPES = ['AllEnvironments', 'OnlyEnvironments', 'ExceptEnvironments'] as const;
const BEHAVIORS = ['Allow', 'Deny'] as const;
const PATTERN_GROUPS = [...GROUPS, 'Ignore'] as const;

const pick = <T extends string>(allowed: readonly T[]) => (v: Value | undefined) => allowed.find((a) => a.toLowerCase() === str(v)?.toLowerCase());
/** Rows sorted by their `order`; undefined when one has no readable order. */
const byOrder = (rows: readonly Value[] | undefined) => {
  const ordered = allOrNothing(rows, (row) => { const o = num(field(row, 'order')?.value); return o === undefined ? undefined : { o, row }; });
  return ordered?.sort((a, b) => a.o - b.o).map((x) => x.row);
};

/** Phase 1: the element; true when the resource was a data policy. */
export function terraformDataPolicyElement(r: IacResource, b: DesignBuilder): boolean {
  if (r.type !== DLP_RESOURCE) return false;
  const body = r.body;
  const groups = GROUPS.map((g) => ({ g, entries: items(field(body, GROUP_ATTRIBUTES[g])?.value) }));
  const known = groups.every((x) => x.entries !== undefined);
  const connectors: Read<DataPolicy['connectors']> = {
    value: known ? connectorsOf(groups) : undefined,
    at: field(body, GROUP_ATTRIBUTES.Business)?.at ?? r.at,
  };
  const endpointRules: Read<DataPolicy['endpointRules']> = { value: known ? endpointRulesOf(groups) : undefined, at: connectors.at };
  b.addElement(r.key, 'dataPolicy', read(body, ['display_name'], str), r.key.slice(r.key.indexOf('.') + 1), r.at, {
    environmentScope: read(body, ['environment_type'], pick(SCOPES)),
    defaultGroup: read(body, ['default_connectors_classification'], (v) => GROUPS.find((g) => DEFAULT_CLASSIFICATIONS[g].toLowerCase() === str(v)?.toLowerCase())),
    connectors,
    endpointRules,
    customConnectorPatterns: read(body, ['custom_connectors_patterns'], (v) => allOrNothing(byOrder(items(v)), (row) => {
      const hostUrlPattern = str(field(row, 'host_url_pattern')?.value);
      const group = pick(PATTERN_GROUPS)(field(row, 'data_group')?.value);
      return hostUrlPattern && group ? { hostUrlPattern, group } : undefined;
    })),
  });
  return true;
}

function connectorsOf(groups: readonly { g: DataPolicyGroup; entries: readonly Value[] | undefined }[]): DataPolicy['connectors'] {
  const out: NonNullable<DataPolicy['connectors']> = [];
  for (const { g, entries } of groups) {
    for (const entry of entries ?? []) {
      const connector = str(field(entry, 'id')?.value);
      if (!connector) return undefined;
      out.push({ connector, group: g });
    }
  }
  return out;
}

function endpointRulesOf(groups: readonly { entries: readonly Value[] | undefined }[]): DataPolicy['endpointRules'] {
  const out: NonNullable<DataPolicy['endpointRules']> = [];
  for (const { entries } of groups) {
    for (const entry of entries ?? []) {
      const connector = str(field(entry, 'id')?.value);
      const rulesField = field(entry, 'endpoint_rules');
      // An entry written without endpoint_rules has none.
      const rows = rulesField ? byOrder(items(rulesField.value)) : [];
      if (!connector || !rows) return undefined;
      for (const row of rows) {
        const endpoint = str(field(row, 'endpoint')?.value);
        const behavior = pick(BEHAVIORS)(field(row, 'behavior')?.value);
        if (!endpoint || !behavior) return undefined;
        out.push({ connector, endpoint, behavior });
      }
    }
  }
  return out;
}

/** Phase 2: the environments the policy names; true when the resource was a data policy. */
export function terraformDataPolicyRelations(r: IacResource, b: DesignBuilder): boolean {
  if (r.type !== DLP_RESOURCE) return false;
  const self = b.element(r.key);
  const envs = field(r.body, 'environments');
  if (!self || !envs) return true;
  const list = items(envs.value);
  const resolved = list?.map((v) => ({ v, env: b.resolve(v, ['environment']) }));
  for (const [i, { v, env }] of (resolved ?? []).entries()) if (env) b.addRelation('dataPolicyScope', self, env, `${self.id}.env-${i}`, v.at);
  if (!resolved || resolved.some((x) => !x.env)) {
    // Which environments it names is unknown, so whom it covers is too: the scope is left unknown (rules stay silent).
    delete (self as Record<string, unknown>).environmentScope;
    b.diagnostics.push({ file: envs.at.file, range: envs.at.range, severity: 'info', message: `Cannot tell statically which environments the data policy '${r.key}' names (not all are powerplatform_environment resources of this configuration); whom it covers is not checked.` });
  }
  return true;
}
