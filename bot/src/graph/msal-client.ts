import { ConfidentialClientApplication, LogLevel, type INetworkModule } from '@azure/msal-node';

export interface MsalClientOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Authority host, e.g. https://login.microsoftonline.com (MSAL accepts https only). */
  readonly authority: string;
  /** Replaces MSAL's HTTP stack; local runs and tests use it to reach a fake issuer. */
  readonly networkClient?: INetworkModule;
}

/**
 * The one place a ConfidentialClientApplication is made. The authority host is declared known so
 * MSAL trusts it without instance discovery: no call leaves for the public cloud's discovery
 * endpoint, which also keeps local runs and tests off the internet.
 */
export const createMsalClient = (options: MsalClientOptions): ConfidentialClientApplication => {
  const host = options.authority.replace(/\/+$/, '');
  return new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      authority: `${host}/${options.tenantId}`,
      knownAuthorities: [new URL(host).host],
    },
    system: {
      ...(options.networkClient === undefined ? {} : { networkClient: options.networkClient }),
      loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined },
    },
  });
};
