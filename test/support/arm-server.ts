// A loopback HTTPS server that speaks the ARM REST shapes the Azure import reads, from a fixture file:
// list with nextLink paging, single GETs, the generic resources list with $filter, plus planted faults
// (429 + Retry-After, 500, connection reset, 403 per resource group). It records every request, refuses
// anything but GET, checks the bearer token, and stops by itself after its lifetime.
// Runs under vitest and standalone (`node test/support/arm-server.ts …` on Node ≥ 23, types stripped).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ArmFixtureResource {
  id: string;
  name: string;
  type?: string;
  location?: string;
  kind?: string;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ArmFixture {
  subscriptions: Array<{ id: string; subscriptionId: string; displayName: string; [key: string]: unknown }>;
  resources: ArmFixtureResource[];
}

export interface ArmFault {
  /** Lower-case substring of the request path (without query) that triggers the fault. */
  pathIncludes: string;
  status: 429 | 500 | 503 | 403 | 'reset';
  /** How many matching requests fail; afterwards they succeed. */
  times: number;
  retryAfterSeconds?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  status: number | 'reset';
  authorized: boolean;
  at: number;
}

export interface ArmServerOptions {
  fixture: ArmFixture;
  token: string;
  pageSize?: number;
  faults?: ArmFault[];
  /** The server closes itself after this long (default 10 minutes). */
  lifetimeMs?: number;
}

export interface ArmServer {
  /** https://127.0.0.1:<port> */
  endpoint: string;
  /** PEM of the self-signed certificate, for the client's trusted CAs. */
  ca: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
  /** Settles when the server has closed (by close() or at the end of its lifetime). */
  closed: Promise<void>;
}

/** A fresh self-signed certificate for 127.0.0.1; the private key only ever lives in memory. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const pem = execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', '-', '-out', '-',
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(pem)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!key || !cert) throw new Error('openssl did not produce a key and a certificate');
  return { key: `${key}\n`, cert: `${cert}\n` };
}

const lower = (s: string) => s.replace(/\/+$/, '').toLowerCase();
const parentPath = (id: string) => lower(id).split('/').slice(0, -1).join('/');

function armError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ms-failure-cause': 'gateway', ...headers });
  res.end(JSON.stringify({ error: { code, message } }));
}

/** Whether a path names a collection: /subscriptions, …/resourcegroups, …/providers/<ns>/<type>[/<name>/<child>]. */
function isCollectionPath(path: string): boolean {
  const parts = path.split('/').filter((p) => p !== '');
  const providers = parts.indexOf('providers');
  if (providers < 0) return parts.length % 2 === 1;
  return (parts.length - providers - 1) % 2 === 0;
}

export async function startArmServer(options: ArmServerOptions): Promise<ArmServer> {
  const { fixture, token } = options;
  const pageSize = options.pageSize ?? 2;
  const faults = (options.faults ?? []).map((f) => ({ ...f }));
  const requests: RecordedRequest[] = [];
  const byId = new Map<string, unknown>();
  const byParent = new Map<string, unknown[]>();
  const all: Array<{ id: string; [k: string]: unknown }> = [...fixture.subscriptions, ...fixture.resources];
  for (const r of all) {
    byId.set(lower(r.id), r);
    const p = parentPath(r.id);
    byParent.set(p, [...(byParent.get(p) ?? []), r]);
  }
  const groups = new Set(fixture.resources.filter((r) => r.type === 'Microsoft.Resources/resourceGroups').map((r) => r.name.toLowerCase()));
  const { key, cert } = selfSignedCertificate();
  const sockets = new Set<Socket>();

  const handle = (req: IncomingMessage, res: ServerResponse, endpoint: string) => {
    // ARM tolerates the double slash some SDK operations send (`{$host}/{resourceId}`).
    const url = new URL(`${endpoint}/${(req.url ?? '/').replace(/^\/+/, '')}`);
    const path = lower(decodeURIComponent(url.pathname));
    const authorized = req.headers.authorization === `Bearer ${token}`;
    const record = (status: number | 'reset') => requests.push({ method: req.method ?? '?', url: req.url ?? '/', status, authorized, at: Date.now() });
    if (req.method !== 'GET') {
      record(405);
      return armError(res, 405, 'MethodNotAllowed', 'This test server is read-only.');
    }
    if (!authorized) {
      record(401);
      return armError(res, 401, 'InvalidAuthenticationToken', 'The access token is missing or invalid.');
    }
    const apiVersion = url.searchParams.get('api-version');
    if (!apiVersion) {
      record(400);
      return armError(res, 400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
    }
    const fault = faults.find((f) => f.times > 0 && path.includes(f.pathIncludes));
    if (fault) {
      fault.times--;
      if (fault.status === 'reset') {
        record('reset');
        req.socket.destroy();
        return;
      }
      record(fault.status);
      if (fault.status === 429) return armError(res, 429, 'TooManyRequests', 'Throttled.', { 'retry-after': String(fault.retryAfterSeconds ?? 1) });
      if (fault.status === 403) return armError(res, 403, 'AuthorizationFailed', `The client does not have authorization to perform action 'read' over scope '${url.pathname}'.`);
      return armError(res, fault.status, 'InternalServerError', 'A transient error occurred.');
    }
    const rg = /\/resourcegroups\/([^/]+)/.exec(path)?.[1];
    if (rg !== undefined && !groups.has(rg)) {
      record(404);
      return armError(res, 404, 'ResourceGroupNotFound', `Resource group '${rg}' could not be found.`);
    }
    const send = (body: unknown) => {
      record(200);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const item = byId.get(path);
    if (item !== undefined) return send(item);
    let list: unknown[];
    if (rg !== undefined && path.endsWith(`/resourcegroups/${rg}/resources`)) {
      // The generic list: top-level resources of the group, without properties, filtered by resourceType.
      const filter = /resourceType eq '([^']+)'/i.exec(url.searchParams.get('$filter') ?? '')?.[1]?.toLowerCase();
      list = fixture.resources
        .filter((r) => lower(r.id).startsWith(`${path.slice(0, -'/resources'.length)}/providers/`) && r.type?.split('/').length === 2)
        .filter((r) => filter === undefined || r.type?.toLowerCase() === filter)
        .map(({ id, name, type, location, kind }) => ({ id, name, type, location, ...(kind ? { kind } : {}) }));
    } else if (isCollectionPath(path)) {
      list = byParent.get(path) ?? [];
    } else {
      record(404);
      return armError(res, 404, 'ResourceNotFound', `The resource '${url.pathname}' was not found.`);
    }
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
    const page = list.slice(skip, skip + pageSize);
    const body: { value: unknown[]; nextLink?: string } = { value: page };
    if (skip + pageSize < list.length) {
      const next = new URL(url.pathname, endpoint);
      for (const [k, v] of url.searchParams) if (k !== '$skiptoken') next.searchParams.set(k, v);
      next.searchParams.set('$skiptoken', String(skip + pageSize));
      body.nextLink = next.toString();
    }
    send(body);
  };

  const server: Server = createServer({ key, cert });
  let endpoint = '';
  server.on('request', (req: IncomingMessage, res: ServerResponse) => handle(req, res, endpoint));
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  let onClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => { onClosed = resolve; });
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(timer);
      for (const s of sockets) s.destroy();
      server.close(() => {
        onClosed();
        resolve();
      });
    });
    return closing;
  };
  const timer = setTimeout(() => void close(), options.lifetimeMs ?? 10 * 60_000);
  return { endpoint, ca: cert, requests, close, closed };
}

/** Loads a fixture file (test/fixtures/arm/*.json). */
export function loadArmFixture(file: string): ArmFixture {
  return JSON.parse(readFileSync(file, 'utf8')) as ArmFixture;
}

// Standalone: node test/support/arm-server.ts --fixture <file> --info <file> [--lifetime-seconds N] [--parent-pid P] [--fault <json>]
// The token comes from env PPVNET_TEST_ARM_TOKEN (never argv, never a file). Writes {endpoint, ca} to --info.
if (process.argv[1] && /arm-server\.(ts|js|mjs)$/.test(process.argv[1])) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const token = process.env.PPVNET_TEST_ARM_TOKEN;
  const fixtureFile = arg('fixture');
  const info = arg('info');
  if (!token || !fixtureFile || !info) {
    process.stderr.write('usage: PPVNET_TEST_ARM_TOKEN=… node arm-server.ts --fixture <file> --info <file> [--lifetime-seconds N]\n');
    process.exit(2);
  }
  const faults = process.argv.flatMap((a, i) => (a === '--fault' ? [JSON.parse(process.argv[i + 1] ?? '{}') as ArmFault] : []));
  const lifetimeMs = Number(arg('lifetime-seconds') ?? '1800') * 1000;
  void startArmServer({ fixture: loadArmFixture(fixtureFile), token, faults, lifetimeMs }).then((s) => {
    s.closed.then(() => process.exit(0), () => process.exit(1));
    writeFileSync(info, JSON.stringify({ endpoint: s.endpoint, ca: s.ca }));
    process.stdout.write(`arm-server listening on ${s.endpoint} for ${lifetimeMs / 1000}s\n`);
    const stop = () => void s.close().then(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    // Stops with the script that started it, so an interrupted run leaves no server behind.
    const parent = Number(arg('parent-pid') ?? '0');
    if (parent > 0) {
      setInterval(() => {
        try {
          process.kill(parent, 0);
        } catch {
          stop();
        }
      }, 2000);
    }
  });
}
