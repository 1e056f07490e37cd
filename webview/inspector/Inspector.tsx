// Property panel for the selection: the design itself, one element (typed fields per kind), one relation
// (peering flags), or several (delete). Each committed field change is one edit.
import { memo, useMemo } from 'react';
import { ALL_REGIONS, allowedRegions, findGeography, GEOGRAPHIES } from '../../src/core/geo/geographies';
import type { DesignEdit } from '../../src/core/model/design-edits';
import { ELEMENT_LABELS, RELATION_VERBS } from '../../src/core/model/labels';
import type { Design, Element, ForwardingRule, Relation } from '../../src/core/model/schema';
import { Button, Checkbox, Divider, Dropdown, TextField } from '../components';
import { parseIpv4 } from '../../src/core/net/cidr';
import { checkCidrField, checkCidrList, checkIpList, splitList } from '../model/cidr-input';
import { deleteSelection } from '../model/delete-edit';
import { designGeography } from '../model/element-factory';
import { kindLabelOf } from '../model/flow-model';
import { CapacityPanel } from './CapacityPanel';
import { FIELDS, type FieldSpec } from './field-specs';
import { FORWARDING_RULE_COLUMNS, newForwardingRow, rowsToRules, rulesToRows } from './forwarding-rule-columns';
import { RowsEditor } from './RowsEditor';
import { FIREWALL_RULE_COLUMNS, firewallGroups, firewallRowIndex, firewallRows, newFirewallRow } from './firewall-rows';
import { newNsgRule, newRoute, NSG_RULE_COLUMNS, ROUTE_COLUMNS, type Column, type Row } from './rule-columns';
import { CUSTOM_CONNECTOR_PATTERN_COLUMNS, DATA_POLICY_CONNECTOR_COLUMNS, ENDPOINT_RULE_COLUMNS, newCustomConnectorPattern, newDataPolicyConnector, newEndpointRule } from './data-policy-columns';
import type { FirewallRuleCollectionGroup } from '../../src/core/model/schema';

export interface InspectorProps {
  readonly design: Design;
  readonly selection: readonly string[];
  readonly readOnly: boolean;
  readonly onEdit: (label: string, edit: DesignEdit) => void;
  /** A row of a list property to focus: an NSG rule, a route, a firewall rule ([group, collection, rule]). */
  readonly focus?: RowFocus;
}

export interface RowFocus {
  readonly id: string;
  readonly property: string;
  readonly item?: readonly number[];
  readonly nonce: number;
}

export const Inspector = memo(function Inspector({ design, selection, readOnly, onEdit, focus }: InspectorProps) {
  const element = selection.length === 1 ? design.elements.find((e) => e.id === selection[0]) : undefined;
  const relation = selection.length === 1 && !element ? design.relations.find((r) => r.id === selection[0]) : undefined;
  // nokey: React Flow takes Space (pan) from the whole page, which would stop Space from toggling a checkbox here.
  return (
    <aside className="inspector nokey" data-testid="inspector" aria-label="Properties">
      {selection.length === 0 && <DesignInfo design={design} onEdit={onEdit} />}
      {element && <ElementProperties key={element.id} design={design} element={element} onEdit={onEdit} focus={focus?.id === element.id ? focus : undefined} />}
      {relation && <RelationProperties key={relation.id} design={design} relation={relation} onEdit={onEdit} />}
      {selection.length > 1 && (
        <section>
          <h2>{selection.length} items selected</h2>
          <Button testId="delete-selection" onClick={() => deleteSelection(design, selection, onEdit)}>Delete selection</Button>
        </section>
      )}
      {readOnly && <p className="muted">This design is read-only.</p>}
    </aside>
  );
});

function DesignInfo({ design, onEdit }: { design: Design; onEdit: InspectorProps['onEdit'] }) {
  return (
    <section>
      <h2>Design</h2>
      <TextField label="Name" testId="design-name" value={design.name} validate={(t) => (t.trim() === '' ? 'A design needs a name.' : undefined)}
        onCommit={(name) => onEdit('Rename design', { op: 'setDesignInfo', name })} />
      <TextField label="Description" testId="design-description" multiline value={design.description ?? ''}
        onCommit={(d) => onEdit('Describe design', { op: 'setDesignInfo', description: d.trim() === '' ? null : d })} />
      <p className="muted">{design.elements.length} elements, {design.relations.length} relations. Select an element to edit it; drag from the palette to add one.</p>
    </section>
  );
}

function ElementProperties({ design, element, onEdit, focus }: { design: Design; element: Element; onEdit: InspectorProps['onEdit']; focus: RowFocus | undefined }) {
  const set = (key: string, value: unknown) => onEdit(`Change ${key}`, { op: 'updateElement', id: element.id, set: { [key]: value } });
  const props = element as unknown as Record<string, unknown>;
  return (
    <section>
      <h2>{kindLabelOf(element)}</h2>
      <div className="muted id-line">id {element.id}</div>
      <TextField label="Name" testId="prop-name" value={element.name}
        validate={(t) => (t.trim() === '' ? 'A name is required.' : t.length > 80 ? 'At most 80 characters.' : undefined)}
        onCommit={(name) => set('name', name)} />
      {FIELDS[element.kind].map((f) => <Field key={f.key} spec={f} design={design} element={element} value={props[f.key]} onSet={set} focus={focus?.property === f.key ? focus : undefined} />)}
      <TextField label="Description" testId="prop-description" multiline value={element.description ?? ''} onCommit={(d) => set('description', d.trim() === '' ? undefined : d)} />
      {element.kind === 'enterprisePolicy' && <CapacityPanel design={design} policy={element} onEdit={onEdit} />}
      <Divider />
      <Button testId="delete-element" ariaLabel={`Delete ${element.name}`} onClick={() => onEdit('Delete', { op: 'removeElements', ids: [element.id] })}>Delete</Button>
    </section>
  );
}

function Field({ spec, design, element, value, onSet, focus }: { spec: FieldSpec; design: Design; element: Element; value: unknown; onSet: (k: string, v: unknown) => void; focus?: RowFocus }) {
  const testId = `prop-${spec.key}`;
  const rowAt = (index: number | undefined) => (focus && index !== undefined ? { index, nonce: focus.nonce } : undefined);
  switch (spec.type) {
    case 'text':
    case 'guid':
      return <TextField label={spec.label} testId={testId} value={(value as string | undefined) ?? ''} onCommit={(t) => onSet(spec.key, t.trim() === '' ? undefined : t.trim())} />;
    case 'number':
      return <TextField label={spec.label} testId={testId} value={value === undefined ? '' : String(value)}
        validate={(t) => (t.trim() === '' || /^\d+$/.test(t.trim()) ? undefined : 'A whole number.')}
        onCommit={(t) => onSet(spec.key, t.trim() === '' ? undefined : Number(t.trim()))} />;
    case 'cidr':
      return <TextField label={spec.label} testId={testId} value={(value as string | undefined) ?? ''} placeholder="10.0.1.0/24"
        validate={(t) => { const r = checkCidrField(t); return r.ok ? undefined : r.error; }}
        onCommit={(t) => { const r = checkCidrField(t); if (r.ok) onSet(spec.key, r.value); }} />;
    case 'cidrList':
      return <TextField label={spec.label} testId={testId} value={((value as string[] | undefined) ?? []).join(', ')} placeholder="10.10.0.0/16"
        validate={(t) => { const r = checkCidrList(t); return r.ok ? undefined : r.error; }}
        onCommit={(t) => { const r = checkCidrList(t); if (r.ok) onSet(spec.key, r.value); }} />;
    case 'ipList':
      return <TextField label={spec.label} testId={testId} value={((value as string[] | undefined) ?? []).join(', ')}
        validate={(t) => { const r = checkIpList(t); return r.ok ? undefined : r.error; }}
        onCommit={(t) => { const r = checkIpList(t); if (r.ok) onSet(spec.key, r.value); }} />;
    case 'stringList':
      // An absent list is unknown (the rules stay silent); an empty one states there are none. Clearing a
      // list that had items states "none" rather than forgetting what is known.
      return <TextField label={spec.label} testId={testId} value={((value as string[] | undefined) ?? []).join(', ')}
        placeholder={value === undefined ? 'not stated' : 'none'}
        onCommit={(t) => { const items = splitList(t); onSet(spec.key, items.length ? items : value === undefined ? undefined : []); }} />;
    case 'bool':
      return <Checkbox label={spec.label} testId={testId} checked={value as boolean | undefined} onChange={(c) => onSet(spec.key, c)} />;
    case 'enum':
      return <Dropdown label={spec.label} testId={testId} value={value as string | undefined} options={spec.options.map((o) => ({ value: o, ...(spec.optionLabels?.[o] ? { label: spec.optionLabels[o] } : {}) }))}
        allowEmpty={spec.key !== 'serviceType'} onChange={(v) => onSet(spec.key, v)} />;
    case 'geography':
      return <Dropdown label={spec.label} testId={testId} value={value as string | undefined}
        options={GEOGRAPHIES.filter((g) => g.status === 'supported' || g.id === value).map((g) => ({ value: g.id, label: `${g.displayName} (${g.id})` }))}
        onChange={(v) => onSet(spec.key, v)} />;
    case 'region':
      return <RegionField spec={spec} design={design} element={element} value={value as string | undefined} onSet={onSet} />;
    case 'nsgRules':
    case 'routes':
    case 'dataPolicyConnectors':
    case 'endpointRules':
    case 'customConnectorPatterns': {
      const table = ROW_TABLES[spec.type];
      return <RowsEditor label={spec.label} testId={table.testId} rows={(value as Record<string, unknown>[] | undefined) ?? []} columns={table.columns} newRow={table.newRow}
        focusRow={rowAt(focus?.item?.[0])} onCommit={(rows) => onSet(spec.key, rows)} />;
    }
    case 'forwardingRules':
      return <RowsEditor label={spec.label} testId="forwarding-rules" rows={rulesToRows((value as ForwardingRule[] | undefined) ?? [])} columns={FORWARDING_RULE_COLUMNS}
        newRow={newForwardingRow} onCommit={(rows) => onSet(spec.key, rowsToRules(rows))} />;
    case 'firewallRules': {
      const groups = (value as FirewallRuleCollectionGroup[] | undefined) ?? [];
      const rows = firewallRows(groups);
      return <RowsEditor label={spec.label} testId="firewall-rules" rows={rows} columns={FIREWALL_RULE_COLUMNS} newRow={newFirewallRow}
        focusRow={rowAt(focus?.item ? firewallRowIndex(groups, focus.item) : undefined)} onCommit={(next) => onSet(spec.key, firewallGroups(next, rows))} />;
    }
  }
}

/** The list-valued fields edited as tables: their columns, the row Add appends, and the table's test id. */
const ROW_TABLES: Readonly<Record<'nsgRules' | 'routes' | 'dataPolicyConnectors' | 'endpointRules' | 'customConnectorPatterns', { testId: string; columns: readonly Column[]; newRow: (rows: readonly Row[]) => Row }>> = {
  nsgRules: { testId: 'nsg-rules', columns: NSG_RULE_COLUMNS, newRow: newNsgRule },
  routes: { testId: 'routes', columns: ROUTE_COLUMNS, newRow: newRoute },
  dataPolicyConnectors: { testId: 'dlp-connectors', columns: DATA_POLICY_CONNECTOR_COLUMNS, newRow: newDataPolicyConnector },
  endpointRules: { testId: 'dlp-endpoint-rules', columns: ENDPOINT_RULE_COLUMNS, newRow: newEndpointRule },
  customConnectorPatterns: { testId: 'dlp-custom-patterns', columns: CUSTOM_CONNECTOR_PATTERN_COLUMNS, newRow: newCustomConnectorPattern },
};

/** Regions the element's geography allows come first (the policy injecting into a VNet decides), then every region. */
function RegionField({ spec, design, element, value, onSet }: { spec: FieldSpec; design: Design; element: Element; value: string | undefined; onSet: (k: string, v: unknown) => void }) {
  const geographyId = useMemo(() => governingGeography(design, element), [design, element]);
  const geo = findGeography(geographyId);
  const allowed = geo ? allowedRegions(geo) : [];
  const groups = [
    ...(allowed.length ? [{ label: `Allowed in ${geo!.displayName}`, options: allowed.map((r) => ({ value: r })) }] : []),
    { label: 'All regions', options: ALL_REGIONS.map((r) => ({ value: r })) },
  ];
  return <Dropdown label={spec.label} testId={`prop-${spec.key}`} value={value} groups={groups} onChange={(v) => onSet(spec.key, v)} />;
}

function governingGeography(design: Design, element: Element): string {
  if ('geography' in element && element.geography) return element.geography;
  if (element.kind === 'vnet') {
    const subnets = new Set(design.elements.filter((e) => e.kind === 'subnet' && e.parent === element.id).map((e) => e.id));
    const link = design.relations.find((r) => r.kind === 'policySubnet' && subnets.has(r.to));
    const policy = link ? design.elements.find((e) => e.id === link.from) : undefined;
    if (policy?.kind === 'enterprisePolicy' && policy.geography) return policy.geography;
  }
  return designGeography(design);
}

function RelationProperties({ design, relation, onEdit }: { design: Design; relation: Relation; onEdit: InspectorProps['onEdit'] }) {
  const name = (id: string) => design.elements.find((e) => e.id === id)?.name ?? id;
  const set = (key: string, value: unknown) => onEdit(`Change ${key}`, { op: 'updateRelation', id: relation.id, set: { [key]: value } });
  const fromKind = design.elements.find((e) => e.id === relation.from)?.kind;
  return (
    <section>
      <h2>Connection</h2>
      <div className="muted id-line">id {relation.id} · {relation.kind}</div>
      <p>{fromKind ? ELEMENT_LABELS[fromKind] : ''} <strong>{name(relation.from)}</strong> {RELATION_VERBS[relation.kind]} <strong>{name(relation.to)}</strong></p>
      {relation.kind === 'peering' && (
        <>
          <Checkbox label="Allow virtual network access" testId="prop-allowVirtualNetworkAccess" checked={relation.allowVirtualNetworkAccess} onChange={(c) => set('allowVirtualNetworkAccess', c)} />
          <Checkbox label="Allow forwarded traffic" testId="prop-allowForwardedTraffic" checked={relation.allowForwardedTraffic} onChange={(c) => set('allowForwardedTraffic', c)} />
          <Checkbox label="Allow gateway transit" testId="prop-allowGatewayTransit" checked={relation.allowGatewayTransit} onChange={(c) => set('allowGatewayTransit', c)} />
          <Checkbox label="Use remote gateways" testId="prop-useRemoteGateways" checked={relation.useRemoteGateways} onChange={(c) => set('useRemoteGateways', c)} />
        </>
      )}
      {(relation.kind === 'resolverInbound' || relation.kind === 'resolverOutbound') && (
        <TextField label="Endpoint name" testId="prop-endpointName" value={relation.endpointName ?? ''}
          validate={(t) => (t.length > 80 ? 'At most 80 characters.' : undefined)}
          onCommit={(t) => set('endpointName', t.trim() === '' ? undefined : t.trim())} />
      )}
      {relation.kind === 'resolverInbound' && (
        <TextField label="Private IP (empty = dynamic)" testId="prop-privateIpAddress" value={relation.privateIpAddress ?? ''}
          validate={(t) => (t.trim() === '' || parseIpv4(t.trim()) !== undefined ? undefined : `'${t}' is not an IPv4 address.`)}
          onCommit={(t) => set('privateIpAddress', t.trim() === '' ? undefined : t.trim())} />
      )}
      {relation.kind === 'dnsZoneLink' && (
        <Checkbox label="Auto-registration" testId="prop-registrationEnabled" checked={relation.registrationEnabled} onChange={(c) => set('registrationEnabled', c)} />
      )}
      <Divider />
      <Button testId="delete-relation" onClick={() => onEdit('Delete connection', { op: 'removeRelations', ids: [relation.id] })}>Delete connection</Button>
    </section>
  );
}
