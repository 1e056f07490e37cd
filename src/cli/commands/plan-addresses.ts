// `ppvnet plan-addresses <folder|design…>`: per configured address pool, which ranges the designs use
// (design, VNet, subnets) and what is free; `--new-pair` proposes a primary/failover block pair; `--svg` draws it.
// Reads ppvnet.config.json through the CLI's ValidationService, as every command does; the planning itself is src/core/plan.
import path from 'node:path';
import { contains, formatIpv4 } from '../../core/net/cidr';
import { addressMap } from '../../core/plan/address-map';
import { renderAddressMapSvg } from '../../core/plan/address-map-svg';
import { planNewPair, poolUsage, usedRanges, type PairProposal, type PlannedDesign, type PoolUsage, type UsedRange } from '../../core/plan/plan-addresses';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, parseArgs, UsageError, type CliIo } from '../cli-io';
import { writeInside } from '../../node/export/safe-write';
import { reportConfigProblems } from '../format/config-problems';
import { loadInputs } from '../load-inputs';
import { ValidationService } from '../validation-service';

export const PLAN_ADDRESSES_USAGE = `usage: ppvnet plan-addresses <folder|design…> [--format text|json] [--prefix N] [--config <file>] [--svg <file>]
                             [--new-pair [--pool NAME] [--production N] [--non-production N]]

  Reads the address pools of ppvnet.config.json ("addressPools", "reservedRanges", "onPremisesRanges") and
  lists, per pool, the ranges the designs use (design, VNet, subnets) and the free blocks.

  --prefix          with --new-pair: the size of each new VNet (default: one bit larger than the delegated
                    subnet); otherwise: also count the free blocks of that size per pool
  --new-pair        propose two equal free blocks for a new primary/failover VNet pair, each with a
                    delegated subnet sized for the environments (30 IPs per production, 10 per other, +5)
  --production      production environments the pair will serve (default 1)
  --non-production  non-production environments the pair will serve (default 0)
  --pool            the pool to allocate from (default: the first)
  --svg             also draw the address map (one bar per pool) to this file, inside the current folder
  --config          configuration file; by default the nearest ppvnet.config.json or .ppvnetrc.json

  exit codes: 0 done, 1 no free block pair (pool exhausted), 2 usage error, unreadable input or unwritable --svg
`;

const FORMATS = ['text', 'json'] as const;

function count(options: Record<string, string | true>, name: string, fallback: number, max = 10_000): number {
  const raw = options[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max}, not '${String(raw)}'`);
  return Number(raw);
}

export async function runPlanAddresses(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, ['format', 'prefix', 'config', 'pool', 'production', 'non-production', 'svg'], ['help', 'new-pair']);
  if (options.help) {
    io.stdout(PLAN_ADDRESSES_USAGE);
    return EXIT_OK;
  }
  if (positional.length === 0) throw new UsageError('give a folder or design files to plan over');
  const format = (options.format ?? 'text') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${String(options.format)}'`);
  const prefix = options.prefix === undefined ? undefined : count(options, 'prefix', 0, 32);
  const environments = { production: count(options, 'production', 1), nonProduction: count(options, 'non-production', 0) };

  const inputs = await loadInputs(positional, io.cwd);
  const unusable = inputs.find((i) => i.unusableArgument !== undefined);
  if (unusable) throw new UsageError(unusable.unusableArgument!);
  for (const i of inputs) for (const e of i.errors) io.stderr(`${e.file}: not read: ${e.message}\n`);
  const designs: PlannedDesign[] = inputs.flatMap((i) => (i.design ? [{ file: i.file, design: i.design }] : []));

  // The configuration that applies to the first input, found and read as every command finds it.
  const service = new ValidationService(io.cwd, options.config);
  const plan = (await service.configOf(positional[0]!))?.addressPlan ?? { pools: [], reserved: [], onPremises: [] };
  reportConfigProblems(await service.configProblems(), 'plan-addresses', io);
  const used = usedRanges(designs);
  const pools = poolUsage(plan, used);
  const pair = options['new-pair'] ? planNewPair(plan, typeof options.pool === 'string' ? options.pool : undefined, used, { environments, vnetPrefix: prefix }) : undefined;

  if (typeof options.svg === 'string' && !(await writeMap(options.svg, renderAddressMapSvg(addressMap(plan, used)), io))) return EXIT_USAGE;
  io.stdout(format === 'json' ? JSON.stringify(toJson(pools, used, pair, prefix), null, 2) + '\n' : toText(pools, used, pair, prefix));
  return pair && !pair.ok ? EXIT_FINDINGS : EXIT_OK;
}

/** Writes the map through the safe writer, so a path or link leading out of the current folder is refused. */
async function writeMap(file: string, svg: string, io: CliIo): Promise<boolean> {
  try {
    await writeInside(io.cwd, path.resolve(io.cwd, file), svg);
  } catch (e) {
    io.stderr(`ppvnet plan-addresses: cannot write ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return false;
  }
  io.stderr(`wrote ${path.relative(io.cwd, path.resolve(io.cwd, file)) || file}\n`);
  return true;
}


/** VNet ranges not wholly inside one pool range: the pool membership the workspace check also reports. */
function outsidePools(pools: readonly PoolUsage[], used: readonly UsedRange[]): UsedRange[] {
  if (pools.length === 0) return [];
  return used.filter((u) => u.kind === 'vnet' && !pools.some((p) => p.pool.ranges.some((r) => contains(r, u.cidr))));
}

const where = (u: UsedRange) => `${u.file} ${u.kind === 'vnet' ? 'VNet' : 'on-premises'} ${u.elementName}`;

/** How many `/prefix` blocks fit in the free blocks (each free block is aligned, so this is exact). */
function blocksOfSize(free: PoolUsage['free'], prefix: number): number {
  return free.reduce((n, b) => n + (b.prefix <= prefix ? 2 ** (prefix - b.prefix) : 0), 0);
}

function toText(pools: readonly PoolUsage[], used: readonly UsedRange[], pair: PairProposal | undefined, prefix: number | undefined): string {
  const lines: string[] = [];
  if (pools.length === 0) lines.push('No address pools are configured: add "addressPools" to ppvnet.config.json to plan from them.');
  for (const p of pools) {
    lines.push(`pool ${p.pool.name} (${p.pool.ranges.map((r) => r.text).join(', ')}): ${p.freeAddresses} addresses free`);
    for (const u of p.used) {
      lines.push(`  used ${u.cidr.text.padEnd(18)} ${where(u)}`);
      for (const s of u.subnets) lines.push(`       ${s.cidr.text.padEnd(18)}   subnet ${s.name}`);
    }
    for (const b of p.free) lines.push(`  free ${b.text.padEnd(18)} ${formatIpv4(b.start)} – ${formatIpv4(b.end)}`);
    if (prefix !== undefined && !pair) lines.push(`  ${blocksOfSize(p.free, prefix)} free /${prefix} blocks`);
  }
  const outside = outsidePools(pools, used);
  if (outside.length > 0) {
    lines.push('outside every pool:');
    for (const u of outside) lines.push(`  ${u.cidr.text.padEnd(18)} ${where(u)}`);
  }
  if (pair?.ok) {
    lines.push(`new pair from pool ${pair.pool} (${pair.requiredUsable} usable IPs in each delegated subnet):`);
    lines.push(`  primary   VNet ${pair.primary.addressSpace.text.padEnd(18)} delegated subnet ${pair.primary.delegatedSubnet.text}`);
    lines.push(`  failover  VNet ${pair.failover.addressSpace.text.padEnd(18)} delegated subnet ${pair.failover.delegatedSubnet.text}`);
  } else if (pair) {
    lines.push(`no new pair: ${pair.reason}`);
  }
  return lines.join('\n') + '\n';
}

function toJson(pools: readonly PoolUsage[], used: readonly UsedRange[], pair: PairProposal | undefined, prefix: number | undefined) {
  const range = (u: UsedRange) => ({ range: u.cidr.text, file: u.file, kind: u.kind, elementId: u.elementId, name: u.elementName, subnets: u.subnets.map((s) => ({ id: s.id, name: s.name, range: s.cidr.text })) });
  return {
    pools: pools.map((p) => ({
      name: p.pool.name,
      ranges: p.pool.ranges.map((r) => r.text),
      used: p.used.map(range),
      free: p.free.map((b) => b.text),
      freeAddresses: p.freeAddresses,
      ...(prefix !== undefined && !pair ? { freeBlocksOfPrefix: { prefix, count: blocksOfSize(p.free, prefix) } } : {}),
    })),
    outsidePools: outsidePools(pools, used).map(range),
    ...(pair
      ? {
        newPair: pair.ok
          ? { pool: pair.pool, requiredUsable: pair.requiredUsable, primary: { vnet: pair.primary.addressSpace.text, delegatedSubnet: pair.primary.delegatedSubnet.text }, failover: { vnet: pair.failover.addressSpace.text, delegatedSubnet: pair.failover.delegatedSubnet.text } }
          : { error: pair.reason },
      }
      : {}),
  };
}
