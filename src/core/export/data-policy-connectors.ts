// The connectors a data policy names, in the order both exports list them: those its groups list, then
// those only its endpoint rules name, each once however it is spelled (shared_sql or its full id).
import type { ElementOf } from '../model/schema';
import { sameConnectorId } from '../rules/analysis/data-policy';

export function policyConnectorIds(p: ElementOf<'dataPolicy'>): string[] {
  const ids: string[] = [];
  for (const id of [...(p.connectors ?? []).map((x) => x.connector), ...(p.endpointRules ?? []).map((r) => r.connector)]) {
    if (!ids.some((x) => sameConnectorId(x, id))) ids.push(id);
  }
  return ids;
}
