// Finds the rule configuration that applies to an input: --config if given, else the nearest
// ppvnet.config.json or .ppvnetrc.json in the input's folder or any folder above it.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../core/rules/rules-config';

/** Memoizes lookups per folder so validating many files in one tree reads each folder once. */
export class ConfigFinder {
  private readonly cache = new Map<string, Promise<string | undefined>>();

  /** The absolute path of the configuration file for `absInput`, or undefined. */
  find(absInput: string, isDirectory: boolean): Promise<string | undefined> {
    return this.findFrom(isDirectory ? absInput : path.dirname(absInput));
  }

  private findFrom(dir: string): Promise<string | undefined> {
    let hit = this.cache.get(dir);
    if (!hit) {
      hit = (async () => {
        for (const name of CONFIG_FILE_NAMES) {
          const candidate = path.join(dir, name);
          if (await isFile(candidate)) return candidate;
        }
        const parent = path.dirname(dir);
        return parent === dir ? undefined : this.findFrom(parent);
      })();
      this.cache.set(dir, hit);
    }
    return hit;
  }
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

