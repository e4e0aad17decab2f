import { ApiError, type ApiClient, type ResponseOf, type Routes } from '@pc/core/api';

export type Note = ResponseOf<Routes['feedback.list']>['items'][number];
export interface Person {
  readonly id: string;
  readonly displayName: string;
}

export interface NotesData {
  /** The people the reader may write about besides themself (the bot's colleague rule). */
  readonly colleagues: readonly Person[];
  readonly aboutMe: readonly Note[];
  /** Notes the reader wrote about colleagues, newest first. */
  readonly written: readonly Note[];
  /** Display names by person id, for authors and subjects. */
  readonly names: ReadonlyMap<string, string>;
}

const PAGE_SIZE = 50;
// Several colleagues' lists are read a few at a time, never all at once.
const IN_FLIGHT = 4;

const inBatches = async <T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> => {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += IN_FLIGHT)
    out.push(...(await Promise.all(items.slice(i, i + IN_FLIGHT).map(run))));
  return out;
};

const newestFirst = (a: Note, b: Note) => b.createdAt.localeCompare(a.createdAt);

/**
 * The reader's notes: those about them (any author) and those they wrote about each colleague.
 * The server hands each list out filtered by who may read it; the tab only picks the reader's own.
 */
export const loadNotes = async (api: ApiClient, me: Person, signal: AbortSignal): Promise<NotesData> => {
  const colleagues = (await api.call('me.colleagues', { signal })).items.filter((c) => c.id !== me.id);
  const list = (personId: string) =>
    api.call('feedback.list', { params: { personId }, query: { pageSize: PAGE_SIZE }, signal });
  const aboutMe = (await list(me.id)).items;
  const perColleague = await inBatches(colleagues, async (c) => (await list(c.id)).items);
  const written = perColleague.flat().filter((n) => n.authorId === me.id);
  const names = new Map<string, string>([
    [me.id, me.displayName],
    ...colleagues.map((c) => [c.id, c.displayName] as const),
  ]);
  const unknown = [...new Set(aboutMe.map((n) => n.authorId))].filter((id) => !names.has(id));
  // An author who has since left the directory keeps their note; it shows without a name.
  const nameOf = (personId: string) =>
    api.call('person.get', { params: { personId }, signal }).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    });
  for (const person of await inBatches(unknown, nameOf)) if (person !== null) names.set(person.id, person.displayName);
  return { colleagues, aboutMe: [...aboutMe].sort(newestFirst), written: written.sort(newestFirst), names };
};
