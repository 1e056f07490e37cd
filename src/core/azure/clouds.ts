// Azure Resource Manager endpoints of the public and sovereign clouds, and how a configured endpoint
// (cloud name or URL) resolves to the base URL and token scope the SDK clients use.

export const AZURE_CLOUDS = {
  AzureCloud: 'https://management.azure.com',
  AzureUSGovernment: 'https://management.usgovcloudapi.net',
  AzureChinaCloud: 'https://management.chinacloudapi.cn',
} as const;

export type AzureCloudName = keyof typeof AZURE_CLOUDS;

export interface ResolvedEndpoint {
  /** Base URL without trailing slash, e.g. https://management.azure.com. */
  readonly endpoint: string;
  /** The OAuth scope for tokens accepted by that endpoint. */
  readonly scope: string;
}

/**
 * Resolves an endpoint setting: empty → public cloud; a cloud name from AZURE_CLOUDS (case-insensitive);
 * otherwise an absolute https URL (ARM only accepts bearer tokens over TLS). Throws with a readable message.
 */
export function resolveEndpoint(value: string | undefined): ResolvedEndpoint {
  const text = (value ?? '').trim();
  let url: string;
  if (text === '') url = AZURE_CLOUDS.AzureCloud;
  else {
    const cloud = Object.entries(AZURE_CLOUDS).find(([name]) => name.toLowerCase() === text.toLowerCase());
    url = cloud ? cloud[1] : text;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`'${text}' is neither a cloud name (${Object.keys(AZURE_CLOUDS).join(', ')}) nor a URL`);
  }
  if (parsed.protocol !== 'https:') throw new Error(`the Resource Manager endpoint must use https: ${text}`);
  if (parsed.search !== '' || parsed.hash !== '' || parsed.username !== '' || parsed.password !== '') {
    throw new Error(`the Resource Manager endpoint must be a plain base URL: ${text}`);
  }
  const endpoint = parsed.toString().replace(/\/+$/, '');
  return { endpoint, scope: `${endpoint}/.default` };
}
