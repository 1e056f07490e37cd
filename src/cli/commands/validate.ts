// `ppvnet validate`. (Placeholder until the feature lands: refuses with a usage error.)
import { UsageError, type CliIo } from '../cli-io';

export async function runValidate(_args: string[], _io: CliIo): Promise<number> {
  throw new UsageError('validate is not available in this build yet');
}
