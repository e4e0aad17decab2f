import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
};

/** The location hash, re-rendering on every change. */
export const useHash = (): string => useSyncExternalStore(subscribe, () => window.location.hash);
