// `ppvnet schema`: prints the JSON Schema of the design document, generated from the zod schema the
// loader uses. The build writes it to out/ppvnet.schema.json for `contributes.jsonValidation`.
import { z } from 'zod';
import { designSchema } from '../../core/model/schema';
import type { CliIo } from '../cli-io';

export async function runSchema(_args: string[], io: CliIo): Promise<number> {
  const schema = z.toJSONSchema(designSchema, { target: 'draft-7', unrepresentable: 'any' });
  io.stdout(JSON.stringify({ title: 'Power Platform VNet design (*.ppvnet.json)', ...schema }, null, 2) + '\n');
  return 0;
}
