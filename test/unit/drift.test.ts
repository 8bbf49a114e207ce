/**
 * What is committed must match what the code produces: the emitted schema (reviewed in every change),
 * the typed test documents (codegen), and the public contract in shared/design/schema.graphql for
 * every type and root field the gateway serves.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { buildAppSchema, printAppSchema } from '../../src/schema/build';

const root = path.resolve(__dirname, '..', '..');
const contractFile = path.resolve(root, '..', 'shared', 'design', 'schema.graphql');

describe('committed artefacts', () => {
  it('src/schema/schema.graphql is what the code emits (run `npm run emit-schema`)', async () => {
    const emitted = printAppSchema(await buildAppSchema());
    expect(fs.readFileSync(path.join(root, 'src', 'schema', 'schema.graphql'), 'utf8')).toBe(emitted);
  });

  it('test/generated is what codegen produces from the committed schema (run `npm run codegen`)', async () => {
    const { config } = await loadCodegenConfig({ configFilePath: path.join(root, 'codegen.yml') });
    const outputs = (await generate({ ...config, cwd: root, silent: true }, false)) as Array<{ filename: string; content: string }>;
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const file = path.resolve(root, output.filename);
      expect(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(missing)').toBe(output.content);
    }
  }, 60_000);

  it('test/relay/__generated__ is what relay-compiler makes of the committed schema and the documents (run `npm run relay`)', () => {
    const compiler = spawnSync(process.execPath, [require.resolve('relay-compiler/cli.js'), '--validate', '--output', 'quiet-with-errors'], {
      cwd: path.join(root, 'test', 'relay'),
      encoding: 'utf8',
    });
    expect({ status: compiler.status, stderr: compiler.stderr, stdout: compiler.stdout }).toEqual({ status: 0, stderr: '', stdout: '' });
  });
});

describe('the public contract (shared/design/schema.graphql)', () => {
  let ours: GraphQLSchema;
  let contract: GraphQLSchema;
  beforeAll(async () => {
    ours = await buildAppSchema();
    contract = buildSchema(fs.readFileSync(contractFile, 'utf8'));
  });

  it('serves every contract type, with the contract fields, arguments and types', () => {
    const problems: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      const mine = ours.getType(type.name);
      if (!mine) problems.push(`type ${type.name} is missing`);
      else if (mine.constructor !== type.constructor) problems.push(`${type.name} is a ${mine.constructor.name}, the contract says ${type.constructor.name}`);
      else problems.push(...compareType(type, mine));
    }
    expect(problems).toEqual([]);
  });

  it('describes the contract types and fields as the contract does', () => {
    const problems: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (type.name.startsWith('__') || !type.description) continue;
      if (ours.getType(type.name)?.description !== type.description) problems.push(`description of ${type.name}`);
    }
    expect(problems).toEqual([]);
  });
});

/** `keepArg` leaves out our extra optional arguments; arguments compare by name, not declaration order. */
function describeType(type: GraphQLNamedType, keepArg: (field: string, arg: GraphQLArgument) => boolean = () => true): Map<string, string> {
  const out = new Map<string, string>();
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      const sorted = field.args.filter((a) => keepArg(field.name, a)).sort((a, b) => a.name.localeCompare(b.name));
      const args = sorted.map((a) => `${a.name}: ${String(a.type)}${a.defaultValue !== undefined ? ` = ${JSON.stringify(a.defaultValue)}` : ''}`);
      out.set(field.name, `${String(field.type)}(${args.join(', ')})`);
    }
    for (const i of type.getInterfaces()) out.set(`implements ${i.name}`, 'yes');
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      out.set(field.name, `${String(field.type)}${field.defaultValue !== undefined ? ` = ${JSON.stringify(field.defaultValue)}` : ''}`);
    }
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) out.set(value.name, 'value');
  } else if (isUnionType(type)) {
    for (const member of type.getTypes()) out.set(member.name, 'member');
  }
  return out;
}

/**
 * Contract fields must exist with the same signature; we may add fields and optional arguments (the
 * contract allows it: a client of the contract never notices them), but never a required argument.
 */
function compareType(contractType: GraphQLNamedType, mine: GraphQLNamedType): string[] {
  const problems: string[] = [];
  const theirs = describeType(contractType);
  const contractFields = isObjectType(contractType) || isInterfaceType(contractType) ? contractType.getFields() : {};
  const ours = describeType(mine, (field, arg) => isNonNullType(arg.type) || (contractFields[field]?.args.some((a) => a.name === arg.name) ?? true));
  for (const [name, signature] of theirs) {
    const actual = ours.get(name);
    if (actual === undefined) {
      problems.push(`${contractType.name}.${name} is missing`);
    } else if (actual !== signature) {
      problems.push(`${contractType.name}.${name}: contract ${signature}, ours ${actual}`);
    }
  }
  return problems;
}
