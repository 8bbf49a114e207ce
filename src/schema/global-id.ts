/**
 * Opaque global ids (Relay Global Object Identification): base64url of `Type:key`. Clients must not
 * parse them; the gateway decodes them to find the type's loader.
 */
import { badUserInput } from '../errors';

export function toGlobalId(typeName: string, key: string): string {
  return Buffer.from(`${typeName}:${key}`, 'utf8').toString('base64url');
}

export function fromGlobalId(id: string): { typeName: string; key: string } {
  const decoded = /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1 || toGlobalId(decoded.slice(0, colon), decoded.slice(colon + 1)) !== id) {
    throw badUserInput(`"${id.slice(0, 64)}" is not a valid global id`, ['id']);
  }
  return { typeName: decoded.slice(0, colon), key: decoded.slice(colon + 1) };
}

/** Decodes a global id of one type, or returns undefined for another type or a malformed id. */
export function keyOfGlobalId(id: string, typeName: string): string | undefined {
  try {
    const decoded = fromGlobalId(id);
    return decoded.typeName === typeName ? decoded.key : undefined;
  } catch {
    return undefined;
  }
}
