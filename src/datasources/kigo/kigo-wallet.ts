/**
 * A viewer's Kigo wallet: each KigoClient call made with that viewer's user session (KigoSessions),
 * so callers name a viewer and never touch a Kigo credential.
 */
import type { KigoClient } from './kigo-client';
import type { KigoSessions } from './kigo-sessions';
import type { KigoShare, KigoToken, KigoTokenPage, KigoTokenStatus } from './wire';

export class KigoWallet {
  constructor(
    private readonly client: KigoClient,
    private readonly sessions: KigoSessions,
  ) {}

  list(sub: string, page: { offset: number; limit: number; status?: KigoTokenStatus }): Promise<KigoTokenPage> {
    return this.sessions.asUser(sub, (access) => this.client.listTokens(access, page));
  }

  get(sub: string, tokenId: string): Promise<KigoToken> {
    return this.sessions.asUser(sub, (access) => this.client.getToken(access, tokenId));
  }

  share(sub: string, tokenId: string): Promise<KigoShare> {
    return this.sessions.asUser(sub, (access) => this.client.shareToken(access, tokenId));
  }

  cancelShare(sub: string, tokenId: string): Promise<KigoToken> {
    return this.sessions.asUser(sub, (access) => this.client.cancelShare(access, tokenId));
  }

  previewClaim(sub: string, claimCode: string): Promise<KigoToken> {
    return this.sessions.asUser(sub, (access) => this.client.previewClaim(access, claimCode));
  }

  claim(sub: string, claimCode: string): Promise<KigoToken> {
    return this.sessions.asUser(sub, (access) => this.client.claim(access, claimCode));
  }
}
