/**
 * What babel-plugin-relay does at build time, done at run time for these tests (jest compiles them with
 * swc, which has no Relay transform): a `graphql` tag answers the artifact relay-compiler wrote for its
 * document, and refuses one whose text changed since the compiler last ran, by the same md5 of the
 * printed definition the plugin checks.
 */
import { createHash } from 'node:crypto';
import { parse, print } from 'graphql';
import type { ConcreteRequest, ReaderFragment } from 'relay-runtime';

export function graphql<T extends ConcreteRequest | ReaderFragment = ConcreteRequest | ReaderFragment>(strings: TemplateStringsArray): T {
  const definition = parse(strings.raw.join('')).definitions[0]!;
  const name = 'name' in definition ? definition.name?.value : undefined;
  if (!name) throw new Error('a Relay document needs a name');
  // The artifact's file is named by its document, as the plugin's require() names it.
  const artifact = (require(`./__generated__/${name}.graphql`) as { default: T & { hash?: string } }).default;
  if (artifact.hash !== createHash('md5').update(print(definition), 'utf8').digest('hex')) {
    throw new Error(`${name} changed since relay-compiler last ran: npm run relay`);
  }
  return artifact;
}
