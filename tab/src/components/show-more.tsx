import { Button } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { ErrorNotice, LiveStatus } from './status.tsx';

/** One page of a list as the API hands it out. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly continuationToken?: string;
}

export interface MoreOf<T> {
  /** The first page followed by every page loaded since. */
  readonly items: readonly T[];
  /** True once the last page is loaded. */
  readonly complete: boolean;
  /** The "Show more" button (absent on the last page), its announcement and any failure; it keeps focus while loading. */
  readonly control: ReactNode;
}

interface Loaded<T> {
  readonly first: ListPage<T>;
  readonly items: readonly T[];
  readonly token: string | undefined;
}

/**
 * A list loaded a page at a time: `first` is the page the view loaded, `next` fetches the page
 * after a token. A new first page (a reload) starts the list again. How many more were loaded is
 * announced politely, so a screen-reader user hears that the button worked.
 */
export const useShowMore = <T,>(
  first: ListPage<T>,
  next: (token: string) => Promise<ListPage<T>>,
  words: { one: string; many: string },
): MoreOf<T> => {
  const start = (): Loaded<T> => ({ first, items: first.items, token: first.continuationToken });
  const [loaded, setLoaded] = useState<Loaded<T>>(start);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const current = loaded.first === first ? loaded : start();
  const more = async (token: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const page = await next(token);
      setLoaded({ first, items: [...current.items, ...page.items], token: page.continuationToken });
      const count = page.items.length;
      const noun = count === 1 ? words.one : words.many;
      setStatus(
        `${String(count)} more ${noun} shown${page.continuationToken === undefined ? ', the last of them' : ''}.`,
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const token = current.token;
  return {
    items: current.items,
    complete: token === undefined,
    control: (
      <>
        <LiveStatus message={current === loaded ? status : ''} />
        {error === null ? null : <ErrorNotice error={error} />}
        {token === undefined ? null : (
          <div>
            <Button disabledFocusable={busy} onClick={() => void more(token)}>
              {busy ? 'Loading more…' : `Show more ${words.many}`}
            </Button>
          </div>
        )}
      </>
    ),
  };
};
