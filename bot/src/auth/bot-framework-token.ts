import { AppError } from '@pc/core';
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { bearerToken } from './bearer.ts';

/** The public cloud's Bot Framework channel: who signs the activities Teams sends to a bot. */
export const BOT_FRAMEWORK_OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
export const BOT_FRAMEWORK_TOKEN_ISSUER = 'https://api.botframework.com';

export interface ChannelTokenOptions {
  /** The bot's app id: the only audience accepted. */
  readonly appId: string;
  readonly openIdMetadataUrl?: string;
  readonly tokenIssuer?: string;
}

/** Checks the token the Bot Connector sends with each activity, before any SDK code sees it. */
export interface ChannelTokenCheck {
  check(authorizationHeader: string | readonly string[] | undefined, serviceUrl: string | undefined): Promise<void>;
}

// One message for every rejection: reasons such as the token's audience stay in the server.
const REJECTED = 'This endpoint accepts only activities signed by the Bot Framework.';

/**
 * Bot Framework channel tokens: RS256 from the channel's published keys, issued by the channel,
 * for this bot, unexpired, and naming the connector the activity says it came from. Any failure
 * is AppError 'unauthenticated'; an unreachable key server is 'unavailable' (the connector retries).
 */
export const createChannelTokenCheck = (options: ChannelTokenOptions): ChannelTokenCheck => {
  const metadataUrl = options.openIdMetadataUrl ?? BOT_FRAMEWORK_OPENID_METADATA_URL;
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const loadKeys = async (): Promise<JWTVerifyGetKey> => {
    const response = await fetch(metadataUrl, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`OpenID metadata answered ${String(response.status)}`);
    const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
    if (typeof jwksUri !== 'string') throw new Error('OpenID metadata names no jwks_uri');
    return createRemoteJWKSet(new URL(jwksUri));
  };
  const keySet = (): Promise<JWTVerifyGetKey> => {
    keys ??= loadKeys().catch((error: unknown) => {
      keys = undefined; // try again on the next request
      throw new AppError('unavailable', 'Sign-in cannot be checked right now; please try again', { cause: error });
    });
    return keys;
  };

  const issuer = options.tokenIssuer ?? BOT_FRAMEWORK_TOKEN_ISSUER;

  /** Refuses what cannot be a channel token before any key is fetched (unsigned, another issuer). */
  const plausible = (token: string): void => {
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'RS256' || typeof header.kid !== 'string') throw new AppError('unauthenticated', REJECTED);
    if (decodeJwt(token).iss !== issuer) throw new AppError('unauthenticated', REJECTED);
  };

  return {
    check: async (authorizationHeader, serviceUrl) => {
      let token: string;
      try {
        token = bearerToken(authorizationHeader);
        plausible(token);
      } catch (cause) {
        throw cause instanceof AppError && cause.message === REJECTED
          ? cause
          : new AppError('unauthenticated', REJECTED, { cause });
      }
      const getKey = await keySet();
      try {
        const { payload } = await jwtVerify(token, getKey, {
          algorithms: ['RS256'],
          issuer,
          audience: options.appId,
          clockTolerance: 300,
          requiredClaims: ['exp', 'iss', 'aud'],
        });
        if (serviceUrl !== undefined && payload.serviceurl !== serviceUrl) {
          throw new AppError('unauthenticated', REJECTED);
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) {
          throw new AppError('unavailable', 'Sign-in cannot be checked right now; please try again', { cause: error });
        }
        throw new AppError('unauthenticated', REJECTED, { cause: error });
      }
    },
  };
};
