/**
 * mintCard's input rules and the reading of Klip's mint refusals. The gateway checks what it can
 * (addresses, name, image URL, attributes) before calling Klip, so a person gets every problem at once
 * with the field at fault; what only Klip can judge comes back as Klip 400s and is mapped here too.
 * Field paths start at the mutation's argument (`["input", "toAddresses", "1"]`), as every mutation's do.
 * The PIN is the gateway's configuration: a PIN or contract refusal is an operator problem (thrown,
 * without the PIN), never a userError.
 */
import { createHash } from 'node:crypto';
import type { KlipRejectionKind } from '../datasources/klip/klip-rejections';
import type { MintBody } from '../datasources/klip/partner-wire';
import { rejectionKind, type UpstreamRejection } from '../datasources/rejection';
import { ErrorCode, Provider, UpstreamError } from '../errors';
import type { MintCardInput } from '../schema/card.input';
import { UserError, UserErrorCode } from '../schema/user-error.type';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
/** Klip's limits (per mint call). */
const MINT_LIMITS = { addresses: 100, name: 200, description: 10_000, imageUrl: 2048, attributes: 50, traitType: 100, value: 1000 } as const;

/** Every problem with the input, in field order; empty when Klip may be asked. */
export function validateMintInput(input: MintCardInput): UserError[] {
  const errors: UserError[] = [];
  const invalid = (message: string, ...field: string[]) => errors.push(UserError.of(UserErrorCode.INVALID_INPUT, message, ['input', ...field]));
  if (input.toAddresses.length === 0) invalid('List at least one address to mint to', 'toAddresses');
  if (input.toAddresses.length > MINT_LIMITS.addresses) {
    errors.push(UserError.of(UserErrorCode.QUANTITY_TOO_LARGE, `At most ${MINT_LIMITS.addresses} addresses per mint (got ${input.toAddresses.length})`, ['input', 'toAddresses']));
  }
  input.toAddresses.forEach((address, i) => {
    if (!ADDRESS.test(address)) invalid('Must be a Klaytn address: 0x followed by 40 hex digits', 'toAddresses', String(i));
  });
  if (input.name.trim() === '') invalid('Must not be empty', 'name');
  else if (input.name.length > MINT_LIMITS.name) invalid(`Must be at most ${MINT_LIMITS.name} characters`, 'name');
  if ((input.description?.length ?? 0) > MINT_LIMITS.description) invalid(`Must be at most ${MINT_LIMITS.description} characters`, 'description');
  if (!isHttpUrl(input.imageUrl)) invalid('Must be an http or https URL', 'imageUrl');
  else if (input.imageUrl.length > MINT_LIMITS.imageUrl) invalid(`Must be at most ${MINT_LIMITS.imageUrl} characters`, 'imageUrl');
  const attributes = input.attributes ?? [];
  if (attributes.length > MINT_LIMITS.attributes) invalid(`At most ${MINT_LIMITS.attributes} attributes`, 'attributes');
  attributes.forEach((attribute, i) => {
    if (attribute.traitType.trim() === '') invalid('Must not be empty', 'attributes', String(i), 'traitType');
    else if (attribute.traitType.length > MINT_LIMITS.traitType) invalid(`Must be at most ${MINT_LIMITS.traitType} characters`, 'attributes', String(i), 'traitType');
    if (attribute.value.length > MINT_LIMITS.value) invalid(`Must be at most ${MINT_LIMITS.value} characters`, 'attributes', String(i), 'value');
  });
  return errors;
}

/** The Klip mint body for a valid input. Addresses go lowercase, as Klip answers them. */
export function mintBody(input: MintCardInput, contract: string, pin: string): MintBody {
  return {
    pin,
    to_address: input.toAddresses.map((a) => a.toLowerCase()),
    contract_address: contract,
    name: input.name.trim(),
    ...(input.description != null ? { description: input.description } : {}),
    image: input.imageUrl,
    sendable: input.sendable ?? true,
    ...(input.attributes?.length ? { attributes: input.attributes.map((a) => ({ trait_type: a.traitType.trim(), value: a.value })) } : {}),
  };
}

/** What a mint asks for, without the PIN: a repeat of a clientMutationId must ask for the same. */
export function mintFingerprint(body: MintBody): string {
  const { pin: _pin, ...rest } = body;
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url');
}

/**
 * Klip's refusal of a mint as userErrors; undefined when `err` is not a refusal. Throws an UpstreamError
 * when the fault is the gateway's configuration (PIN, contract) or not something the person can fix.
 */
export function mintRefusal(err: unknown): UserError[] | undefined {
  const kind = rejectionKind<KlipRejectionKind>(err, Provider.KLIP);
  if (kind === undefined) return undefined;
  const rejection = err as UpstreamRejection;
  switch (kind) {
    case 'mint-limit-exceeded':
      return [UserError.of(UserErrorCode.QUANTITY_TOO_LARGE, 'Minting this many cards would exceed the partner’s mint limit', ['input', 'toAddresses'])];
    case 'invalid-input': {
      const errors = rejection.fields.map(({ path, problem }) => fieldProblem(path, problem));
      if (errors.length > 0 && errors.every((e): e is UserError => e !== undefined)) return errors;
      break;
    }
    case 'pin-rejected':
      throw new UpstreamError(Provider.KLIP, ErrorCode.UPSTREAM_UNAVAILABLE, 'Klip refused the gateway’s card PIN (check KLIP_CARD_PIN)', rejection.status);
    case 'contract-not-owned':
      throw new UpstreamError(Provider.KLIP, ErrorCode.UPSTREAM_UNAVAILABLE, 'Klip says the configured card contract is not the partner’s (check KLIP_CARD_CONTRACT)', rejection.status);
    case 'token-rejected':
    case 'login-refused':
      return undefined;
  }
  throw new UpstreamError(
    Provider.KLIP,
    ErrorCode.UPSTREAM_UNAVAILABLE,
    `Klip rejected the mint (HTTP ${rejection.status}${rejection.upstreamCode !== undefined ? `, code ${rejection.upstreamCode}` : ''})`,
    rejection.status,
    rejection.upstreamCode,
  );
}

/**
 * A mint that got no answer from Klip — it timed out, the connection dropped or was refused, the breaker
 * was open — may have minted (the gateway cannot tell a request never sent from one whose answer was
 * lost). One that got an answer did not: a 4xx refused it, a 5xx is taken at its word.
 */
export function mintMayHaveHappened(err: unknown): boolean {
  return err instanceof UpstreamError && err.status === undefined;
}

/** Klip's wire field names → the input's. */
const WIRE_FIELDS: Record<string, string> = {
  to_address: 'toAddresses',
  name: 'name',
  description: 'description',
  image: 'imageUrl',
  sendable: 'sendable',
  attributes: 'attributes',
  trait_type: 'traitType',
  value: 'value',
};

/** `to_address[1]` + `must be …` → a userError at ["input", "toAddresses", "1"]; undefined for a field we don't expose. */
function fieldProblem(wirePath: string, problem: string): UserError | undefined {
  const path = wirePath.match(/[^.[\]]+/g) ?? [];
  const field = path.map((p) => (/^\d+$/.test(p) ? p : WIRE_FIELDS[p]));
  if (field.length === 0 || field.some((f) => f === undefined)) return undefined;
  return UserError.of(UserErrorCode.INVALID_INPUT, problem.charAt(0).toUpperCase() + problem.slice(1), ['input', ...(field as string[])]);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
