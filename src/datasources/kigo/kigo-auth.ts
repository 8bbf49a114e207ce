/**
 * Kigo's session endpoints [doc: two levels; paths and fields are our model]. Base `{KIGO_BASE_URL}`.
 * - `POST /auth/partner {api_key, partner_id}` → partner session (30 min);
 * - `POST /auth/user {external_user_id}` with the partner session → user access token (1 h) and refresh
 *   token (1 year); Kigo creates the account on first use [doc];
 * - `POST /auth/user/refresh {refresh_token}` rotates both: the refresh token sent dies.
 * KigoSessions keeps and renews what these buy; nothing here caches, logs or returns a key in an error.
 */
import { backgroundScope } from '../../scope';
import type { UpstreamHttp } from '../http';
import { kigoPartnerSessionSchema, kigoUserSessionSchema, type KigoPartnerSession, type KigoUserSession } from './wire';

export interface KigoPartnerCredentials {
  apiKey: string;
  partnerId: string;
}

export class KigoAuthClient {
  constructor(
    private readonly http: UpstreamHttp,
    private readonly credentials: KigoPartnerCredentials,
  ) {}

  // Sessions are shared by many operations (single flight): their calls belong to none of them.

  openPartnerSession(): Promise<KigoPartnerSession> {
    const { apiKey, partnerId } = this.credentials;
    return this.http.json(
      { scope: backgroundScope('kigo-partner-session'), method: 'POST', path: '/auth/partner', route: '/auth/partner', body: { api_key: apiKey, partner_id: partnerId } },
      kigoPartnerSessionSchema,
    );
  }

  openUserSession(partnerSession: string, externalUserId: string): Promise<KigoUserSession> {
    return this.http.json(
      {
        scope: backgroundScope('kigo-user-session'),
        method: 'POST',
        path: '/auth/user',
        route: '/auth/user',
        headers: { authorization: `Bearer ${partnerSession}` },
        body: { external_user_id: externalUserId },
      },
      kigoUserSessionSchema,
    );
  }

  refreshUserSession(refreshToken: string): Promise<KigoUserSession> {
    return this.http.json(
      { scope: backgroundScope('kigo-user-session'), method: 'POST', path: '/auth/user/refresh', route: '/auth/user/refresh', body: { refresh_token: refreshToken } },
      kigoUserSessionSchema,
    );
  }
}
