import { createContext, useContext } from 'react';
import type { ApiClient, ResponseOf, Routes } from '@pc/core/api';

export type Home = ResponseOf<Routes['me.home']>;

/** The tab's first screen in one call: who I am, my scheme, what is due, my objectives and conversations. */
export const loadHome = (api: ApiClient, signal: AbortSignal): Promise<Home> => api.call('me.home', { signal });

/**
 * What the first load brought, for the page the tab opened on to show at once instead of asking
 * again; null once the person has moved to another page, where it may be out of date.
 */
export const FirstScreenContext = createContext<Home | null>(null);

export const useFirstScreen = (): Home | null => useContext(FirstScreenContext);
