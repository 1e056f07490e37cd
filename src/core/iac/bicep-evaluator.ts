// Statically evaluates a Bicep file and the modules it calls: params with defaults (or the call site's
// arguments, or a .bicepparam file's values), vars, `for` loops and `if` conditions that evaluate, parent/child
// and nested resources, references (`vnet.id`, `net.outputs.x`, `nets[0].outputs.x`), operators (`??`, `==`,
// `&&`, `!`…), map/filter lambdas, and AVM network modules read by their documented parameters. Anything else stays unknown.
import type { SourceLocation } from '../model/source-range';
import { isRegistryModule, readAvmCall, registryModuleNote } from './bicep-avm';
import { callBicepFunction, notUnderstood } from './hcl-functions';
import { idPart, SourceText, type IacDiagnostic, type IacResource } from './iac-resource';
import { access, propOf, unknownAt, type ObjValue, type Prop, type Value, type ValueRef } from './iac-value';
import { Budget, READ_LIMITS } from './read-limits';
import { hasToken, namedChildren, type SyntaxNode, type SyntaxTree } from './syntax-node';

export interface BicepFile {
  readonly file: string;
  readonly text: string;
  readonly tree: SyntaxTree;
}

interface ResourceDecl {
  readonly symbol: string;
  readonly node: SyntaxNode;
  readonly typeNode: SyntaxNode;
  /** The value after `=`: object, for_statement or if_statement. */
  readonly valueNode: SyntaxNode | undefined;
  readonly parentSymbol?: string;
  readonly existing: boolean;
}

interface ModuleDecl {
  readonly symbol: string;
  readonly node: SyntaxNode;
  readonly path: string;
  readonly pathNode: SyntaxNode;
  readonly valueNode: SyntaxNode | undefined;
}

/** One instance of a module call: a local file evaluated with its arguments, or an AVM call's outputs. */
type ModuleInstance = FileContext | ObjValue;

interface Instance {
  readonly key: string;
  readonly decl: ResourceDecl;
  readonly bodyNode: SyntaxNode;
  readonly loop: ReadonlyMap<string, Value>;
  body?: ObjValue;
  evaluating?: boolean;
}

/** One evaluated file: the entry file, or one call of a module (a module called twice is two contexts). */
class FileContext {
  readonly params = new Map<string, SyntaxNode | undefined>();
  readonly vars = new Map<string, SyntaxNode>();
  readonly outputs = new Map<string, SyntaxNode>();
  readonly resources = new Map<string, ResourceDecl>();
  readonly modules = new Map<string, ModuleDecl>();
  /** Resource instances by symbol: one for a plain resource, one per element for a loop. */
  readonly instances = new Map<string, Instance[]>();
  readonly moduleInstances = new Map<string, ModuleInstance[]>();
  readonly memo = new Map<string, Value>();
  readonly inProgress = new Set<string>();

  constructor(readonly src: SourceText, readonly prefix: string, readonly args: ReadonlyMap<string, Value>, readonly depth: number) {}
}

interface Scope {
  readonly ctx: FileContext;
  readonly loop: ReadonlyMap<string, Value>;
}

export class BicepEvaluator {
  readonly diagnostics: IacDiagnostic[] = [];
  private readonly resources: IacResource[] = [];
  private moduleFiles = 0;
  /** Calls already noted as not understood: a call in a loop body is evaluated once per instance. */
  private readonly notedCalls = new Set<string>();

  /** `refused`: module files the host would not read (a FIFO, outside the folder), with why. */
  constructor(private readonly files: ReadonlyMap<string, BicepFile>, private readonly budget: Budget, private readonly refused: ReadonlyMap<string, string> = new Map()) {}

  /** Evaluates `entry`; `args` are its parameter values from a .bicepparam file, when there is one. */
  evaluate(entry: string, args: ReadonlyMap<string, Value> = new Map()): IacResource[] {
    const f = this.files.get(entry);
    if (!f) return [];
    this.evaluateFile(f, '', args, 0);
    return this.resources;
  }

  /**
   * The values a .bicepparam file assigns (its `param x = …` rewritten to `var`, see bicepParamAsBicep),
   * evaluated like the template's own variables.
   */
  paramValues(file: BicepFile, names: readonly string[]): Map<string, Value> {
    const ctx = new FileContext(new SourceText(file.file, file.text), '', new Map(), 0);
    this.collect(ctx, file.tree.rootNode);
    const out = new Map<string, Value>();
    // An assignment that does not evaluate (readEnvironmentVariable, getSecret) is unknown, not the default.
    for (const name of names) out.set(name, this.memoised(ctx, `var:${name}`, ctx.vars.get(name), ctx.src.loc(file.tree.rootNode), 0));
    return out;
  }

  private evaluateFile(f: BicepFile, prefix: string, args: ReadonlyMap<string, Value>, depth: number): FileContext {
    const ctx = new FileContext(new SourceText(f.file, f.text), prefix, args, depth);
    this.collect(ctx, f.tree.rootNode);
    for (const decl of ctx.resources.values()) this.expandResource(ctx, decl);
    for (const decl of ctx.modules.values()) if (!ctx.moduleInstances.has(decl.symbol)) this.expandModule(ctx, decl);
    for (const list of ctx.instances.values()) for (const inst of list) this.resources.push(this.toResource(ctx, inst));
    return ctx;
  }

  private collect(ctx: FileContext, root: SyntaxNode): void {
    for (const node of namedChildren(root)) {
      if (!this.budget.step()) return;
      const parts = namedChildren(node);
      const name = parts[0]?.type === 'identifier' ? parts[0].text : undefined;
      if (!name) continue;
      switch (node.type) {
        case 'parameter_declaration':
          ctx.params.set(name, parts.find((p, i) => i > 1 && p.type !== 'type' && p.type !== 'comment'));
          break;
        case 'variable_declaration':
          if (parts[1]) ctx.vars.set(name, parts[parts.length - 1]!);
          break;
        case 'output_declaration':
          if (parts.length >= 2) ctx.outputs.set(name, parts[parts.length - 1]!);
          break;
        case 'resource_declaration':
          this.collectResource(ctx, node, undefined);
          break;
        case 'module_declaration': {
          const path = parts[1]?.type === 'string' ? stringText(parts[1]) : undefined;
          if (path !== undefined) ctx.modules.set(name, { symbol: name, node, path, pathNode: parts[1]!, valueNode: parts[2] });
          break;
        }
      }
    }
  }

  private collectResource(ctx: FileContext, node: SyntaxNode, parentSymbol: string | undefined, depth = 0): void {
    const parts = namedChildren(node);
    const symbol = parts[0]?.text;
    const typeNode = parts[1];
    if (!symbol || typeNode?.type !== 'string' || ctx.resources.has(symbol)) return;
    const valueNode = parts[2];
    ctx.resources.set(symbol, { symbol, node, typeNode, valueNode, existing: hasToken(node, 'existing'), ...(parentSymbol ? { parentSymbol } : {}) });
    // Nested child resources are declared as properties of the parent's body.
    const body = valueNode ? bodyObject(valueNode) : undefined;
    if (!body || depth > 8) return;
    for (const prop of namedChildren(body)) {
      const child = prop.type === 'object_property' ? namedChildren(prop).find((c) => c.type === 'resource_declaration') : undefined;
      if (child) this.collectResource(ctx, child, symbol, depth + 1);
    }
  }

  /** Object, `if (c) {…}` or `[for … : {…}]` after `=`: the instances it stands for. */
  private instancesOf(valueNode: SyntaxNode | undefined, scope: Scope): { suffix: string; loop: ReadonlyMap<string, Value>; body: SyntaxNode }[] {
    if (!valueNode) return [];
    if (valueNode.type === 'object') return [{ suffix: '', loop: scope.loop, body: valueNode }];
    if (valueNode.type === 'if_statement') {
      const [cond, body] = namedChildren(valueNode);
      const c = cond ? this.expr(cond, scope, 0) : undefined;
      if (c?.t === 'bool' && !c.v) return [];
      return body ? this.instancesOf(body, scope) : [];
    }
    if (valueNode.type === 'for_statement') {
      const loop = this.forLoop(valueNode, scope);
      if (!loop) {
        this.note(scope.ctx, valueNode, 'The list this loop runs over cannot be evaluated statically; the resources or modules it creates are not checked.');
        return [];
      }
      const out: { suffix: string; loop: ReadonlyMap<string, Value>; body: SyntaxNode }[] = [];
      for (const [i, vars] of loop.iterations.entries()) {
        for (const inst of this.instancesOf(loop.body, { ctx: scope.ctx, loop: vars })) out.push({ ...inst, suffix: `.${i}` });
      }
      return out;
    }
    return [];
  }

  private forLoop(node: SyntaxNode, scope: Scope): { body: SyntaxNode; iterations: Map<string, Value>[] } | undefined {
    const body = node.childForFieldName('body');
    const init = node.childForFieldName('initializer');
    const params = namedChildren(node).find((n) => n.type === 'for_loop_parameters');
    const itemVar = init?.text ?? params?.namedChild(0)?.text;
    const indexVar = params?.namedChild(1)?.text;
    const taken = new Set([init?.startIndex, params?.startIndex, body?.startIndex]);
    // Nodes are fresh wrapper objects on every access: compare positions, not identity.
    const iterable = namedChildren(node).find((n) => !taken.has(n.startIndex) && n.type !== 'comment');
    if (!body || !itemVar || !iterable) return undefined;
    const list = this.expr(iterable, scope, 0);
    if (list.t !== 'arr') return undefined;
    const iterations = list.items.slice(0, READ_LIMITS.maxInstances).map((item, i) => {
      const vars = new Map(scope.loop);
      vars.set(itemVar, item);
      if (indexVar) vars.set(indexVar, { t: 'num', v: i, at: item.at });
      return vars;
    });
    return { body, iterations };
  }

  private expandResource(ctx: FileContext, decl: ResourceDecl): void {
    const found = this.instancesOf(decl.valueNode, { ctx, loop: new Map() });
    ctx.instances.set(decl.symbol, found.map((f) => ({ key: `${ctx.prefix}${decl.symbol}${f.suffix}`, decl, bodyNode: f.body, loop: f.loop })));
  }

  private expandModule(ctx: FileContext, decl: ModuleDecl): void {
    // Set first: a module whose arguments read its own outputs must not expand twice.
    const out: ModuleInstance[] = [];
    ctx.moduleInstances.set(decl.symbol, out);
    if (isRegistryModule(decl.path)) return this.expandRegistryModule(ctx, decl, out);
    const target = joinPath(dirname(ctx.src.file), decl.path);
    const file = this.files.get(target);
    const why = this.refused.get(target);
    if (!file && why !== undefined) return this.note(ctx, decl.node, `Module '${decl.path}' is not read: ${why}; its resources are not checked.`);
    if (!file) return this.note(ctx, decl.node, `Module '${decl.path}' was not found; its resources are not checked.`);
    if (ctx.depth >= 8 || this.moduleFiles >= READ_LIMITS.maxModuleFiles) return this.note(ctx, decl.node, 'Too many nested modules; the rest are not checked.');
    for (const inst of this.instancesOf(decl.valueNode, { ctx, loop: new Map() })) {
      this.moduleFiles++;
      out.push(this.evaluateFile(file, `${ctx.prefix}${idPart(decl.symbol)}${inst.suffix}.`, this.moduleArgs(ctx, inst), ctx.depth + 1));
    }
  }

  /** `br/public:avm/res/network/…` calls become the resources the module documents; other registry modules are a note. */
  private expandRegistryModule(ctx: FileContext, decl: ModuleDecl, out: ModuleInstance[]): void {
    const at = ctx.src.span(decl.node.startIndex, decl.pathNode.endIndex);
    for (const inst of this.instancesOf(decl.valueNode, { ctx, loop: new Map() })) {
      const key = `${ctx.prefix}${idPart(decl.symbol)}${inst.suffix}`;
      const params = this.objectValue(inst.body, { ctx, loop: inst.loop }, 0);
      const read = readAvmCall(decl.path, {
        key, params: propOf(params, 'params')?.value ?? unknownAt(at), at, extent: ctx.src.loc(decl.node), pathAt: ctx.src.loc(decl.pathNode),
        ...(ctx.prefix === '' && inst.suffix === '' ? { address: decl.symbol } : {}),
      });
      if (!read) return this.note(ctx, decl.node, registryModuleNote(decl.path));
      this.resources.push(...read.resources);
      out.push(read.outputs);
    }
  }

  private moduleArgs(ctx: FileContext, inst: { loop: ReadonlyMap<string, Value>; body: SyntaxNode }): Map<string, Value> {
    const body = this.objectValue(inst.body, { ctx, loop: inst.loop }, 0);
    const params = propOf(body, 'params')?.value;
    const args = new Map<string, Value>();
    if (params?.t === 'obj') for (const [k, p] of params.props) args.set(k, p.value);
    return args;
  }

  /** An information note on a declaration the reader could not follow, so nothing is skipped silently. */
  private note(ctx: FileContext, node: SyntaxNode, message: string): void {
    this.diagnostics.push({ file: ctx.src.file, range: ctx.src.loc(node).range, severity: 'info', message });
  }

  private noteCall(at: SourceLocation, name: string): void {
    const key = `${at.file}:${at.range.start.line}:${at.range.start.character}`;
    if (this.notedCalls.has(key)) return;
    this.notedCalls.add(key);
    this.diagnostics.push({ file: at.file, range: at.range, severity: 'info', message: notUnderstood(name) });
  }

  private instanceBody(ctx: FileContext, inst: Instance): ObjValue {
    if (inst.body) return inst.body;
    const at = ctx.src.loc(inst.decl.node);
    if (inst.evaluating) return { t: 'obj', props: new Map(), at };
    inst.evaluating = true;
    const v = this.objectValue(inst.bodyNode, { ctx, loop: inst.loop }, 0);
    inst.body = v.t === 'obj' ? v : { t: 'obj', props: new Map(), at };
    inst.evaluating = false;
    return inst.body;
  }

  private toResource(ctx: FileContext, inst: Instance): IacResource {
    const { decl } = inst;
    const body = this.instanceBody(ctx, inst);
    const [rawType, apiVersion] = splitAt(stringText(decl.typeNode) ?? '');
    let type = rawType;
    let version = apiVersion;
    let parentKey: string | undefined;
    if (decl.parentSymbol) {
      const parent = ctx.resources.get(decl.parentSymbol);
      const [pType, pVersion] = splitAt(parent ? stringText(parent.typeNode) ?? '' : '');
      if (!rawType.includes('/') || !rawType.includes('.')) type = `${pType}/${rawType}`;
      version ??= pVersion;
      const parents = ctx.instances.get(decl.parentSymbol) ?? [];
      if (parents.length === 1) parentKey = parents[0]!.key;
    }
    const parentRef = body.props.get('parent')?.value.ref;
    if (parentRef && parentRef.path.length === 0) parentKey = parentRef.target;
    const nameNode = decl.node.namedChild(0)!;
    return {
      key: inst.key, flavour: 'arm', type, ...(version ? { apiVersion: version } : {}), typeAt: ctx.src.loc(decl.typeNode), body,
      extent: ctx.src.loc(decl.node), ...(ctx.prefix === '' && inst.key === decl.symbol ? { address: decl.symbol } : {}),
      at: ctx.src.span(decl.node.startIndex, nameNode.endIndex), ...(parentKey ? { parentKey } : {}), ...(decl.existing ? { existing: true } : {}),
    };
  }

  // ---- expressions -------------------------------------------------------------------------------

  private objectValue(node: SyntaxNode, scope: Scope, depth: number): Value {
    return this.expr(node, scope, depth);
  }

  expr(node: SyntaxNode, scope: Scope, depth: number): Value {
    const src = scope.ctx.src;
    const at = src.loc(node);
    if (depth > READ_LIMITS.maxDepth || !this.budget.step()) {
      if (depth > READ_LIMITS.maxDepth) this.budget.deepestHit = true;
      return unknownAt(at);
    }
    switch (node.type) {
      case 'string':
        return this.stringValue(node, scope, at, depth);
      case 'number': {
        const n = Number(node.text);
        return Number.isFinite(n) ? { t: 'num', v: n, at } : unknownAt(at);
      }
      case 'boolean':
        return { t: 'bool', v: node.text === 'true', at };
      case 'null':
        return { t: 'null', at };
      case 'array':
        return { t: 'arr', items: namedChildren(node).filter((n) => n.type !== 'comment').map((n) => this.expr(n, scope, depth + 1)), at };
      case 'object': {
        const props = new Map<string, Prop>();
        for (const p of namedChildren(node)) {
          if (p.type !== 'object_property') continue;
          const [k, v] = namedChildren(p);
          if (!k || !v || v.type === 'resource_declaration') continue;
          const key = k.type === 'identifier' ? k.text : k.type === 'string' ? stringText(k) : undefined;
          if (key !== undefined) props.set(key, { value: this.expr(v, scope, depth + 1), at: src.loc(p) });
        }
        return { t: 'obj', props, at };
      }
      case 'parenthesized_expression':
        return node.namedChild(0) ? this.expr(node.namedChild(0)!, scope, depth + 1) : unknownAt(at);
      case 'identifier':
        return this.identifier(node.text, scope, at, depth);
      case 'member_expression': {
        const obj = node.childForFieldName('object');
        const prop = node.childForFieldName('property')?.text;
        if (!obj || !prop) return unknownAt(at);
        if (obj.type === 'member_expression' && obj.childForFieldName('property')?.text === 'outputs') {
          const out = this.moduleOutputOf(obj.childForFieldName('object'), prop, scope, at, depth);
          if (out) return out;
        }
        return access(this.expr(obj, scope, depth + 1), prop, at);
      }
      case 'subscript_expression': {
        const obj = node.childForFieldName('object');
        const index = node.childForFieldName('index');
        if (!obj || !index) return unknownAt(at);
        const k = this.expr(index, scope, depth + 1);
        if (obj.type === 'identifier' && k.t === 'num') {
          const list = scope.ctx.instances.get(obj.text);
          if (list && !scope.loop.has(obj.text) && scope.ctx.resources.get(obj.text)?.valueNode?.type === 'for_statement') {
            const inst = list[k.v];
            return inst ? { ...this.instanceBody(scope.ctx, inst), ref: { target: inst.key, path: [] } } : unknownAt(at);
          }
        }
        const base = this.expr(obj, scope, depth + 1);
        return k.t === 'num' || k.t === 'str' ? access(base, k.v, at) : unknownAt(at);
      }
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        const argNodes = args ? namedChildren(args).filter((n) => n.type !== 'comment') : [];
        const name = (fn?.text ?? '').replace(/^(az|sys)\./, '');
        if ((name === 'map' || name === 'filter') && argNodes.length === 2) return this.lambdaCall(name, argNodes[0]!, argNodes[1]!, scope, at, depth);
        const values = argNodes.map((n) => this.expr(n, scope, depth + 1));
        // `az.resourceId(…)` and `sys.concat(…)` name the same functions through their namespace.
        const v = callBicepFunction(name, values, at);
        if (v) return v;
        this.noteCall(at, fn?.text ?? '');
        return unknownAt(at);
      }
      case 'binary_expression': {
        const [l, r] = namedChildren(node).filter((n) => n.type !== 'comment');
        const op = operatorOf(node);
        if (!l || !r || !op) return unknownAt(at);
        return binary(op, this.expr(l, scope, depth + 1), () => this.expr(r, scope, depth + 1), at);
      }
      case 'unary_expression': {
        const operand = node.namedChild(0);
        const v = operand ? this.expr(operand, scope, depth + 1) : unknownAt(at);
        const op = operatorOf(node);
        if (op === '!' && v.t === 'bool') return { t: 'bool', v: !v.v, at };
        if (op === '-' && v.t === 'num') return { t: 'num', v: -v.v, at };
        return unknownAt(at);
      }
      case 'ternary_expression': {
        const c = node.childForFieldName('condition');
        const cond = c ? this.expr(c, scope, depth + 1) : undefined;
        const branch = cond?.t === 'bool' ? node.childForFieldName(cond.v ? 'consequence' : 'alternative') : null;
        return branch ? this.expr(branch, scope, depth + 1) : unknownAt(at);
      }
      case 'for_statement': {
        const loop = this.forLoop(node, scope);
        if (!loop) return unknownAt(at);
        const out: Value[] = [];
        for (const vars of loop.iterations) {
          const body = loop.body.type === 'if_statement' ? undefined : loop.body;
          if (!body) return unknownAt(at);
          out.push(this.expr(body, { ctx: scope.ctx, loop: vars }, depth + 1));
        }
        return { t: 'arr', items: out, at };
      }
      default:
        return unknownAt(at);
    }
  }

  private identifier(name: string, scope: Scope, at: SourceLocation, depth: number): Value {
    const { ctx } = scope;
    const loopVar = scope.loop.get(name);
    if (loopVar) return loopVar;
    if (ctx.params.has(name)) {
      const arg = ctx.args.get(name);
      if (arg) return arg;
      return this.memoised(ctx, `param:${name}`, ctx.params.get(name), at, depth);
    }
    if (ctx.vars.has(name)) return this.memoised(ctx, `var:${name}`, ctx.vars.get(name), at, depth);
    const list = ctx.instances.get(name);
    if (list && ctx.resources.get(name)?.valueNode?.type !== 'for_statement') {
      const inst = list[0];
      if (inst) return { ...this.instanceBody(ctx, inst), ref: { target: inst.key, path: [] } };
    }
    return unknownAt(at);
  }

  /** `map(list, x => …)` and `filter(list, (x, i) => …)` over a list that evaluates; unknown otherwise. */
  private lambdaCall(name: 'map' | 'filter', listNode: SyntaxNode, fnNode: SyntaxNode, scope: Scope, at: SourceLocation, depth: number): Value {
    const list = this.expr(listNode, scope, depth + 1);
    const lambda = lambdaParts(fnNode);
    if (list.t !== 'arr' || !lambda) return unknownAt(at);
    const out: Value[] = [];
    for (const [i, item] of list.items.slice(0, READ_LIMITS.maxInstances).entries()) {
      const vars = new Map(scope.loop);
      vars.set(lambda.params[0] ?? '', item);
      if (lambda.params[1]) vars.set(lambda.params[1], { t: 'num', v: i, at: item.at });
      const inner = { ctx: scope.ctx, loop: vars };
      let v = this.expr(lambda.body, inner, depth + 1);
      for (const step of lambda.steps) {
        const key = step.type === 'member_expression' ? step.childForFieldName('property')?.text : undefined;
        const index = step.type === 'subscript_expression' ? step.childForFieldName('index') : null;
        const k = key !== undefined ? { t: 'str' as const, v: key } : index ? this.expr(index, inner, depth + 1) : undefined;
        v = k && (k.t === 'str' || k.t === 'num') ? access(v, k.v, at) : unknownAt(at);
      }
      if (name === 'map') out.push(v);
      else if (v.t !== 'bool') return unknownAt(at);
      else if (v.v) out.push(item);
    }
    return { t: 'arr', items: out, at };
  }

  /** `mod.outputs.x` or `mods[i].outputs.x`; undefined when `modNode` is not a module of this file. */
  private moduleOutputOf(modNode: SyntaxNode | null, output: string, scope: Scope, at: SourceLocation, depth: number): Value | undefined {
    let symbol: string | undefined;
    let index: Value = { t: 'num', v: 0, at };
    if (modNode?.type === 'identifier') symbol = modNode.text;
    else if (modNode?.type === 'subscript_expression' && modNode.childForFieldName('object')?.type === 'identifier') {
      symbol = modNode.childForFieldName('object')!.text;
      const i = modNode.childForFieldName('index');
      index = i ? this.expr(i, scope, depth + 1) : unknownAt(at);
    }
    const decl = symbol !== undefined && !scope.loop.has(symbol) ? scope.ctx.modules.get(symbol) : undefined;
    if (!decl) return undefined;
    if (index.t !== 'num') return unknownAt(at);
    // Outputs read while the caller's resources are still being expanded: expand the module now.
    if (!scope.ctx.moduleInstances.has(decl.symbol)) this.expandModule(scope.ctx, decl);
    const mod = scope.ctx.moduleInstances.get(decl.symbol)?.[index.v];
    if (!mod) return unknownAt(at);
    if (!(mod instanceof FileContext)) return propOf(mod, output)?.value ?? unknownAt(at);
    const node = mod.outputs.get(output);
    return node ? this.memoised(mod, `output:${output}`, node, at, depth) : unknownAt(at);
  }

  private memoised(ctx: FileContext, key: string, node: SyntaxNode | undefined, at: SourceLocation, depth: number): Value {
    const cached = ctx.memo.get(key);
    if (cached) return cached;
    if (!node || ctx.inProgress.has(key)) return unknownAt(at);
    ctx.inProgress.add(key);
    const v = this.expr(node, { ctx, loop: new Map() }, depth + 1);
    ctx.inProgress.delete(key);
    ctx.memo.set(key, v);
    return v;
  }

  private stringValue(node: SyntaxNode, scope: Scope, at: SourceLocation, depth: number): Value {
    let text = '';
    let lead: ValueRef | undefined;
    for (const part of namedChildren(node)) {
      if (part.type === 'string_content') text += part.text;
      else if (part.type === 'escape_sequence') text += unescapeBicep(part.text);
      else if (part.type === 'interpolation') {
        const inner = part.namedChild(0);
        const v = inner ? this.expr(inner, scope, depth + 1) : unknownAt(at);
        if (v.t === 'str' || v.t === 'num' || v.t === 'bool') text += String(v.v);
        else if (text === '' && lead === undefined && v.ref) lead = v.ref;
        else return unknownAt(at);
      }
    }
    if (lead) return unknownAt(at, { ...lead, suffix: text });
    return { t: 'str', v: text, at };
  }
}

/**
 * A lambda's parameter names and body. The grammar parses `x => x.a.b` as `(x => x).a.b`, so member and
 * index steps wrapped around the lambda belong to its body and are returned to apply after it.
 */
function lambdaParts(node: SyntaxNode): { params: string[]; body: SyntaxNode; steps: SyntaxNode[] } | undefined {
  const steps: SyntaxNode[] = [];
  let cur: SyntaxNode | null = node;
  while (cur && (cur.type === 'member_expression' || cur.type === 'subscript_expression')) {
    steps.unshift(cur);
    cur = cur.childForFieldName('object');
  }
  if (cur?.type !== 'lambda_expression') return undefined;
  const [head, body] = namedChildren(cur).filter((n) => n.type !== 'comment');
  if (!head || !body) return undefined;
  const params = head.type === 'identifier' ? [head.text] : namedChildren(head).filter((n) => n.type === 'identifier').map((n) => n.text);
  return { params, body, steps };
}

/** The operator token of a binary or unary expression (`??`, `==`, `!`…). */
function operatorOf(node: SyntaxNode): string | undefined {
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (c && !c.isNamed && c.type !== '(' && c.type !== ')') return c.type;
  }
  return undefined;
}

/** Bicep's binary operators on known values; an unknown operand makes the result unknown unless it cannot matter. */
function binary(op: string, l: Value, right: () => Value, at: SourceLocation): Value {
  const b = (v: boolean): Value => ({ t: 'bool', v, at });
  if (op === '??') return l.t === 'null' ? right() : l.t === 'unknown' ? unknownAt(at) : l;
  if (op === '&&' && l.t === 'bool' && !l.v) return b(false);
  if (op === '||' && l.t === 'bool' && l.v) return b(true);
  const r = right();
  if (op === '&&' || op === '||') {
    if (r.t === 'bool' && r.v === (op === '||')) return b(r.v);
    return l.t === 'bool' && r.t === 'bool' ? b(op === '&&' ? l.v && r.v : l.v || r.v) : unknownAt(at);
  }
  const prim = (v: Value) => (v.t === 'str' || v.t === 'num' || v.t === 'bool' ? v.v : v.t === 'null' ? null : undefined);
  const x = prim(l);
  const y = prim(r);
  if (x === undefined || y === undefined) return unknownAt(at);
  const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
  switch (op) {
    case '==': return b(x === y);
    case '!=': return b(x !== y);
    case '=~': return b(lower(x) === lower(y));
    case '!~': return b(lower(x) !== lower(y));
  }
  if (typeof x !== 'number' || typeof y !== 'number') return unknownAt(at);
  switch (op) {
    case '<': return b(x < y);
    case '<=': return b(x <= y);
    case '>': return b(x > y);
    case '>=': return b(x >= y);
    case '+': return { t: 'num', v: x + y, at };
    case '-': return { t: 'num', v: x - y, at };
    case '*': return { t: 'num', v: x * y, at };
    case '/': return y === 0 ? unknownAt(at) : { t: 'num', v: Math.trunc(x / y), at };
    case '%': return y === 0 ? unknownAt(at) : { t: 'num', v: x % y, at };
  }
  return unknownAt(at);
}

/** The object body behind `{…}`, `if (…) {…}` or `[for …: {…}]`. */
function bodyObject(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === 'object') return node;
  if (node.type === 'if_statement') return namedChildren(node).find((n) => n.type === 'object');
  if (node.type === 'for_statement') {
    const body = node.childForFieldName('body');
    return body ? bodyObject(body) : undefined;
  }
  return undefined;
}

/** The literal text of a string without interpolation; undefined when it interpolates. */
function stringText(node: SyntaxNode): string | undefined {
  let text = '';
  for (const part of namedChildren(node)) {
    if (part.type === 'string_content') text += part.text;
    else if (part.type === 'escape_sequence') text += unescapeBicep(part.text);
    else return undefined;
  }
  return text;
}

const BICEP_ESCAPES = new Map([["\\'", "'"], ['\\\\', '\\'], ['\\n', '\n'], ['\\r', '\r'], ['\\t', '\t'], ['\\$', '$']]);

function unescapeBicep(s: string): string {
  const simple = BICEP_ESCAPES.get(s);
  if (simple !== undefined) return simple;
  const u = /^\\u\{([0-9a-fA-F]{1,6})\}$/.exec(s);
  return u ? String.fromCodePoint(Math.min(parseInt(u[1]!, 16), 0x10ffff)) : s;
}

function splitAt(typeText: string): [string, string | undefined] {
  const i = typeText.indexOf('@');
  return i < 0 ? [typeText, undefined] : [typeText.slice(0, i), typeText.slice(i + 1)];
}

/** Folder part of a '/'-separated path. */
export function dirname(file: string): string {
  const i = file.replace(/\\/g, '/').lastIndexOf('/');
  return i < 0 ? '' : file.replace(/\\/g, '/').slice(0, i);
}

/** Resolves a relative module path against a folder, '/'-separated, normalising `.` and `..`. */
export function joinPath(dir: string, rel: string): string {
  const r = rel.replace(/\\/g, '/');
  const parts = (r.startsWith('/') || /^[A-Za-z]:/.test(r) || dir === '' ? r : `${dir}/${r}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '.' || (p === '' && out.length > 0)) continue;
    if (p === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(p);
  }
  return out.join('/');
}
