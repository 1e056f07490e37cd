// `ppvnet export`. (Placeholder until the feature lands: refuses with a usage error.)
import { UsageError, type CliIo } from '../cli-io';

export async function runExport(_args: string[], _io: CliIo): Promise<number> {
  throw new UsageError('export is not available in this build yet');
}
