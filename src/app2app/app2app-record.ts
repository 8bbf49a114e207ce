/**
 * One App2App request as the gateway knows it: what the store holds, what the poller observes and what
 * the pubsub carries. `App2AppSnapshot` is its JSON form (Dates as ISO text), because a Redis pubsub
 * serialises payloads and a Date would arrive as a string anyway.
 */
import { App2AppStatus, isTerminal, type App2AppType, type TransactionStatus } from '../schema/app2app.enums';

export interface App2AppOutcome {
  klaytnAddress?: string;
  txHash?: string;
  txStatus?: TransactionStatus;
  signature?: string;
}

export interface App2AppFailure {
  code: string;
  message: string;
}

/** What the upstream says about a request now. */
export interface App2AppObservation {
  status: App2AppStatus;
  expiresAt: Date;
  result?: App2AppOutcome;
  error?: App2AppFailure;
}

export interface App2AppRecord extends App2AppObservation {
  requestKey: string;
  /** The viewer (JWT sub) who prepared it. */
  ownerId: string;
  type: App2AppType;
}

export interface App2AppSnapshot {
  requestKey: string;
  ownerId: string;
  type: App2AppType;
  status: App2AppStatus;
  expiresAt: string;
  result?: App2AppOutcome;
  error?: App2AppFailure;
}

export function toSnapshot(record: App2AppRecord): App2AppSnapshot {
  return { ...record, expiresAt: record.expiresAt.toISOString() };
}

export function fromSnapshot(snapshot: App2AppSnapshot): App2AppRecord {
  return { ...snapshot, expiresAt: new Date(snapshot.expiresAt) };
}

/**
 * Requests only move forward (prepared → requested → a terminal status), so a state ranked lower than
 * one already seen is an old message arriving late and must not be shown.
 */
export function progressOf(status: App2AppStatus): number {
  if (isTerminal(status)) return 2;
  return status === App2AppStatus.REQUESTED ? 1 : 0;
}

/** True when two observations say the same thing (a poll that saw no change). */
export function sameState(a: App2AppObservation, b: App2AppObservation): boolean {
  return (
    a.status === b.status &&
    a.expiresAt.getTime() === b.expiresAt.getTime() &&
    JSON.stringify(a.result ?? null) === JSON.stringify(b.result ?? null) &&
    JSON.stringify(a.error ?? null) === JSON.stringify(b.error ?? null)
  );
}
