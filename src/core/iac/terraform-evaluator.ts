// Statically evaluates a Terraform module (all .tf files of one folder): variables with defaults, locals,
// `count`/`for_each` over literal lists and maps, references between resources, string templates and a few
// pure functions. Anything else is unknown; nothing is guessed.
import type { SourceLocation } from '../model/source-range';
import { callFunction } from './hcl-functions';
import { idPart, SourceText, type IacDiagnostic, type IacResource } from './iac-resource';
import { access, member, unknownAt, type ObjValue, type Prop, type Value, type ValueRef } from './iac-value';
import { Budget, READ_LIMITS } from './read-limits';
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
}

interface Scope {
  readonly src: SourceText;
  readonly eachKey?: Value;
  readonly eachValue?: Value;
  readonly countIndex?: Value;
}

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
  private readonly blocks = new Map<string, ResourceBlock>();
  private readonly instances = new Map<string, Instance>();
  private readonly memo = new Map<string, Value>();
  private readonly inProgress = new Set<string>();
  readonly diagnostics: IacDiagnostic[] = [];

  constructor(private readonly budget: Budget) {}

  /** Reads every file's top-level blocks, then expands and evaluates the resources. */
  evaluate(files: readonly TerraformFile[]): IacResource[] {
    for (const f of files) this.collect(new SourceText(f.file, f.text), f.tree.rootNode);
    for (const block of this.blocks.values()) this.expand(block);
    const out: IacResource[] = [];
    for (const inst of this.instances.values()) {
      const body = this.instanceBody(inst);
      out.push(this.toResource(inst, body));
    }
    return out;
  }

  private collect(src: SourceText, root: SyntaxNode): void {
    const body = root.type === 'config_file' ? namedChildren(root).find((n) => n.type === 'body') : undefined;
    if (!body) return;
    for (const block of namedChildren(body)) {
      if (block.type !== 'block' || !this.budget.step()) continue;
      const parts = namedChildren(block);
      const kw = parts[0]?.type === 'identifier' ? parts[0].text : '';
      const labels = parts.filter((p) => p.type === 'string_lit').map((p) => literalString(p));
      const inner = parts.find((p) => p.type === 'body');
      if (kw === 'variable' && labels[0] !== undefined) {
        const def = inner ? attributes(inner).get('default') : undefined;
        this.vars.set(labels[0], { node: def?.expr, src, at: src.loc(def?.attr ?? block) });
      } else if (kw === 'locals' && inner) {
        for (const [name, a] of attributes(inner)) this.locals.set(name, { node: a.expr, src, at: src.loc(a.attr) });
      } else if (kw === 'resource' && labels[0] && labels[1] !== undefined) {
        const lastLabel = parts.filter((p) => p.type === 'string_lit')[1]!;
        const key = `${labels[0]}.${labels[1]}`;
        if (!this.blocks.has(key)) {
          this.blocks.set(key, { type: labels[0], name: labels[1], block, body: inner, src, header: src.span(block.startIndex, lastLabel.endIndex) });
        }
      }
    }
  }

  private expand(block: ResourceBlock): void {
    const attrs = block.body ? attributes(block.body) : new Map<string, Attr>();
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
      const entries: [string, Value][] = v.t === 'obj' ? [...v.props].map(([k, p]) => [k, p.value])
        : v.t === 'arr' && v.items.every((i) => i.t === 'str') ? v.items.map((i) => [(i as { v: string }).v, i]) : [];
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

  private addInstance(address: string, id: string, block: ResourceBlock, scope: Scope): void {
    this.instances.set(address, { address, id, block, scope });
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
        if (!name || META.has(name)) continue;
        const inner = parts.find((p) => p.type === 'body');
        const value = inner ? this.bodyValue(inner, scope, scope.src.loc(child), depth + 1) : { t: 'obj' as const, props: new Map(), at: scope.src.loc(child) };
        const prev = props.get(name)?.value;
        const list = prev?.t === 'arr' ? [...prev.items, value] : [value];
        props.set(name, { value: { t: 'arr', items: list, at: scope.src.loc(child) }, at: scope.src.loc(child) });
      }
    }
    return { t: 'obj', props, at };
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
    const at = scope.src.loc(node);
    if (depth > READ_LIMITS.maxDepth || !this.budget.step()) {
      if (depth > READ_LIMITS.maxDepth) this.budget.deepestHit = true;
      return unknownAt(at);
    }
    switch (node.type) {
      case 'expression': {
        const parts = namedChildren(node).filter((n) => n.type !== 'comment');
        const head = parts[0];
        if (!head) return unknownAt(at);
        if (head.type === 'variable_expr') return this.traversal(head.text, parts.slice(1), scope, at, depth);
        let v = this.expr(head, scope, depth + 1);
        for (const op of parts.slice(1)) v = this.postfix(v, op, scope, depth);
        return v;
      }
      case 'literal_value':
      case 'collection_value':
      case 'template_expr':
        return node.namedChild(0) ? this.expr(node.namedChild(0)!, scope, depth + 1) : unknownAt(at);
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
        return callFunction(fn?.text ?? '', values, at);
      }
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
    if (root === 'var' && first) v = this.named('var', first, at, depth);
    else if (root === 'local' && first) v = this.named('local', first, at, depth);
    else if (root === 'each' && first === 'key') v = scope.eachKey ?? unknownAt(at);
    else if (root === 'each' && first === 'value') v = scope.eachValue ?? unknownAt(at);
    else if (root === 'count' && first === 'index') v = scope.countIndex ?? unknownAt(at);
    else if (first && this.blocks.has(`${root}.${first}`)) return this.resourceRef(`${root}.${first}`, rest, scope, at, depth);
    else {
      v = unknownAt(at);
      rest = [];
    }
    for (const op of rest) v = this.postfix(v, op, scope, depth);
    return v;
  }

  private resourceRef(base: string, ops: SyntaxNode[], scope: Scope, at: SourceLocation, depth: number): Value {
    let address = base;
    let rest = ops;
    if (!this.instances.has(base) && ops[0]?.type === 'index') {
      const e = findExpression(ops[0]);
      const k = e ? this.expr(e, scope, depth + 1) : undefined;
      if (k?.t === 'num') address = `${base}[${k.v}]`;
      else if (k?.t === 'str') address = `${base}[${JSON.stringify(k.v)}]`;
      else return unknownAt(at);
      rest = ops.slice(1);
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

  private named(kind: 'var' | 'local', name: string, at: SourceLocation, depth: number): Value {
    const key = `${kind}.${name}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    const decl = (kind === 'var' ? this.vars : this.locals).get(name);
    if (!decl?.node || this.inProgress.has(key)) return unknownAt(decl?.at ?? at);
    this.inProgress.add(key);
    const v = this.expr(decl.node, { src: decl.src }, depth + 1);
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
  return s.replace(/\\(["\\nrt]|u[0-9a-fA-F]{4})/g, (_, e: string) =>
    e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e.startsWith('u') ? String.fromCharCode(parseInt(e.slice(1), 16)) : e);
}

function splitAt(typeText: string): [string, string | undefined] {
  const i = typeText.indexOf('@');
  return i < 0 ? [typeText, undefined] : [typeText.slice(0, i), typeText.slice(i + 1)];
}
