/* `npm run emit-schema`: writes the schema the code builds to src/schema/schema.graphql (committed). */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildAppSchema, printAppSchema } from '../schema/build';

async function main(): Promise<void> {
  // Compiled to dist/src/scripts: the repository root is three levels up.
  const file = path.resolve(__dirname, '..', '..', '..', 'src', 'schema', 'schema.graphql');
  fs.writeFileSync(file, printAppSchema(await buildAppSchema()));
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
