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
  /** The next page of the notes about the reader, when there are more. */
  readonly aboutMeToken?: string;
  /** Notes the reader wrote about colleagues, newest first. */
  readonly written: readonly Note[];
  /** Display names by person id, for authors and subjects; names of authors on later pages join it. */
  readonly names: Map<string, string>;
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
/** Everyone the note form offers: the colleague list comes a page at a time, and the form needs all of it. */
const allColleagues = async (api: ApiClient, signal: AbortSignal): Promise<Person[]> => {
  const found: Person[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await api.call('me.colleagues', {
      query: { pageSize: 100, ...(continuationToken === undefined ? {} : { continuationToken }) },
      signal,
    });
    found.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return found;
};

/** Names of authors not yet known; an author who has since left the directory keeps their note, without a name. */
const addAuthorNames = async (
  api: ApiClient,
  notes: readonly Note[],
  names: Map<string, string>,
  signal?: AbortSignal,
) => {
  const unknown = [...new Set(notes.map((n) => n.authorId))].filter((id) => !names.has(id));
  const nameOf = (personId: string) =>
    api
      .call('person.get', { params: { personId }, ...(signal === undefined ? {} : { signal }) })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      });
  for (const person of await inBatches(unknown, nameOf)) if (person !== null) names.set(person.id, person.displayName);
};

/** The next page of notes about the reader, with their authors' names added to `names`. */
export const moreNotesAboutMe = async (
  api: ApiClient,
  meId: string,
  continuationToken: string,
  names: Map<string, string>,
): Promise<{ items: Note[]; continuationToken?: string }> => {
  const page = await api.call('feedback.list', {
    params: { personId: meId },
    query: { pageSize: PAGE_SIZE, continuationToken },
  });
  await addAuthorNames(api, page.items, names);
  return page;
};

export const loadNotes = async (api: ApiClient, me: Person, signal: AbortSignal): Promise<NotesData> => {
  const colleagues = (await allColleagues(api, signal)).filter((c) => c.id !== me.id);
  const list = (personId: string) =>
    api.call('feedback.list', { params: { personId }, query: { pageSize: PAGE_SIZE }, signal });
  const mine = await list(me.id);
  const aboutMe = mine.items;
  const perColleague = await inBatches(colleagues, async (c) => (await list(c.id)).items);
  const written = perColleague.flat().filter((n) => n.authorId === me.id);
  const names = new Map<string, string>([
    [me.id, me.displayName],
    ...colleagues.map((c) => [c.id, c.displayName] as const),
  ]);
  await addAuthorNames(api, aboutMe, names, signal);
  return {
    colleagues,
    aboutMe: [...aboutMe].sort(newestFirst),
    ...(mine.continuationToken === undefined ? {} : { aboutMeToken: mine.continuationToken }),
    written: written.sort(newestFirst),
    names,
  };
};
