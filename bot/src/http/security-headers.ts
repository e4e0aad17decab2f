/**
 * Response headers every answer carries. The tab and the add-in run inside Teams, Outlook and
 * the other Microsoft 365 hosts, so only those hosts (and this origin) may frame our pages.
 */

/** Hosts that embed the tab (Teams, the Microsoft 365 app) and the add-in (Outlook on the web and desktop). */
export const FRAME_ANCESTORS: readonly string[] = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
];

/** Office.js is loaded from Microsoft's CDN by the add-in's task pane. */
const OFFICE_SCRIPT_HOSTS = ['https://appsforoffice.microsoft.com'];

export interface SecurityHeaderOptions {
  /** HSTS and no source maps in production only: local servers speak plain HTTP. */
  readonly production: boolean;
  /** Origins the pages may call besides their own (the sign-in authority). */
  readonly connectSources?: readonly string[];
}

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

export const contentSecurityPolicy = (options: SecurityHeaderOptions): string => {
  const connect = ["'self'", ...new Set((options.connectSources ?? []).flatMap((url) => originOf(url) ?? []))];
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_SCRIPT_HOSTS.join(' ')}`,
    // Fluent UI writes its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
};

export const securityHeaders = (options: SecurityHeaderOptions): Readonly<Record<string, string>> => ({
  'Content-Security-Policy': contentSecurityPolicy(options),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  ...(options.production ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
});

/** Source maps show the shipped code's structure; production serves none. */
export const isSourceMapPath = (path: string): boolean => path.endsWith('.map');
