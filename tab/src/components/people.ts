import { firstNameOf } from '@pc/core/api';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';

/** A colleague's name for a page that speaks of them; undefined while it loads or if it cannot be read. */
export const usePersonName = (personId: string | undefined): string | undefined => {
  const { api, me } = useSession();
  const own = personId === me.person.id;
  const [loaded] = useLoad(
    async (signal) =>
      personId === undefined || own ? null : await api.call('person.get', { params: { personId }, signal }),
    [api, personId, own],
  );
  if (own) return me.person.displayName;
  return loaded.state === 'ready' ? loaded.data?.displayName : undefined;
};

export { firstNameOf };
