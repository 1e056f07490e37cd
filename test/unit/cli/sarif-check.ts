// A structural check of SARIF 2.1.0 logs as GitHub code scanning reads them (no network, no schema
// download): the properties it requires, their types, and the cross-references between them.

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const LEVELS = ['none', 'note', 'warning', 'error'];

/** Returns every problem found, as "path: what is wrong"; an empty list means the log is well-formed. */
export function checkSarif(log: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, where: string, what: string) => { if (!ok) problems.push(`${where}: ${what}`); };
  const text = (v: unknown, where: string) => need(isObj(v) && typeof v.text === 'string' && v.text.length > 0, where, 'must be a message with non-empty text');
  const absoluteUri = (v: unknown, where: string) => need(typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v), where, `must be an absolute URI, got ${JSON.stringify(v)}`);

  if (!isObj(log)) return ['log: must be an object'];
  need(log.version === '2.1.0', 'version', 'must be "2.1.0"');
  need(typeof log.$schema === 'string' && /sarif/i.test(log.$schema), '$schema', 'must name the SARIF schema');
  need(Array.isArray(log.runs) && log.runs.length > 0, 'runs', 'must be a non-empty array');
  (Array.isArray(log.runs) ? log.runs : []).forEach((run: unknown, ri) => {
    const at = `runs[${ri}]`;
    if (!isObj(run)) return need(false, at, 'must be an object');
    const driver = isObj(run.tool) ? run.tool.driver : undefined;
    if (!isObj(driver)) return need(false, `${at}.tool.driver`, 'is required');
    need(typeof driver.name === 'string' && driver.name.length > 0, `${at}.tool.driver.name`, 'is required');
    need(typeof driver.version === 'string' && /^\d+\.\d+\.\d+/.test(driver.version), `${at}.tool.driver.version`, 'must be a version');
    absoluteUri(driver.informationUri, `${at}.tool.driver.informationUri`);
    const rules = Array.isArray(driver.rules) ? driver.rules : [];
    need(rules.length > 0, `${at}.tool.driver.rules`, 'must list the rules');
    const ids = new Set<string>();
    rules.forEach((rule: unknown, i: number) => {
      const w = `${at}.tool.driver.rules[${i}]`;
      if (!isObj(rule)) return need(false, w, 'must be an object');
      need(typeof rule.id === 'string' && !ids.has(rule.id), `${w}.id`, 'must be a unique string');
      ids.add(String(rule.id));
      need(typeof rule.name === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(rule.name), `${w}.name`, 'must be an identifier');
      text(rule.shortDescription, `${w}.shortDescription`);
      text(rule.fullDescription, `${w}.fullDescription`);
      absoluteUri(rule.helpUri, `${w}.helpUri`);
      need(isObj(rule.defaultConfiguration) && LEVELS.includes(String(rule.defaultConfiguration.level)), `${w}.defaultConfiguration.level`, 'must be none/note/warning/error');
      need(isObj(rule.properties) && typeof rule.properties.category === 'string', `${w}.properties.category`, 'is required');
    });
    const baseIds = isObj(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
    for (const [k, v] of Object.entries(baseIds)) {
      need(isObj(v) && typeof v.uri === 'string' && v.uri.startsWith('file:') && v.uri.endsWith('/'), `${at}.originalUriBaseIds.${k}`, 'must be a file: URI ending in "/"');
    }
    need(Array.isArray(run.results), `${at}.results`, 'must be an array');
    (Array.isArray(run.results) ? run.results : []).forEach((res: unknown, i: number) => {
      const w = `${at}.results[${i}]`;
      if (!isObj(res)) return need(false, w, 'must be an object');
      need(typeof res.ruleId === 'string' && ids.has(res.ruleId), `${w}.ruleId`, `must name a rule of the driver, got ${JSON.stringify(res.ruleId)}`);
      if (res.ruleIndex !== undefined) need(isObj(rules[res.ruleIndex as number]) && (rules[res.ruleIndex as number] as Json).id === res.ruleId, `${w}.ruleIndex`, 'must point at the rule with ruleId');
      need(LEVELS.includes(String(res.level)), `${w}.level`, 'must be none/note/warning/error');
      text(res.message, `${w}.message`);
      need(Array.isArray(res.locations) && res.locations.length > 0, `${w}.locations`, 'code scanning needs at least one location');
      const located = [...(Array.isArray(res.locations) ? res.locations : []), ...(Array.isArray(res.relatedLocations) ? res.relatedLocations : [])];
      const relatedIds = new Set<unknown>();
      for (const rel of Array.isArray(res.relatedLocations) ? res.relatedLocations : []) {
        need(isObj(rel) && Number.isInteger(rel.id) && !relatedIds.has(rel.id), `${w}.relatedLocations`, 'ids must be unique integers');
        if (isObj(rel)) { relatedIds.add(rel.id); text(rel.message, `${w}.relatedLocations[].message`); }
      }
      located.forEach((loc: unknown, li: number) => {
        const lw = `${w}.locations/related[${li}]`;
        const phys = isObj(loc) ? loc.physicalLocation : undefined;
        if (!isObj(phys) || !isObj(phys.artifactLocation)) return need(false, lw, 'needs physicalLocation.artifactLocation');
        const uri = phys.artifactLocation.uri;
        need(typeof uri === 'string' && uri.length > 0 && !/^[a-z]+:/i.test(uri) && !uri.startsWith('/') && !uri.includes('\\') && !uri.includes(' '), `${lw}.uri`, `must be a relative URI reference, got ${JSON.stringify(uri)}`);
        need(typeof phys.artifactLocation.uriBaseId === 'string', `${lw}.uriBaseId`, 'is required for relative URIs');
        const r = phys.region;
        if (!isObj(r)) return need(false, `${lw}.region`, 'is required');
        const int1 = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
        need(int1(r.startLine) && int1(r.startColumn) && int1(r.endLine) && int1(r.endColumn), `${lw}.region`, 'lines and columns are integers ≥ 1');
        need((r.endLine as number) > (r.startLine as number) || ((r.endLine as number) === (r.startLine as number) && (r.endColumn as number) >= (r.startColumn as number)), `${lw}.region`, 'must not end before it starts');
      });
    });
  });
  return problems;
}
