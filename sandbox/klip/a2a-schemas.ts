/**
 * Validation of `POST /a2a/prepare` [sdk for types and fields; model for the exact rules]. `callback`
 * is accepted inside `bapp` or at the top level (inside `bapp` wins); unknown extra fields are ignored,
 * as a lenient upstream would. Every problem is named as `path: problem`.
 */
import { z } from 'zod';
import { A2A_TYPES, type A2aType } from './a2a-requests';
import { address, amount, cardId, jsonText, positiveAmount, text } from './fields';

const callback = z.object(
  { success: text({ max: 2048 }).optional(), fail: text({ max: 2048 }).optional() },
  { error: 'must be an object {success, fail}' },
);

export const prepareEnvelope = z.object(
  {
    bapp: z.object({ name: text({ max: 200 }), callback: callback.optional() }, { error: (i) => (i.input === undefined ? 'is required' : 'must be an object') }),
    callback: callback.optional(),
    type: z.enum(A2A_TYPES, { error: `must be one of ${A2A_TYPES.join(', ')}` }),
    transaction: z.unknown().optional(),
  },
  { error: 'the body must be a JSON object' },
);

const from = address().optional();

function transaction<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape, { error: (i) => (i.input === undefined ? 'is required' : 'must be an object') });
}

/** The `transaction` of each type but `auth`, which takes none. */
export const transactionSchemas: Record<Exclude<A2aType, 'auth'>, z.ZodType<Record<string, string | undefined>>> = {
  send_klay: transaction({ from, to: address(), amount: positiveAmount() }),
  send_token: transaction({ from, contract: address(), to: address(), amount: positiveAmount() }),
  send_card: transaction({ from, contract: address(), to: address(), card_id: cardId() }),
  execute_contract: transaction({ from, to: address(), value: amount(), abi: jsonText('object'), params: jsonText('array') }),
  sign_message: transaction({ from, message: text({ max: 10_000 }) }),
};

/** Strips keys whose value is undefined, so stored transactions hold only what the client sent. */
export function compact(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
