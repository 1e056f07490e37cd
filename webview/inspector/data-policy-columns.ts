// Columns of a data policy's tables (connector groups, endpoint rules, custom connector patterns), with the
// choices read from the schema so the editor never offers a value the document would refuse.
import { customConnectorPatternSchema, dataPolicyConnectorSchema, endpointRuleSchema } from '../../src/core/model/schema';
import { CONNECTOR_POLICY_IDS, sameConnectorId } from '../../src/core/rules/analysis/data-policy';
import { DATA_POLICY_GROUP_LABELS } from './field-specs';
import type { Column, Row } from './rule-columns';

const required = (what: string) => (text: string): string | undefined => (text.trim() === '' ? `${what} is required.` : undefined);
const checkConnector = required('A connector id (e.g. /providers/Microsoft.PowerApps/apis/shared_sql)');

export const DATA_POLICY_CONNECTOR_COLUMNS: readonly Column[] = [
  { key: 'connector', label: 'Connector id', type: 'text', check: checkConnector },
  { key: 'group', label: 'Group', type: 'enum', options: dataPolicyConnectorSchema.shape.group.options, optionLabels: DATA_POLICY_GROUP_LABELS },
];

export const ENDPOINT_RULE_COLUMNS: readonly Column[] = [
  { key: 'connector', label: 'Connector id', type: 'text', check: checkConnector },
  { key: 'endpoint', label: 'Endpoint pattern', type: 'text', check: required('An endpoint pattern (* for every endpoint)') },
  { key: 'behavior', label: 'Behavior', type: 'enum', options: endpointRuleSchema.shape.behavior.options },
];

export const CUSTOM_CONNECTOR_PATTERN_COLUMNS: readonly Column[] = [
  { key: 'hostUrlPattern', label: 'Host URL pattern', type: 'text', check: required('A host URL pattern (* for every host)') },
  { key: 'group', label: 'Group', type: 'enum', options: customConnectorPatternSchema.shape.group.options, optionLabels: DATA_POLICY_GROUP_LABELS },
];

/** A new classified connector: the first known connector id the policy does not list yet. */
export function newDataPolicyConnector(rows: readonly Row[]): Row {
  // A connector listed by its short name (shared_sql) is the same connector as its full id.
  const id = Object.values(CONNECTOR_POLICY_IDS).find((c) => !rows.some((r) => sameConnectorId(String(r.connector), c))) ?? '';
  return { connector: id, group: 'Business' };
}

/** A new endpoint rule for the last rule's connector, placed after it: the order is the rows' order. */
export function newEndpointRule(rows: readonly Row[]): Row {
  const connector = rows.at(-1)?.connector ?? CONNECTOR_POLICY_IDS.sqlServer;
  return { connector, endpoint: '*', behavior: 'Deny' };
}

export function newCustomConnectorPattern(): Row {
  return { hostUrlPattern: 'https://*', group: 'Blocked' };
}
