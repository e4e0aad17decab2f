import { createContext, useContext } from 'react';
import type { ResponseOf, ApiClient, SchemeView, Routes } from '@pc/core/api';
import type { HostContext, TeamsHost } from './teams.ts';

export type Me = ResponseOf<Routes['me.get']>;

/** What every page needs: who is signed in, their scheme, the API and the host. */
export interface Session {
  readonly api: ApiClient;
  readonly me: Me;
  /** Null until the server offers the scheme route; pages then fall back to plain inputs. */
  readonly scheme: SchemeView | null;
  readonly host: TeamsHost | null;
  readonly context: HostContext;
  readonly botAppId?: string;
  /** A file from the API (a PDF form, a CSV) with the caller's token; undefined where there is none to send. */
  readonly download?: (path: string) => Promise<Blob>;
  /** Today as the server's clock sees it is not known to the browser; pages use the local date. */
  readonly today: string;
}

export const SessionContext = createContext<Session | null>(null);

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside a signed-in page.');
  return session;
};
