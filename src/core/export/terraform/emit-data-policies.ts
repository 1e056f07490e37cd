// The data policy section of main.tf: one powerplatform_data_loss_prevention_policy per data policy, its
// environments by the ids the environment section wrote, each connector in its group's attribute with its
// endpoint rules numbered 1…N in the design's order.
import { endpointRulesOf, groupOf, type DataPolicyGroup } from '../../rules/analysis/data-policy';
import type { ElementOf } from '../../model/schema';
import { policyConnectorIds } from '../data-policy-connectors';
import type { ExportPlan } from '../export-plan';
import { DEFAULT_CLASSIFICATIONS, DLP_RESOURCE, GROUP_ATTRIBUTES } from './data-policy-names';
import { attr, blank, block, comment, hobj, raw, type HclItem, type HclObject } from './hcl-writer';

export interface TerraformDataPolicyContext {
  readonly plan: ExportPlan;
  labelOf(id: string): string;
  nameVar(e: { id: string; name: string }, what: string): string;
  /** The id expression of each environment the environment section wrote. */
  readonly environmentIds: ReadonlyMap<string, string>;
}

const GROUPS: readonly DataPolicyGroup[] = ['Business', 'NonBusiness', 'Blocked'];

export function emitDataPoliciesTerraform(c: TerraformDataPolicyContext): HclItem[] {
  const out: HclItem[] = [];
  for (const p of c.plan.all('dataPolicy')) {
    const envs = c.plan.topology.targets(p.id, 'dataPolicyScope', 'environment');
    const notes = [
      p.defaultGroup === undefined && 'The design does not state the default group; Non-business (General) is the admin center\'s.',
      p.environmentScope === undefined && 'The design does not state the scope; OnlyEnvironments covers just the environments it names.',
    ].filter((n): n is string => typeof n === 'string');
    if (notes.length) out.push(comment(notes.join('\n')));
    const byGroup = connectorsByGroup(p);
    out.push(block('resource', [DLP_RESOURCE, c.labelOf(p.id)], [
      attr('display_name', raw(c.nameVar(p, 'data policy'))),
      attr('default_connectors_classification', DEFAULT_CLASSIFICATIONS[p.defaultGroup ?? 'NonBusiness']),
      attr('environment_type', p.environmentScope ?? 'OnlyEnvironments'),
      attr('environments', envs.map((e) => raw(environmentIdOf(c, p, e)))),
      blank,
      ...GROUPS.map((g) => attr(GROUP_ATTRIBUTES[g], byGroup.get(g)!)),
      blank,
      attr('custom_connectors_patterns', (p.customConnectorPatterns ?? [{ hostUrlPattern: '*', group: 'Ignore' }]).map((r, i) => hobj(
        ['order', i + 1], ['host_url_pattern', r.hostUrlPattern], ['data_group', r.group],
      ))),
    ]));
  }
  return out;
}

/**
 * The id expression the environment section wrote for `env`. It writes one for every environment of the design
 * before this section runs, so a miss is the exporter's own bug: said as such, not written as `null` (which the
 * provider would reject far from its cause, or read as no environment at all).
 */
function environmentIdOf(c: TerraformDataPolicyContext, p: ElementOf<'dataPolicy'>, env: ElementOf<'environment'>): string {
  const id = c.environmentIds.get(env.id);
  if (id === undefined) throw new Error(`Terraform export: the data policy "${p.id}" names the environment "${env.id}", which the environment section did not write.`);
  return id;
}

/**
 * Each group's connector entries. A connector with endpoint rules that no group lists falls in the default
 * group, and the provider keeps endpoint rules on a group's entry, so it is written there.
 */
function connectorsByGroup(p: ElementOf<'dataPolicy'>): Map<DataPolicyGroup, HclObject[]> {
  const out = new Map<DataPolicyGroup, HclObject[]>(GROUPS.map((g) => [g, []]));
  for (const id of policyConnectorIds(p)) {
    const group = groupOf(p, id) ?? 'NonBusiness';
    out.get(group)!.push(hobj(
      ['id', id],
      ['default_action_rule_behavior', ''],
      ['action_rules', []],
      ['endpoint_rules', endpointRulesOf(p, id).map((r, i) => hobj(['order', i + 1], ['behavior', r.behavior], ['endpoint', r.endpoint]))],
    ));
  }
  return out;
}
