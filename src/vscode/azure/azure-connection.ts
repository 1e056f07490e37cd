// How the extension reaches Azure: the Resource Manager endpoint from settings, a TokenCredential backed
// by a VS Code authentication session, or, for automated tests only, a token and endpoint from the
// extension host's environment (PPVNET_TEST_ARM_TOKEN + PPVNET_TEST_ARM_ENDPOINT [+ PPVNET_TEST_ARM_CA]).
// Tokens stay in memory: nothing here writes or logs them.
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import * as vscode from 'vscode';
import { resolveEndpoint } from '../../core/azure/clouds';
import type { ArmConnection } from '../../node/azure/arm-reader';
import { StaticTokenCredential } from '../../node/azure/static-credential';

/** VS Code refreshes its sessions itself; asking again every few minutes picks up the refreshed token. */
const SESSION_TOKEN_REUSE_MS = 5 * 60_000;

class SessionCredential implements TokenCredential {
  constructor(private readonly provider: string, private readonly scope: string) {}

  async getToken(): Promise<AccessToken> {
    const session = await vscode.authentication.getSession(this.provider, [this.scope], { createIfNone: true });
    return { token: session.accessToken, expiresOnTimestamp: Date.now() + SESSION_TOKEN_REUSE_MS };
  }
}

/** The test-only environment, when both variables are set (documented in docs/azure-import.md). */
function testEnvironment(): { token: string; endpoint: string; ca?: string } | undefined {
  const token = process.env.PPVNET_TEST_ARM_TOKEN;
  const endpoint = process.env.PPVNET_TEST_ARM_ENDPOINT;
  if (!token || !endpoint) return undefined;
  const ca = process.env.PPVNET_TEST_ARM_CA;
  return { token, endpoint, ...(ca ? { ca } : {}) };
}

/** Builds the connection for one command run; `signal` cancels every request of that run. */
export function azureConnection(signal?: AbortSignal): ArmConnection {
  const test = testEnvironment();
  if (test) {
    const resolved = resolveEndpoint(test.endpoint);
    return { credential: new StaticTokenCredential(test.token), endpoint: resolved.endpoint, scope: resolved.scope, ...(test.ca ? { ca: test.ca } : {}), signal };
  }
  const config = vscode.workspace.getConfiguration('ppvnet.azure');
  const resolved = resolveEndpoint(config.get<string>('resourceManagerEndpoint'));
  const provider = config.get<string>('authenticationProvider') || 'microsoft';
  return { credential: new SessionCredential(provider, resolved.scope), endpoint: resolved.endpoint, scope: resolved.scope, signal };
}
