/**
 * The files the local IDE loads, served from the npm packages that ship them (no CDN). Only the names in
 * `LOCAL_IDE_ASSETS` are served: a request names an entry of this list, never a path, so nothing else
 * under node_modules can be reached.
 */
import path from 'node:path';

export interface LocalIdeAsset {
  /** npm package that ships the file (a runtime dependency). */
  packageName: string;
  /** Path of the file inside the package. */
  file: string;
  contentType: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * GraphiQL 3 is the last GraphiQL with UMD builds (4 and 5 are ESM only and need a bundler); its bundle
 * includes @graphiql/toolkit's fetcher (`GraphiQL.createFetcher`) and a graphql-ws client, and expects
 * React 18's UMD globals (React 19 ships no UMD builds).
 */
export const LOCAL_IDE_ASSETS = {
  'react.production.min.js': { packageName: 'react', file: 'umd/react.production.min.js', contentType: JS },
  'react-dom.production.min.js': { packageName: 'react-dom', file: 'umd/react-dom.production.min.js', contentType: JS },
  'graphiql.min.js': { packageName: 'graphiql', file: 'graphiql.min.js', contentType: JS },
  'graphiql.min.css': { packageName: 'graphiql', file: 'graphiql.min.css', contentType: CSS },
} as const satisfies Record<string, LocalIdeAsset>;

export type LocalIdeAssetName = keyof typeof LOCAL_IDE_ASSETS;

export function isLocalIdeAssetName(name: string): name is LocalIdeAssetName {
  return Object.prototype.hasOwnProperty.call(LOCAL_IDE_ASSETS, name);
}

/**
 * Absolute path of an asset. Resolved through each package's own package.json (which react, react-dom
 * and graphiql all export), so hoisting or a nested install does not matter.
 */
export function localIdeAssetPath(name: LocalIdeAssetName): string {
  const asset: LocalIdeAsset = LOCAL_IDE_ASSETS[name];
  return path.join(path.dirname(require.resolve(`${asset.packageName}/package.json`)), asset.file);
}
