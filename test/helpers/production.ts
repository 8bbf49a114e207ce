/** Production mode on the sandbox: production starts only with every credential set, so set them all. */
import { SANDBOX_CREDENTIALS } from '../../sandbox/provider';

/** `NODE_ENV=production` plus the sandbox's credentials and the given Xoxoday bootstrap refresh token. */
export function productionEnv(xoxodayRefreshToken: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    KIGO_API_KEY: SANDBOX_CREDENTIALS.kigo.apiKey,
    KIGO_PARTNER_ID: SANDBOX_CREDENTIALS.kigo.partnerId,
    KLIP_PARTNER_EMAIL: SANDBOX_CREDENTIALS.klip.partnerEmail,
    KLIP_PARTNER_PASSWORD: SANDBOX_CREDENTIALS.klip.partnerPassword,
    KLIP_CARD_CONTRACT: SANDBOX_CREDENTIALS.klip.cardContract,
    KLIP_CARD_PIN: SANDBOX_CREDENTIALS.klip.cardPin,
    XOXODAY_CLIENT_ID: SANDBOX_CREDENTIALS.xoxoday.clientId,
    XOXODAY_CLIENT_SECRET: SANDBOX_CREDENTIALS.xoxoday.clientSecret,
    XOXODAY_REDIRECT_URI: SANDBOX_CREDENTIALS.xoxoday.redirectUri,
    XOXODAY_REFRESH_TOKEN: xoxodayRefreshToken,
  };
}
