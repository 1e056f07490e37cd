// AZ-12: NSG rule priorities lie in 100–4096 and are unique per direction; rule names are unique per NSG.
import type { NsgRule } from '../../model/schema';
import type { QuickFix, Rule } from '../rule';

export const NSG_PRIORITY = { min: 100, max: 4096 } as const;

/**
 * Renumbers a duplicate to priority + 1 only when that number is free in its direction: it then still
 * sorts after every rule it sorted after and before every rule it sorted before, so evaluation order is kept.
 */
function renumberFix(nsgId: string, rules: readonly NsgRule[], index: number, used: ReadonlySet<number>): QuickFix | undefined {
  const rule = rules[index]!;
  const next = rule.priority + 1;
  if (next > NSG_PRIORITY.max || used.has(next)) return undefined;
  return {
    title: `Give "${rule.name}" priority ${next}`,
    edit: { op: 'updateElement', id: nsgId, set: { rules: rules.map((x, j) => (j === index ? { ...x, priority: next } : x)) } },
  };
}

export const rule: Rule = {
  meta: {
    id: 'AZ-12',
    title: 'NSG rule priorities are valid and unique',
    severity: 'error',
    category: 'egress',
    rationale:
      'Security rules are evaluated in ascending priority, and Azure accepts priorities from 100 to 4096 only (65000 and up belong to the default rules). ' +
      'Two rules of the same direction cannot share a priority, and rule names must be unique within the NSG, or the deployment fails.',
    fix: 'Give each rule a distinct priority from 100 to 4096 within its direction, leaving gaps (100, 110, 120…) for later rules, and a unique name.',
    sources: [
      { title: 'Network security groups: security rules', url: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview' },
      { title: 'Azure subscription and service limits: networking', url: 'https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits' },
    ],
    checkable: 'static',
  },
  check(topology, { report }) {
    for (const nsg of topology.all('nsg')) {
      const rules = nsg.rules ?? [];
      const firstByKey = new Map<string, NsgRule>();
      const names = new Map<string, NsgRule>();
      const used = { Inbound: new Set<number>(), Outbound: new Set<number>() };
      for (const r of rules) used[r.direction].add(r.priority);
      rules.forEach((r, i) => {
        if (r.priority < NSG_PRIORITY.min || r.priority > NSG_PRIORITY.max) {
          report({ elementId: nsg.id, property: 'rules', message: `Rule "${r.name}" of "${nsg.name}" has priority ${r.priority}; custom rules use ${NSG_PRIORITY.min}–${NSG_PRIORITY.max}.` });
        }
        const key = `${r.direction}\u0000${r.priority}`;
        const first = firstByKey.get(key);
        if (first) {
          const fix = renumberFix(nsg.id, rules, i, used[r.direction]);
          report({
            elementId: nsg.id,
            property: 'rules',
            message: `Rules "${first.name}" and "${r.name}" of "${nsg.name}" both have ${r.direction.toLowerCase()} priority ${r.priority}; priorities must be unique per direction.`,
            ...(fix ? { fixes: [fix] } : {}),
          });
        } else firstByKey.set(key, r);
        const sameName = names.get(r.name.toLowerCase());
        if (sameName) {
          report({ elementId: nsg.id, property: 'rules', message: `"${nsg.name}" has two rules named "${r.name}"; rule names must be unique within an NSG.` });
        } else names.set(r.name.toLowerCase(), r);
      });
    }
  },
};
