// Statically evaluates a Terraform configuration: the root module (all .tf files of one folder) with its
// tfvars, and the modules it calls (local folders, and registry modules `terraform init` put on disk) with
// their inputs and outputs; variables, locals, `count`/`for_each`, `for` expressions, operators, splats,
// references between resources, string templates and a few pure functions. Anything else is unknown;
// nothing is guessed, and a module that cannot be read is reported.
import type { SourceLocation } from '../model/source-range';
import { callFunction, notUnderstood } from './hcl-functions';
import { idPart, SourceText, type IacDiagnostic, type IacResource } from './iac-resource';
import { access, member, unknownAt, type ObjValue, type Prop, type Value, type ValueRef } from './iac-value';
import { Budget, READ_LIMITS } from './read-limits';
import { MODEL_ROOT } from './avm-terraform-models';
import { dirname, joinPath } from './bicep-evaluator';
import { namedChildren, type SyntaxNode, type SyntaxTree } from './syntax-node';

export interface TerraformFile {
  readonly file: string;
  readonly text: string;
  readonly tree: SyntaxTree;
}

interface Decl {
  readonly node: SyntaxNode | undefined;
  readonly src: SourceText;
  readonly at: SourceLocation;
}

interface ResourceBlock {
  readonly type: string;
  readonly name: string;
  readonly block: SyntaxNode;
  readonly body: SyntaxNode | undefined;
  readonly src: SourceText;
  readonly header: SourceLocation;
  /** Its body's count and for_each, once read (blockAttributes). */
  attributes?: ReadonlyMap<string, Attr>;
}

interface Scope {
  readonly src: SourceText;
  readonly eachKey?: Value;
  readonly eachValue?: Value;
  readonly countIndex?: Value;
  /** Names bound by enclosing `for` expressions. */
  readonly bindings?: ReadonlyMap<string, Value>;
}

interface ModuleBlock {
  readonly name: string;
  readonly block: SyntaxNode;
  readonly body: SyntaxNode | undefined;
  readonly src: SourceText;
  readonly header: SourceLocation;
}

/** What every module of one configuration shares: the folders read, where `terraform init` put registry modules. */
export interface TerraformConfiguration {
  /** The .tf files the caller read, by folder ('/'-separated). */
  readonly folders: ReadonlyMap<string, readonly TerraformFile[]>;
  /** The root module's folder. */
  readonly root: string;
  /** `.terraform/modules/modules.json`: module key (`net`, `net.subnets`) to folder, relative to the root. */
  readonly installed: ReadonlyMap<string, string>;
  /** Files and module folders the host would not read (a FIFO, outside the folder), by '/'-path, with why. */
  readonly refused?: ReadonlyMap<string, string>;
  /** The parsed stand-in for a registry module that is not on disk (avm-terraform-models), if there is one. */
  readonly model?: (source: string) => { dir: string; files: readonly TerraformFile[] } | undefined;
}

/** Where one module instance sits in the configuration, and what its caller passes in. */
interface ModulePlace {
  readonly config: TerraformConfiguration;
  readonly dir: string;
  /** `module.net[0].`: prefixes resource addresses (as Terraform prints them). */
  readonly address: string;
  /** `module.net.0.`: prefixes resource keys, from which element ids are made. */
  readonly key: string;
  /** Module names from the root (`['net', 'subnets']`), for modules.json keys. */
  readonly path: readonly string[];
  /** Folders of the calling modules, to stop a module that calls itself. */
  readonly ancestors: readonly string[];
  /** Input variables the caller sets, evaluated lazily in the caller's scope. */
  readonly inputs: ReadonlyMap<string, () => Value>;
  /** Set for a stand-in module: its source, and the call's header, where everything it declares is shown. */
  readonly standIn?: { readonly source: string; readonly at: SourceLocation };
}

/** Module calls nested deeper than this are reported and not followed. */
const MAX_MODULE_DEPTH = 10;

interface Instance {
  readonly address: string;
  readonly id: string;
  readonly block: ResourceBlock;
  readonly scope: Scope;
  body?: ObjValue;
  evaluating?: boolean;
}

/** Meta-arguments of resource blocks that are not part of the resource's own attributes. */
const META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection', 'dynamic', 'timeouts']);

export class TerraformEvaluator {
  private readonly vars = new Map<string, Decl>();
  private readonly locals = new Map<string, Decl>();
  private readonly outputs = new Map<string, Decl>();
  private readonly blocks = new Map<string, ResourceBlock>();
  private readonly moduleBlocks = new Map<string, ModuleBlock>();
  private readonly instances = new Map<string, Instance>();
  /** Module instances by address within this module (`net`, `net[0]`, `net["a"]`); undefined when not readable. */
  private readonly modules = new Map<string, TerraformEvaluator | undefined>();
  private readonly memo = new Map<string, Value>();
  private readonly inProgress = new Set<string>();
  private prepared = false;
  private resources: IacResource[] | undefined;

  /**
   * `diagnostics` is shared by every module of a configuration. Without `place` the evaluator reads one
   * folder on its own (the files given to `evaluate`), as before modules were followed.
   */
  constructor(
    private readonly budget: Budget,
    readonly diagnostics: IacDiagnostic[] = [],
    readonly place?: ModulePlace,
    /** Calls already noted as not understood, across modules: a call is evaluated once per instance. */
    private readonly notedCalls = new Set<string>(),
  ) {}

  /** Reads the root module (`files`, or the configuration's root folder) and every module it calls. */
  evaluate(files: readonly TerraformFile[], tfvars: readonly TerraformFile[] = []): IacResource[] {
    this.prepare(files, tfvars);
    return this.allResources();
  }

  /** Declarations first, then tfvars over the defaults, then instances: count and for_each may read variables. */
  private prepare(files: readonly TerraformFile[], tfvars: readonly TerraformFile[] = []): void {
    if (this.prepared) return;
    this.prepared = true;
    for (const f of files) this.collect(new SourceText(f.file, f.text), f.tree.rootNode);
    for (const f of tfvars) this.readTfvars(f);
    // A resource whose count or for_each reads a module's outputs is expanded once the modules are.
    const afterModules = [...this.blocks.values()].filter((b) => readsModule(blockAttributes(b)));
    for (const block of this.blocks.values()) if (!afterModules.includes(block)) this.expand(block);
    for (const m of this.moduleBlocks.values()) this.expandModule(m);
    for (const block of afterModules) this.expand(block);
  }

  private allResources(): IacResource[] {
    if (this.resources) return this.resources;
    this.resources = [];
    const standIn = this.place?.standIn;
    for (const inst of this.instances.values()) {
      const r = this.toResource(inst, this.instanceBody(inst));
      this.resources.push(standIn ? { ...relocateResource(r, standIn.at), viaInterface: standIn.source } : r);
    }
    for (const child of this.modules.values()) if (child) this.resources.push(...child.allResources());
    return this.resources;
  }

  /** `terraform.tfvars` and `*.auto.tfvars` set root variables; later files win, as in Terraform. */
  private readTfvars(f: TerraformFile): void {
    const src = new SourceText(f.file, f.text);
    const body = f.tree.rootNode.type === 'config_file' ? namedChildren(f.tree.rootNode).find((n) => n.type === 'body') : undefined;
    if (!body) return;
    for (const [name, a] of attributes(body)) {
      if (!this.vars.has(name)) continue;
      this.vars.set(name, { node: a.expr, src, at: src.loc(a.attr) });
    }
  }

  // ---- modules -----------------------------------------------------------------------------------

  private expandModule(m: ModuleBlock): void {
    const attrs = m.body ? attributes(m.body) : new Map<string, Attr>();
    const fileScope: Scope = { src: m.src };
    const source = attrs.get('source');
    const sourceText = source ? this.expr(source.expr, fileScope, 0) : undefined;
    if (sourceText?.t !== 'str') return this.moduleNote(m, `its source is not a literal string, so what it deploys is not checked.`);
    const config = this.place?.config;
    const installed = this.moduleDir(m.name, sourceText.v);
    const standIn = installed === undefined ? config?.model?.(sourceText.v) : undefined;
    const dir = installed ?? standIn?.dir;
    if (!config || dir === undefined) {
      const local = sourceText.v.startsWith('./') || sourceText.v.startsWith('../');
      return this.moduleNote(m, local
        ? `its folder ${sourceText.v} has no .tf files that could be read, so what it deploys is not checked.`
        : `its source "${sourceText.v}" is not on disk, so what it deploys is not checked; after terraform init, ppvnet reads it from .terraform/modules.`);
    }
    const files = standIn?.files ?? config.folders.get(dir);
    const refused = [...(config.refused ?? [])].filter(([p]) => p === dir || dirname(p) === dir).map(([p, why]) => `${p === dir ? sourceText.v : p.slice(dir.length + 1)}: ${why}`);
    if ((!files || files.length === 0) && refused.length > 0) return this.moduleNote(m, `${refused.join('; ')}, so what it deploys is not checked.`);
    if (!files || files.length === 0) return this.moduleNote(m, `its folder ${sourceText.v} has no .tf files that could be read, so what it deploys is not checked.`);
    if (refused.length > 0) {
      this.diagnostics.push({ file: m.src.file, range: m.header.range, severity: 'info', message: `Module "${m.name}" read in part: ${refused.join('; ')}, so what that declares is not checked.` });
    }
    const ancestors = [...(this.place?.ancestors ?? []), this.place?.dir ?? config.root];
    if (ancestors.includes(dir)) return this.moduleNote(m, `it calls a module that is already being read (${sourceText.v}), so it is not followed again.`);
    if (ancestors.length > MAX_MODULE_DEPTH) return this.moduleNote(m, `modules nested deeper than ${MAX_MODULE_DEPTH} levels are not followed.`);
    const count = attrs.get('count');
    const forEach = attrs.get('for_each');
    const instances: { address: string; key: string; scope: Scope }[] = [];
    if (count) {
      const n = this.expr(count.expr, fileScope, 0);
      if (n.t !== 'num') return this.moduleNote(m, 'its count is not known, so its resources are not checked.');
      for (let i = 0; i < Math.min(n.v, READ_LIMITS.maxInstances); i++) {
        instances.push({ address: `${m.name}[${i}]`, key: `${m.name}.${i}`, scope: { src: m.src, countIndex: { t: 'num', v: i, at: n.at } } });
      }
    } else if (forEach) {
      const v = this.expr(forEach.expr, fileScope, 0);
      const entries = forEachEntries(v);
      if (!entries) return this.moduleNote(m, 'its for_each is not known, so its resources are not checked.');
      for (const [k, value] of entries.slice(0, READ_LIMITS.maxInstances)) {
        instances.push({ address: `${m.name}[${JSON.stringify(k)}]`, key: `${m.name}.${idPart(k)}`, scope: { src: m.src, eachKey: { t: 'str', v: k, at: value.at }, eachValue: value } });
      }
    } else {
      instances.push({ address: m.name, key: m.name, scope: fileScope });
    }
    for (const inst of instances) {
      const inputs = new Map<string, () => Value>();
      for (const [name, a] of attrs) {
        if (name === 'source' || name === 'version' || META.has(name) || name === 'providers') continue;
        inputs.set(name, () => this.expr(a.expr, inst.scope, 0));
      }
      const child = new TerraformEvaluator(this.budget, this.diagnostics, {
        config, dir, inputs, ancestors,
        address: `${this.place?.address ?? ''}module.${inst.address}.`,
        key: `${this.place?.key ?? ''}module.${inst.key}.`,
        path: [...(this.place?.path ?? []), m.name],
        ...(standIn ? { standIn: { source: sourceText.v, at: m.header } } : {}),
      }, this.notedCalls);
      this.modules.set(inst.address, child);
      child.prepare(files);
    }
  }

  /** The folder a module call reads: a local path beside this module, or where terraform init installed it. */
  private moduleDir(name: string, source: string): string | undefined {
    const config = this.place?.config;
    if (!config) return undefined;
    if (source.startsWith('./') || source.startsWith('../')) return joinPath(this.place?.dir ?? config.root, source.replace(/\/+$/, ''));
    const installed = config.installed.get([...(this.place?.path ?? []), name].join('.'));
    return installed === undefined ? undefined : joinPath(config.root, installed.replace(/\/+$/, ''));
  }

  /**
   * The instance address a reference names: `base` itself, or `base[0]` / `base["k"]` when `base` has count or
   * for_each and the first step indexes it; undefined when that index is not known.
   */
  private pickInstance(base: string, single: boolean, ops: SyntaxNode[], scope: Scope, depth: number): { address: string; rest: SyntaxNode[] } | undefined {
    if (single || ops[0]?.type !== 'index') return { address: base, rest: ops };
    const e = findExpression(ops[0]);
    const k = e ? this.expr(e, scope, depth + 1) : undefined;
    if (k?.t === 'num') return { address: `${base}[${k.v}]`, rest: ops.slice(1) };
    if (k?.t === 'str') return { address: `${base}[${JSON.stringify(k.v)}]`, rest: ops.slice(1) };
    return undefined;
  }

  /** A stand-in module is ours and shows nothing of its own text, so only the user's calls are noted. */
  private noteCall(at: SourceLocation, name: string): void {
    const key = `${at.file}:${at.range.start.line}:${at.range.start.character}`;
    if (this.place?.standIn || this.notedCalls.has(key)) return;
    this.notedCalls.add(key);
    this.diagnostics.push({ file: at.file, range: at.range, severity: 'info', message: notUnderstood(name) });
  }

  private moduleNote(m: ModuleBlock, why: string): void {
    this.diagnostics.push({ file: m.src.file, range: m.header.range, severity: 'info', message: `Module "${m.name}" not read: ${why}` });
  }

  /** `module.<name>…`: an output of a module instance, evaluated in that module. */
  private moduleRef(name: string, ops: SyntaxNode[], scope: Scope, at: SourceLocation, depth: number): Value {
    const picked = this.pickInstance(name, this.modules.has(name), ops, scope, depth);
    if (!picked) return unknownAt(at);
    const { address, rest } = picked;
    if (address === name && !this.modules.has(name)) {
      // `module.net` of a module with count or for_each: its instances as a list or a map of their outputs.
      const all = this.moduleInstances(name, at, depth);
      if (!all) return unknownAt(at);
      let v = all;
      for (const op of rest) v = this.postfix(v, op, scope, depth);
      return v;
    }
    const child = this.modules.get(address);
    if (!child) return unknownAt(at);
    if (rest[0]?.type !== 'get_attr') {
      let v = child.outputsObject(at, depth + 1);
      if (child.place?.standIn) v = relocate(v, child.place.standIn.at);
      for (const op of rest) v = this.postfix(v, op, scope, depth);
      return v;
    }
    let v = child.output(rest[0].namedChild(0)?.text ?? '', at, depth + 1);
    if (child.place?.standIn) v = relocate(v, child.place.standIn.at);
    for (const op of rest.slice(1)) v = this.postfix(v, op, scope, depth);
    return v;
  }

  /** Every instance of a counted (list) or for_each (map) module call, as its outputs. */
  private moduleInstances(name: string, at: SourceLocation, depth: number): Value | undefined {
    const keyed = instancesOf(name, this.modules);
    if (keyed.length === 0 || keyed.some(([, child]) => !child)) return undefined;
    return collection(keyed.map(([k, child]) => {
      const v = child!.outputsObject(at, depth + 1);
      return [k, child!.place?.standIn ? relocate(v, child!.place.standIn.at) : v];
    }), at);
  }

  /** All outputs of this module as one object, for `module.net` and iteration over module instances. */
  private outputsObject(at: SourceLocation, depth: number): Value {
    const props = new Map<string, Prop>();
    for (const [name, decl] of this.outputs) props.set(name, { value: this.output(name, at, depth), at: decl.at });
    return { t: 'obj', props, at };
  }

  private output(name: string, at: SourceLocation, depth: number): Value {
    const key = `output.${name}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    const decl = this.outputs.get(name);
    if (!decl?.node || this.inProgress.has(key)) return unknownAt(at);
    this.inProgress.add(key);
    const v = this.expr(decl.node, { src: decl.src }, depth + 1);
    this.inProgress.delete(key);
    this.memo.set(key, v);
    return v;
  }

  private collect(src: SourceText, root: SyntaxNode): void {
    const body = root.type === 'config_file' ? namedChildren(root).find((n) => n.type === 'body') : undefined;
    if (!body) return;
    for (const block of namedChildren(body)) {
      if (block.type !== 'block' || !this.budget.step()) continue;
      const parts = namedChildren(block);
      const kw = parts[0]?.type === 'identifier' ? parts[0].text : '';
      const labelNodes = parts.filter((p) => p.type === 'string_lit');
      const labels = labelNodes.map((p) => literalString(p));
      const inner = parts.find((p) => p.type === 'body');
      if (kw === 'variable' && labels[0] !== undefined) {
        const def = inner ? attributes(inner).get('default') : undefined;
        this.vars.set(labels[0], { node: def?.expr, src, at: src.loc(def?.attr ?? block) });
      } else if (kw === 'output' && labels[0] !== undefined && inner) {
        const value = attributes(inner).get('value');
        this.outputs.set(labels[0], { node: value?.expr, src, at: src.loc(value?.attr ?? block) });
      } else if (kw === 'module' && labels[0] !== undefined) {
        const label = labelNodes[0]!;
        if (!this.moduleBlocks.has(labels[0])) this.moduleBlocks.set(labels[0], { name: labels[0], block, body: inner, src, header: src.span(block.startIndex, label.endIndex) });
      } else if (kw === 'locals' && inner) {
        for (const [name, a] of attributes(inner)) this.locals.set(name, { node: a.expr, src, at: src.loc(a.attr) });
      } else if (kw === 'resource' && labels[0] && labels[1] !== undefined) {
        const lastLabel = labelNodes[1]!;
        const key = `${labels[0]}.${labels[1]}`;
        if (!this.blocks.has(key)) {
          this.blocks.set(key, { type: labels[0], name: labels[1], block, body: inner, src, header: src.span(block.startIndex, lastLabel.endIndex) });
        }
      }
    }
  }

  private expand(block: ResourceBlock): void {
    const attrs = blockAttributes(block);
    const base = `${block.type}.${block.name}`;
    const fileScope: Scope = { src: block.src };
    const count = attrs.get('count');
    const forEach = attrs.get('for_each');
    if (count) {
      const n = this.expr(count.expr, fileScope, 0);
      if (n.t !== 'num') return this.addInstance(base, base, block, fileScope);
      for (let i = 0; i < Math.min(n.v, READ_LIMITS.maxInstances); i++) {
        const index: Value = { t: 'num', v: i, at: n.at };
        this.addInstance(`${base}[${i}]`, `${base}.${i}`, block, { src: block.src, countIndex: index });
      }
      if (n.v > READ_LIMITS.maxInstances) this.limitHit(block, n.v);
      return;
    }
    if (forEach) {
      const v = this.expr(forEach.expr, fileScope, 0);
      const entries = forEachEntries(v) ?? [];
      if (v.t !== 'obj' && v.t !== 'arr') return this.addInstance(base, base, block, fileScope);
      for (const [k, value] of entries.slice(0, READ_LIMITS.maxInstances)) {
        const key: Value = { t: 'str', v: k, at: value.at };
        this.addInstance(`${base}[${JSON.stringify(k)}]`, `${base}.${idPart(k)}`, block, { src: block.src, eachKey: key, eachValue: value });
      }
      if (entries.length > READ_LIMITS.maxInstances) this.limitHit(block, entries.length);
      return;
    }
    this.addInstance(base, base, block, fileScope);
  }

  private limitHit(block: ResourceBlock, n: number): void {
    this.diagnostics.push({ file: block.src.file, range: block.header.range, severity: 'info', message: `${block.type}.${block.name} expands into ${n} instances; only the first ${READ_LIMITS.maxInstances} are checked.` });
  }

  /** Keyed by the address within this module; the instance's own address and id carry the module prefix. */
  private addInstance(address: string, id: string, block: ResourceBlock, scope: Scope): void {
    this.instances.set(address, { address: `${this.place?.address ?? ''}${address}`, id: `${this.place?.key ?? ''}${id}`, block, scope });
  }

  private instanceBody(inst: Instance): ObjValue {
    if (inst.body) return inst.body;
    const at = inst.block.header;
    if (inst.evaluating) return { t: 'obj', props: new Map(), at };
    inst.evaluating = true;
    inst.body = inst.block.body ? this.bodyValue(inst.block.body, inst.scope, at, 0) : { t: 'obj', props: new Map(), at };
    inst.evaluating = false;
    return inst.body;
  }

  /** A block body as an object: attributes by name; nested blocks as arrays of objects under their type. */
  private bodyValue(body: SyntaxNode, scope: Scope, at: SourceLocation, depth: number): ObjValue {
    const props = new Map<string, Prop>();
    if (depth > READ_LIMITS.maxDepth) return { t: 'obj', props, at };
    for (const child of namedChildren(body)) {
      if (!this.budget.step()) break;
      if (child.type === 'attribute') {
        const parts = namedChildren(child);
        const name = parts[0]?.text;
        if (!name || META.has(name) || !parts[1]) continue;
        props.set(name, { value: this.expr(parts[1], scope, depth + 1), at: scope.src.loc(child) });
      } else if (child.type === 'block') {
        const parts = namedChildren(child);
        const name = parts[0]?.text;
        if (name === 'dynamic') {
          this.dynamicBlock(child, scope, props, depth);
          continue;
        }
        if (!name || META.has(name)) continue;
        const inner = parts.find((p) => p.type === 'body');
        // One location for the block, shared by its value, the list and the property (locations are never mutated).
        const at = scope.src.loc(child);
        const value = inner ? this.bodyValue(inner, scope, at, depth + 1) : { t: 'obj' as const, props: new Map(), at };
        const prev = props.get(name)?.value;
        const list = prev?.t === 'arr' ? [...prev.items, value] : [value];
        props.set(name, { value: { t: 'arr', items: list, at }, at });
      }
    }
    return { t: 'obj', props, at };
  }

  /**
   * `dynamic "delegation" { for_each = …; content { … } }` adds one `delegation` block per item, with the
   * iterator (the label, or `iterator = name`) bound to `{ key, value }`. When for_each is not known the
   * blocks are unknown, not absent: "no delegation" would be a finding the code may not deserve.
   */
  private dynamicBlock(node: SyntaxNode, scope: Scope, props: Map<string, Prop>, depth: number): void {
    const parts = namedChildren(node);
    const label = parts.find((p) => p.type === 'string_lit');
    const inner = parts.find((p) => p.type === 'body');
    if (!label || !inner) return;
    const name = literalString(label);
    const attrs = attributes(inner);
    const at = scope.src.loc(node);
    const content = namedChildren(inner).find((b) => b.type === 'block' && namedChildren(b)[0]?.text === 'content');
    const contentBody = content ? namedChildren(content).find((p) => p.type === 'body') : undefined;
    const forEach = attrs.get('for_each');
    const collection = forEach ? this.expr(forEach.expr, scope, depth + 1) : unknownAt(at);
    const entries: [Value, Value][] | undefined = collection.t === 'arr' ? collection.items.map((v, i) => [{ t: 'num', v: i, at: v.at }, v])
      : collection.t === 'obj' ? [...collection.props].map(([k, p]) => [{ t: 'str', v: k, at: p.at }, p.value]) : undefined;
    if (!entries || !contentBody) {
      props.set(name, { value: unknownAt(at), at });
      return;
    }
    const iteratorAttr = attrs.get('iterator');
    const iterator = iteratorAttr ? iteratorAttr.expr.text.trim() : name;
    const prev = props.get(name)?.value;
    const list: Value[] = prev?.t === 'arr' ? [...prev.items] : [];
    for (const [k, v] of entries.slice(0, READ_LIMITS.maxInstances)) {
      const item: Value = { t: 'obj', props: new Map([['key', { value: k, at }], ['value', { value: v, at }]]), at };
      const bindings = new Map(scope.bindings ?? []);
      bindings.set(iterator, item);
      list.push(this.bodyValue(contentBody, { ...scope, bindings }, scope.src.loc(content!), depth + 1));
    }
    props.set(name, { value: { t: 'arr', items: list, at }, at });
  }

  private toResource(inst: Instance, body: ObjValue): IacResource {
    const { block } = inst;
    const typeLabel = block.header;
    if (block.type === 'azapi_resource' || block.type === 'azapi_update_resource') {
      const typeText = member(body, 'type');
      const [armType, apiVersion] = typeText?.t === 'str' ? splitAt(typeText.v) : [undefined, undefined];
      const payload = member(body, 'body');
      const props = new Map<string, Prop>();
      for (const k of ['name', 'location']) {
        const p = body.props.get(k);
        if (p) props.set(k, p);
      }
      if (payload?.t === 'obj') for (const [k, p] of payload.props) props.set(k, p);
      const parentRef = member(body, 'parent_id')?.ref;
      return {
        key: inst.id, flavour: 'arm', type: armType ?? 'azapi_resource', ...(apiVersion ? { apiVersion } : {}), extent: block.src.loc(block.block), address: inst.address,
        typeAt: body.props.get('type')?.at ?? typeLabel, body: { t: 'obj', props, at: body.at }, at: typeLabel,
        ...(parentRef && parentRef.path[0] === 'id' ? { parentKey: this.instances.get(parentRef.target)?.id ?? parentRef.target } : {}),
      };
    }
    return { key: inst.id, flavour: 'terraform', type: block.type, typeAt: typeLabel, body, at: typeLabel, extent: block.src.loc(block.block), address: inst.address };
  }

  // ---- expressions -------------------------------------------------------------------------------

  expr(node: SyntaxNode, scope: Scope, depth: number): Value {
    if (depth > READ_LIMITS.maxDepth || !this.budget.step()) {
      if (depth > READ_LIMITS.maxDepth) this.budget.deepestHit = true;
      return unknownAt(scope.src.loc(node));
    }
    // The node's location is made only where the value carries it: a wrapper (`expression`, `literal_value`)
    // mostly returns what it wraps, located where that is, and locations are most of what a read allocates.
    const type = node.type;
    if (type === 'expression') return this.sequence(withoutComments(namedChildren(node)), scope, node.startIndex, node.endIndex, depth);
    if (type === 'literal_value' || type === 'collection_value' || type === 'template_expr') {
      const inner = node.namedChild(0);
      return inner ? this.expr(inner, scope, depth + 1) : unknownAt(scope.src.loc(node));
    }
    return this.located(node, type, scope, scope.src.loc(node), depth);
  }

  /** The expressions whose value is located at their own node. */
  private located(node: SyntaxNode, type: string, scope: Scope, at: SourceLocation, depth: number): Value {
    switch (type) {
      case 'string_lit':
        return { t: 'str', v: literalString(node), at };
      case 'numeric_lit': {
        const n = Number(node.text);
        return Number.isFinite(n) ? { t: 'num', v: n, at } : unknownAt(at);
      }
      case 'bool_lit':
        return { t: 'bool', v: node.text === 'true', at };
      case 'null_lit':
        return { t: 'null', at };
      case 'tuple':
        return { t: 'arr', items: namedChildren(node).filter((n) => n.type === 'expression').map((n) => this.expr(n, scope, depth + 1)), at };
      case 'object': {
        const props = new Map<string, Prop>();
        for (const elem of namedChildren(node)) {
          if (elem.type !== 'object_elem') continue;
          const k = elem.childForFieldName('key');
          const val = elem.childForFieldName('val');
          if (!k || !val) continue;
          const key = this.objectKey(k, scope, depth);
          if (key !== undefined) props.set(key, { value: this.expr(val, scope, depth + 1), at: scope.src.loc(elem) });
        }
        return { t: 'obj', props, at };
      }
      case 'quoted_template':
        return this.template(node, scope, at, depth);
      case 'function_call': {
        const [fn, args] = [node.namedChild(0), namedChildren(node).find((n) => n.type === 'function_arguments')];
        const values = args ? namedChildren(args).filter((n) => n.type === 'expression').map((n) => this.expr(n, scope, depth + 1)) : [];
        const v = callFunction(fn?.text ?? '', values, at);
        if (v) return v;
        this.noteCall(at, fn?.text ?? '');
        return unknownAt(at);
      }
      case 'for_expr':
        return node.namedChild(0) ? this.forExpr(node.namedChild(0)!, scope, at, depth) : unknownAt(at);
      case 'operation':
        return node.namedChild(0) ? this.operation(node.namedChild(0)!, scope, at, depth) : unknownAt(at);
      case 'conditional': {
        const [c, a, b] = namedChildren(node).filter((n) => n.type === 'expression');
        const cond = c ? this.expr(c, scope, depth + 1) : undefined;
        if (cond?.t === 'bool' && a && b) return this.expr(cond.v ? a : b, scope, depth + 1);
        return unknownAt(at);
      }
      default:
        return unknownAt(at);
    }
  }

  /** `[for k, v in coll : expr if cond]` and `{for k, v in coll : key => value...}` over known collections. */
  private forExpr(node: SyntaxNode, scope: Scope, at: SourceLocation, depth: number): Value {
    const parts = namedChildren(node);
    const intro = parts.find((p) => p.type === 'for_intro');
    const cond = parts.find((p) => p.type === 'for_cond');
    const exprs = parts.filter((p) => p.type === 'expression');
    if (!intro) return unknownAt(at);
    const names = namedChildren(intro).filter((p) => p.type === 'identifier').map((p) => p.text);
    const collNode = namedChildren(intro).find((p) => p.type === 'expression');
    const coll = collNode ? this.expr(collNode, scope, depth + 1) : unknownAt(at);
    const pairs: [Value, Value][] = coll.t === 'arr' ? coll.items.map((item, i) => [{ t: 'num', v: i, at: item.at }, item])
      : coll.t === 'obj' ? [...coll.props].map(([k, p]) => [{ t: 'str', v: k, at: p.at }, p.value]) : [];
    if (coll.t !== 'arr' && coll.t !== 'obj') return unknownAt(at);
    const isObject = node.type === 'for_object_expr';
    const grouped = isObject && parts.some((p) => p.type === 'ellipsis');
    const items: Value[] = [];
    const props = new Map<string, Prop>();
    for (const [k, v] of pairs.slice(0, READ_LIMITS.maxInstances)) {
      const bindings = new Map(scope.bindings ?? []);
      if (names.length >= 2) {
        bindings.set(names[0]!, k);
        bindings.set(names[1]!, v);
      } else if (names[0]) bindings.set(names[0], v);
      const inner: Scope = { ...scope, bindings };
      const c = cond ? findExpression(cond) : undefined;
      if (c) {
        const keep = this.expr(c, inner, depth + 1);
        if (keep.t !== 'bool') return unknownAt(at);
        if (!keep.v) continue;
      }
      if (!isObject) {
        items.push(exprs[0] ? this.expr(exprs[0], inner, depth + 1) : unknownAt(at));
        continue;
      }
      const key = exprs[0] ? this.expr(exprs[0], inner, depth + 1) : unknownAt(at);
      if (key.t !== 'str' && key.t !== 'num') return unknownAt(at);
      const value = exprs[1] ? this.expr(exprs[1], inner, depth + 1) : unknownAt(at);
      const name = String(key.v);
      const prev = props.get(name)?.value;
      // Grouping mode (`...`) collects the values of one key into a list; otherwise a repeated key is an error in Terraform.
      if (grouped) props.set(name, { value: { t: 'arr', items: [...(prev?.t === 'arr' ? prev.items : []), value], at }, at: key.at });
      else if (prev) return unknownAt(at);
      else props.set(name, { value, at: key.at });
    }
    return isObject ? { t: 'obj', props, at } : { t: 'arr', items, at };
  }

  /** Unary and binary operators on known operands; `&&`/`||` short-circuit on a deciding known side. */
  private operation(node: SyntaxNode, scope: Scope, at: SourceLocation, depth: number): Value {
    // The grammar does not wrap operands: `var.a == "x"` is variable_expr, get_attr, "==", literal_value.
    const children = [...Array(node.childCount).keys()].map((i) => node.child(i)!);
    const opIndex = children.findIndex((c) => !c.isNamed);
    const operator = opIndex < 0 ? '' : children[opIndex]!.type;
    const operand = (nodes: SyntaxNode[]) => {
      const named = nodes.filter((n) => n.isNamed && n.type !== 'comment');
      return named.length === 0 ? unknownAt(at) : this.sequence(named, scope, named[0]!.startIndex, named[named.length - 1]!.endIndex, depth);
    };
    if (node.type === 'unary_operation') {
      const a = operand(children.slice(opIndex + 1));
      if (operator === '!' && a.t === 'bool') return { t: 'bool', v: !a.v, at };
      if (operator === '-' && a.t === 'num') return { t: 'num', v: -a.v, at };
      return unknownAt(at);
    }
    if (opIndex < 0) return unknownAt(at);
    const a = operand(children.slice(0, opIndex));
    if (operator === '&&' && a.t === 'bool' && !a.v) return { t: 'bool', v: false, at };
    if (operator === '||' && a.t === 'bool' && a.v) return { t: 'bool', v: true, at };
    return binary(operator, a, operand(children.slice(opIndex + 1)), at);
  }

  /** A head node and its postfix operations (`var.x[0].y`), as an `expression` node holds them. */
  private sequence(parts: SyntaxNode[], scope: Scope, start: number, end: number, depth: number): Value {
    // The whole sequence's location (start to end) is made only for a reference, which is located there.
    const head = parts[0];
    if (!head) return unknownAt(scope.src.span(start, end));
    if (head.type === 'variable_expr') return this.traversal(head.text, parts.slice(1), scope, scope.src.span(start, end), depth);
    let v = this.expr(head, scope, depth + 1);
    for (const op of parts.slice(1)) v = this.postfix(v, op, scope, depth);
    return v;
  }

  private objectKey(k: SyntaxNode, scope: Scope, depth: number): string | undefined {
    const inner = k.type === 'expression' ? namedChildren(k) : [k];
    if (inner.length === 1 && inner[0]!.type === 'variable_expr') return inner[0]!.text;
    const v = this.expr(k, scope, depth + 1);
    return v.t === 'str' ? v.v : v.t === 'num' ? String(v.v) : undefined;
  }

  private template(node: SyntaxNode, scope: Scope, at: SourceLocation, depth: number): Value {
    let text = '';
    let lead: ValueRef | undefined;
    for (const part of namedChildren(node)) {
      if (part.type === 'quoted_template_start' || part.type === 'quoted_template_end') continue;
      if (part.type === 'template_literal') text += unescapeHcl(part.text);
      else if (part.type === 'escape_sequence') text += unescapeHcl(part.text);
      else if (part.type === 'template_interpolation') {
        const e = namedChildren(part).find((n) => n.type === 'expression');
        const v = e ? this.expr(e, scope, depth + 1) : unknownAt(at);
        if (v.t === 'str' || v.t === 'num' || v.t === 'bool') text += String(v.v);
        else if (text === '' && lead === undefined && v.ref) lead = v.ref;
        else return unknownAt(at);
      } else return unknownAt(at);
    }
    if (lead) return unknownAt(at, { ...lead, suffix: text });
    return { t: 'str', v: text, at };
  }

  private postfix(v: Value, op: SyntaxNode, scope: Scope, depth: number): Value {
    const at = scope.src.loc(op);
    if (op.type === 'splat') {
      // `list[*].id`: the attribute path after the star applies to every item (a single value acts as a list of one).
      const splat = op.namedChild(0);
      const list = v.t === 'arr' ? v.items : v.t === 'null' ? [] : v.t === 'unknown' ? undefined : [v];
      if (!splat || !list) return unknownAt(at);
      const path = namedChildren(splat);
      return { t: 'arr', items: list.map((item) => path.reduce((acc, p) => this.postfix(acc, p, scope, depth), item)), at };
    }
    if (op.type === 'get_attr') {
      const name = op.namedChild(0)?.text ?? '';
      return access(v, name, at);
    }
    if (op.type === 'index') {
      const e = findExpression(op);
      const k = e ? this.expr(e, scope, depth + 1) : undefined;
      if (k?.t === 'num' || k?.t === 'str') return access(v, k.v, at);
    }
    return unknownAt(at);
  }

  private traversal(root: string, ops: SyntaxNode[], scope: Scope, at: SourceLocation, depth: number): Value {
    const first = ops[0]?.type === 'get_attr' ? ops[0].namedChild(0)?.text : undefined;
    let v: Value;
    let rest = ops.slice(1);
    const bound = scope.bindings?.get(root);
    if (bound) {
      v = bound;
      rest = ops;
    } else if (root === 'var' && first) v = this.named('var', first, at, depth);
    else if (root === 'local' && first) v = this.named('local', first, at, depth);
    else if (root === 'each' && first === 'key') v = scope.eachKey ?? unknownAt(at);
    else if (root === 'each' && first === 'value') v = scope.eachValue ?? unknownAt(at);
    else if (root === 'count' && first === 'index') v = scope.countIndex ?? unknownAt(at);
    else if (root === 'module' && first) return this.moduleRef(first, rest, scope, at, depth);
    else if (first && this.blocks.has(`${root}.${first}`)) return this.resourceRef(`${root}.${first}`, rest, scope, at, depth);
    else {
      v = unknownAt(at);
      rest = [];
    }
    for (const op of rest) v = this.postfix(v, op, scope, depth);
    return v;
  }

  private resourceRef(base: string, ops: SyntaxNode[], scope: Scope, at: SourceLocation, depth: number): Value {
    const picked = this.pickInstance(base, this.instances.has(base), ops, scope, depth);
    if (!picked) return unknownAt(at);
    const { address, rest } = picked;
    if (address === base && !this.instances.has(base)) {
      // `azurerm_subnet.this` of a resource with count or for_each: its instances as a list or a map.
      const all = this.resourceInstances(base, at);
      if (!all) return unknownAt(at);
      let v = all;
      for (const op of rest) v = this.postfix(v, op, scope, depth);
      return v;
    }
    const inst = this.instances.get(address);
    if (!inst) return unknownAt(at);
    const path: string[] = [];
    for (const op of rest) {
      if (op.type !== 'get_attr') break;
      path.push(op.namedChild(0)?.text ?? '');
    }
    if (path.length === 0 || path[0] === 'id' || path[0] === 'output') return unknownAt(at, { target: inst.id, path });
    let v: Value = { ...this.instanceBody(inst), ref: { target: inst.id, path: [] } };
    for (const op of rest) v = this.postfix(v, op, scope, depth);
    return v;
  }

  /** Every instance of a counted or for_each resource, each its body tagged with the instance (for `.id`). */
  private resourceInstances(base: string, at: SourceLocation): Value | undefined {
    const keyed = instancesOf(base, this.instances);
    if (keyed.length === 0) return undefined;
    return collection(keyed.map(([k, inst]) => [k, { ...this.instanceBody(inst), ref: { target: inst.id, path: [] } } as Value]), at);
  }

  private named(kind: 'var' | 'local', name: string, at: SourceLocation, depth: number): Value {
    const key = `${kind}.${name}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    const input = kind === 'var' ? this.place?.inputs.get(name) : undefined;
    const decl = (kind === 'var' ? this.vars : this.locals).get(name);
    if ((!input && !decl?.node) || this.inProgress.has(key)) return unknownAt(decl?.at ?? at);
    this.inProgress.add(key);
    // A value the caller passes wins over the default; null means "use the default", as in Terraform.
    let v = input ? input() : unknownAt(at);
    if ((!input || v.t === 'null') && decl?.node) v = this.expr(decl.node, { src: decl.src }, depth + 1);
    this.inProgress.delete(key);
    this.memo.set(key, v);
    return v;
  }
}

interface Attr {
  readonly attr: SyntaxNode;
  readonly expr: SyntaxNode;
}

function attributes(body: SyntaxNode): Map<string, Attr> {
  const out = new Map<string, Attr>();
  for (const a of namedChildren(body)) {
    if (a.type !== 'attribute') continue;
    const [name, expr] = namedChildren(a);
    if (name && expr && !out.has(name.text)) out.set(name.text, { attr: a, expr });
  }
  return out;
}

/** `nodes` without comments (the same array when there are none, which is nearly always). */
function withoutComments(nodes: SyntaxNode[]): SyntaxNode[] {
  for (const n of nodes) if (n.type === 'comment') return nodes.filter(isNotComment);
  return nodes;
}

function isNotComment(n: SyntaxNode): boolean {
  return n.type !== 'comment';
}

function findExpression(node: SyntaxNode): SyntaxNode | undefined {
  for (const c of namedChildren(node)) {
    if (c.type === 'expression') return c;
    const inner = findExpression(c);
    if (inner) return inner;
  }
  return undefined;
}

function literalString(node: SyntaxNode): string {
  let out = '';
  for (const c of namedChildren(node)) {
    if (c.type === 'template_literal' || c.type === 'escape_sequence') out += unescapeHcl(c.text);
  }
  return out;
}

function unescapeHcl(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(["\\nrt]|u[0-9a-fA-F]{4})/g, (_, e: string) =>
    e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e.startsWith('u') ? String.fromCharCode(parseInt(e.slice(1), 16)) : e);
}

function splitAt(typeText: string): [string, string | undefined] {
  const i = typeText.indexOf('@');
  return i < 0 ? [typeText, undefined] : [typeText.slice(0, i), typeText.slice(i + 1)];
}

/** The instances of a `for_each`: a map's entries, or a set of strings keyed by themselves. */
function forEachEntries(v: Value): [string, Value][] | undefined {
  if (v.t === 'obj') return [...v.props].map(([k, p]) => [k, p.value]);
  if (v.t === 'arr' && v.items.every((i) => i.t === 'str')) return v.items.map((i) => [(i as { v: string }).v, i]);
  return undefined;
}

/** Terraform's binary operators on known values; anything involving an unknown is unknown. */
function binary(op: string, a: Value, b: Value, at: SourceLocation): Value {
  if (op === '==' || op === '!=') {
    if (a.t === 'unknown' || b.t === 'unknown') return unknownAt(at);
    const same = sameValue(a, b);
    if (same === undefined) return unknownAt(at);
    return { t: 'bool', v: op === '==' ? same : !same, at };
  }
  if ((op === '&&' || op === '||') && a.t === 'bool' && b.t === 'bool') return { t: 'bool', v: op === '&&' ? a.v && b.v : a.v || b.v, at };
  if (a.t !== 'num' || b.t !== 'num') return unknownAt(at);
  switch (op) {
    case '+': return { t: 'num', v: a.v + b.v, at };
    case '-': return { t: 'num', v: a.v - b.v, at };
    case '*': return { t: 'num', v: a.v * b.v, at };
    case '/': return b.v === 0 ? unknownAt(at) : { t: 'num', v: a.v / b.v, at };
    case '%': return b.v === 0 ? unknownAt(at) : { t: 'num', v: a.v % b.v, at };
    case '<': return { t: 'bool', v: a.v < b.v, at };
    case '<=': return { t: 'bool', v: a.v <= b.v, at };
    case '>': return { t: 'bool', v: a.v > b.v, at };
    case '>=': return { t: 'bool', v: a.v >= b.v, at };
    default: return unknownAt(at);
  }
}

/** Equality of known scalars (and null); undefined for collections, which are not compared here. */
function sameValue(a: Value, b: Value): boolean | undefined {
  if (a.t === 'null' || b.t === 'null') return a.t === b.t;
  if (a.t === 'str' || a.t === 'num' || a.t === 'bool') return b.t === a.t ? a.v === (b as typeof a).v : false;
  return undefined;
}

/**
 * A resource block's `count` and `for_each` (the first of each, as in `attributes`), read once: expanding
 * it and ordering the expansion both ask. Only those two are looked for, and a name of another length is
 * skipped without reading its text: this runs for every resource.
 */
function blockAttributes(block: ResourceBlock): ReadonlyMap<string, Attr> {
  if (block.attributes) return block.attributes;
  const out = new Map<string, Attr>();
  for (const a of block.body ? namedChildren(block.body) : []) {
    if (a.type !== 'attribute') continue;
    const [name, expr] = namedChildren(a);
    const length = name ? name.endIndex - name.startIndex : 0;
    if (length !== 5 && length !== 8) continue;
    const text = name!.text;
    if ((text === 'count' || text === 'for_each') && expr && !out.has(text)) out.set(text, { attr: a, expr });
  }
  block.attributes = out;
  return out;
}

/** Does a resource's count or for_each read `module.…`? Such a resource waits for the modules to expand. */
function readsModule(attrs: ReadonlyMap<string, Attr>): boolean {
  const expr = attrs.get('for_each')?.expr ?? attrs.get('count')?.expr;
  const visit = (n: SyntaxNode, depth: number): boolean =>
    depth < READ_LIMITS.maxDepth && ((n.type === 'variable_expr' && n.text === 'module') || namedChildren(n).some((c) => visit(c, depth + 1)));
  return expr ? visit(expr, 0) : false;
}

/**
 * A stand-in module's resource with every location inside the stand-in moved onto the module call: findings
 * about what the module deploys are shown on the call, and values the caller passed keep their own places.
 */
function relocateResource(r: IacResource, at: SourceLocation): IacResource {
  const move = (l: SourceLocation) => (l.file.startsWith(`${MODEL_ROOT}/`) ? at : l);
  return { ...r, at: move(r.at), extent: move(r.extent), ...(r.typeAt ? { typeAt: move(r.typeAt) } : {}), body: relocate(r.body, at) as ObjValue };
}

function relocate(v: Value, at: SourceLocation, depth = 0): Value {
  const inModel = (l: SourceLocation) => l.file.startsWith(`${MODEL_ROOT}/`);
  const here = inModel(v.at) ? at : v.at;
  if (depth > READ_LIMITS.maxDepth) return { ...v, at: here } as Value;
  if (v.t === 'arr') return { ...v, at: here, items: v.items.map((i) => relocate(i, at, depth + 1)) };
  if (v.t === 'obj') {
    const props = new Map<string, Prop>();
    // A stand-in's `address_prefixes = var.x` is shown where the caller wrote the value, else on the call.
    for (const [k, p] of v.props) props.set(k, { value: relocate(p.value, at, depth + 1), at: !inModel(p.at) ? p.at : !inModel(p.value.at) ? p.value.at : at });
    return { ...v, at: here, props };
  }
  return here === v.at ? v : ({ ...v, at: here } as Value);
}

/** The instances of `base[…]` in a map keyed by address, with the index as written inside the brackets. */
function instancesOf<T>(base: string, byAddress: ReadonlyMap<string, T>): [string, T][] {
  const prefix = `${base}[`;
  return [...byAddress].filter(([address]) => address.startsWith(prefix)).map(([address, v]) => [address.slice(prefix.length, -1), v]);
}

/** Counted instances (`0`, `1`…) as a list, for_each instances (`"k"`) as a map, as Terraform exposes them. */
function collection(entries: readonly (readonly [string, Value])[], at: SourceLocation): Value {
  if (entries.every(([k]) => /^\d+$/.test(k))) return { t: 'arr', items: entries.map(([, v]) => v), at };
  return { t: 'obj', props: new Map(entries.map(([k, v]) => [JSON.parse(k) as string, { value: v, at }])), at };
}
