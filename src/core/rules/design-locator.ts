// The locator of a design file: a finding's element or relation reference to its range in the JSON, through
// the loader's index. The editor's analyzer and the CLI's design reader both locate with it.
import type { DesignIndex } from '../model/load-design';
import type { Locator } from './rule';

export function designLocator(index: DesignIndex, file: string): Locator {
  return (ref) => {
    const range = ref.elementId !== undefined ? index.elementRange(ref.elementId, ref.property)
      : ref.relationId !== undefined ? index.relationRange(ref.relationId, ref.property) : undefined;
    return range ? { file, range } : undefined;
  };
}
