/**
 * What babel-plugin-relay does at build time, done at run time for these tests (jest compiles them with
 * swc, which has no Relay transform): a `graphql` tag answers the artifact relay-compiler wrote for its
 * document. Whether the artifacts are current is drift.test.ts's question (`relay-compiler --validate`):
 * the plugin's own md5 check prints with graphql-js 15, whose output 16 no longer matches.
 */
import { parse } from 'graphql';
import type { ConcreteRequest, ReaderFragment } from 'relay-runtime';

export function graphql(strings: TemplateStringsArray): ConcreteRequest | ReaderFragment {
  const definition = parse(strings.raw.join('')).definitions[0]!;
  const name = 'name' in definition ? definition.name?.value : undefined;
  if (!name) throw new Error('a Relay document needs a name');
  // The artifact's file is named by its document, as the plugin's require() names it.
  return (require(`./__generated__/${name}.graphql`) as { default: ConcreteRequest | ReaderFragment }).default;
}
