// PPV-022: the two delegated subnets of a policy have the same kinds of egress and filtering attached.
import type { RelationKind } from '../../model/kinds';
import type { Rule } from '../rule';
import { SOURCES, delegatedSubnets, label } from '../analysis/power-platform';

const ATTACHMENTS: readonly { kind: RelationKind; what: string }[] = [
  { kind: 'natAssociation', what: 'a NAT gateway' },
  { kind: 'nsgAssociation', what: 'a network security group' },
  { kind: 'routeTableAssociation', what: 'a route table' },
];

export const rule: Rule = {
  meta: {
    id: 'PPV-022',
    title: 'Paired subnets are configured alike',
    severity: 'warning',
    category: 'egress',
    rationale:
      'On failover the environment runs from the other delegated subnet. If only one subnet has a NAT gateway, NSG or route table, egress, filtering and routing change silently when the region fails over: calls that worked stop, or traffic that was inspected is not.',
    fix: 'Attach the same kinds of NAT gateway, NSG and route table (one per region, with equivalent rules and routes) to both delegated subnets.',
    sources: [SOURCES.overview, SOURCES.setup],
    checkable: 'static',
  },
  check(t, ctx) {
    for (const p of t.all('enterprisePolicy')) {
      const subnets = delegatedSubnets(t, p.id).map((d) => d.subnet);
      if (subnets.length !== 2) continue;
      for (const { kind, what } of ATTACHMENTS) {
        const a = t.incoming(subnets[0]!.id, kind);
        const b = t.incoming(subnets[1]!.id, kind);
        if ((a.length > 0) === (b.length > 0)) continue;
        const [lacking, having, rel] = a.length > 0 ? [subnets[1]!, subnets[0]!, a[0]!] : [subnets[0]!, subnets[1]!, b[0]!];
        ctx.report({
          elementId: lacking.id,
          message: `Delegated subnet ${label(lacking)} has no ${what.replace(/^an? /, '')}, but its pair ${label(having)} has ${what}; policy ${label(p)} behaves differently after failover.`,
          related: [{ relationId: rel.id, message: `${label(having)} uses "${rel.from}".` }],
        });
      }
    }
  },
};
