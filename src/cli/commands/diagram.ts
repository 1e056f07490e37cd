// `ppvnet diagram`. (Placeholder until the feature lands: refuses with a usage error.)
import { UsageError, type CliIo } from '../cli-io';

export async function runDiagram(_args: string[], _io: CliIo): Promise<number> {
  throw new UsageError('diagram is not available in this build yet');
}
