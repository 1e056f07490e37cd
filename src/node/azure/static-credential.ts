// A TokenCredential around an access token obtained elsewhere (AZURE_ACCESS_TOKEN for the CLI, the
// test-only PPVNET_TEST_ARM_TOKEN for the extension). The token is held in memory only, never printed.
import type { AccessToken, TokenCredential } from '@azure/core-auth';

/** Tokens from outside carry no expiry we can read; ARM tokens live about an hour, so claim 50 minutes. */
const ASSUMED_LIFETIME_MS = 50 * 60_000;

export class StaticTokenCredential implements TokenCredential {
  readonly #token: string;
  readonly #expires: number;

  constructor(token: string, now = Date.now()) {
    if (token.trim() === '') throw new Error('the access token is empty');
    this.#token = token.trim();
    this.#expires = now + ASSUMED_LIFETIME_MS;
  }

  async getToken(): Promise<AccessToken> {
    return { token: this.#token, expiresOnTimestamp: this.#expires };
  }

  toJSON(): string {
    return '[StaticTokenCredential]';
  }
}
