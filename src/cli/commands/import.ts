// `ppvnet import --subscription <id> [--resource-group <rg>…] --out <file> [--endpoint <url|cloud>] [--force]`:
// reads the live topology from Azure Resource Manager into a design file. Token: AZURE_ACCESS_TOKEN, else
// DefaultAzureCredential (az login, managed identity, environment). Exit 0 = every group read, 1 = some
// groups could not be read (the design holds the rest), 2 = usage error, nothing readable, or no sign-in.
// `ppvnet import <bicep|terraform-folder>` reads IaC instead (import-iac.ts).
import { constants } from 'node:fs';
import { access, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TokenCredential } from '@azure/core-auth';
import { resolveEndpoint, AZURE_CLOUDS } from '../../core/azure/clouds';
import { serializeDesign } from '../../core/model/serialize-design';
import { AzureImportError, describeGroups, importFromAzure } from '../../node/azure/import-design';
import { StaticTokenCredential } from '../../node/azure/static-credential';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, parseArgs, UsageError, type CliIo } from '../cli-io';
import { runIacImport } from './import-iac';

export const IMPORT_USAGE = `usage: ppvnet import --subscription <id> [--resource-group <rg>…] --out <file.ppvnet.json>
                     [--endpoint <url|cloud>] [--ca-file <pem>] [--name <design name>] [--force]
       ppvnet import <file.bicep | file.bicepparam | terraform-folder> [--out <file.ppvnet.json>] [--force]

  Reads VNets, subnets, peerings, NAT gateways, NSGs, route tables, gateways, private endpoints,
  private DNS zones and Power Platform enterprise policies from Azure (read-only) into a design.

  Given a Bicep file (with the local modules it calls and its .bicepparam values) or a Terraform folder
  (with its modules and tfvars), reads it as the editor's "Open in Designer" does: faults are kept as
  written, so validating the design reports them; what the reader could not follow is printed as notes.
  Default --out: <name>.ppvnet.json beside the Bicep file, <folder>.ppvnet.json inside the Terraform folder;
  it must be inside the working folder. Exit codes: 0 written, 1 written but a file could not be read,
  2 usage error or nothing to import.

  --resource-group   repeatable; default: every resource group of the subscription
  --endpoint         Resource Manager URL or cloud name (${Object.keys(AZURE_CLOUDS).join(', ')});
                     default: AZURE_RESOURCE_MANAGER_ENDPOINT, else the public cloud
  --ca-file          extra trusted CA certificate (PEM), e.g. for Azure Stack Hub
  --force            overwrite --out if it exists

  Sign-in (Azure): AZURE_ACCESS_TOKEN if set, else DefaultAzureCredential (Azure CLI, environment, managed identity).
  Exit codes (Azure): 0 all groups read, 1 some groups could not be read, 2 usage error or nothing readable.
`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `--resource-group` may repeat; parseArgs keeps one value per option, so repeats are collected first. */
function takeRepeated(args: readonly string[], name: string): { values: string[]; rest: string[] } {
  const values: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === `--${name}`) {
      const v = args[++i];
      if (v === undefined || v === '' || v.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      values.push(v);
    } else if (a.startsWith(`--${name}=`)) {
      values.push(a.slice(name.length + 3));
    } else rest.push(a);
  }
  return { values: values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== ''), rest };
}

async function credentialFrom(env: CliIo['env']): Promise<TokenCredential> {
  const token = env.AZURE_ACCESS_TOKEN;
  if (token !== undefined && token.trim() !== '') return new StaticTokenCredential(token);
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential();
}

export async function runImport(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(IMPORT_USAGE);
    return EXIT_OK;
  }
  const { values: resourceGroups, rest } = takeRepeated(args, 'resource-group');
  const { positional, options } = parseArgs(rest, ['subscription', 'out', 'endpoint', 'ca-file', 'name'], ['force']);
  const subscriptionId = options.subscription;
  if (positional.length > 0) {
    const azureOnly = ['subscription', 'endpoint', 'ca-file', 'name'].find((o) => options[o] !== undefined) ?? (resourceGroups.length > 0 ? 'resource-group' : undefined);
    if (azureOnly) throw new UsageError(`--${azureOnly} is for reading Azure; it does not go with the IaC path '${positional[0]}'\n${IMPORT_USAGE}`);
    if (positional.length > 1) throw new UsageError(`unexpected argument '${positional[1]}': import reads one Bicep file or Terraform folder\n${IMPORT_USAGE}`);
    return runIacImport(positional[0]!, { ...(typeof options.out === 'string' ? { out: options.out } : {}), force: options.force === true }, io);
  }
  const out = options.out;
  if (typeof subscriptionId !== 'string') throw new UsageError(`--subscription is required\n${IMPORT_USAGE}`);
  if (!GUID.test(subscriptionId)) throw new UsageError(`--subscription must be a subscription id (a GUID), not '${subscriptionId}'`);
  if (typeof out !== 'string') throw new UsageError(`--out is required\n${IMPORT_USAGE}`);
  const target = path.resolve(io.cwd, out);
  if (options.force !== true && (await access(target, constants.F_OK).then(() => true, () => false))) {
    throw new UsageError(`${out} exists; pass --force to overwrite it`);
  }
  const folder = await stat(path.dirname(target)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError(`the folder of ${out} does not exist`);
  let endpoint;
  try {
    endpoint = resolveEndpoint(typeof options.endpoint === 'string' ? options.endpoint : io.env.AZURE_RESOURCE_MANAGER_ENDPOINT);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const ca = typeof options['ca-file'] === 'string'
    ? await readFile(path.resolve(io.cwd, options['ca-file']), 'utf8').catch(() => { throw new UsageError(`cannot read --ca-file ${String(options['ca-file'])}`); })
    : undefined;

  const credential = await credentialFrom(io.env);
  let result;
  try {
    result = await importFromAzure(
      { credential, endpoint: endpoint.endpoint, scope: endpoint.scope, ...(ca ? { ca } : {}) },
      {
        scopes: [{ subscriptionId, resourceGroups }],
        ...(typeof options.name === 'string' ? { name: options.name } : {}),
        date: new Date().toISOString().slice(0, 10),
        onProgress: (m) => io.stderr(`${m}\n`),
      },
    );
  } catch (e) {
    if (e instanceof AzureImportError) {
      io.stderr(`ppvnet import: ${e.message}\n`);
      return EXIT_USAGE;
    }
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    io.stderr(`ppvnet import: reading Azure failed: ${message}\n`);
    return EXIT_USAGE;
  }
  await writeFile(target, serializeDesign(result.design), 'utf8');
  const failed = result.groups.filter((g) => !g.ok);
  for (const note of result.notes) io.stderr(`note: ${note}\n`);
  if (failed.length > 0) io.stderr(`some resource groups could not be read:\n${describeGroups(failed)}\n`);
  const ok = result.groups.length - failed.length;
  io.stdout(`${out}: ${result.design.elements.length} elements, ${result.design.relations.length} relations from ${ok} of ${result.groups.length} resource groups (${result.attempts} HTTP requests)\n`);
  return failed.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
