import type { ConversationRecord } from '../domain/conversations.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import type { Employee } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import type { ConversationRepository, EmployeeRepository, FeedbackRepository, Stored } from '../ports/repositories.ts';
import { fixedClock } from '../time/clock.ts';
import type { Repositories, UseCaseDeps } from './deps.ts';

/** Items by tenant, partition and id, each with an ETag that changes on every write, as Cosmos does. */
class Docs<T extends { readonly tenantId: string; readonly id: string }> {
  readonly #items = new Map<string, Stored<T>>();
  #version = 0;
  readonly #partition: (item: T) => string;

  constructor(partition: (item: T) => string) {
    this.#partition = partition;
  }

  #key = (tenantId: string, partition: string, id: string): string => `${tenantId}\n${partition}\n${id}`;

  get = (tenantId: string, partition: string, id: string): Promise<Stored<T> | undefined> =>
    Promise.resolve(this.#items.get(this.#key(tenantId, partition, id)));

  all = (): T[] => [...this.#items.values()].map((s) => s.item);

  create = (item: T): Promise<Stored<T>> => {
    const key = this.#key(item.tenantId, this.#partition(item), item.id);
    if (this.#items.has(key)) return Promise.reject(new AppError('conflict', 'Exists.'));
    return Promise.resolve(this.#write(key, item));
  };

  update = (item: T, etag: string): Promise<Stored<T>> => {
    const key = this.#key(item.tenantId, this.#partition(item), item.id);
    const current = this.#items.get(key);
    if (current === undefined) return Promise.reject(new AppError('not-found', 'Missing.'));
    if (current.etag !== etag) return Promise.reject(new AppError('conflict', 'Changed meanwhile.'));
    return Promise.resolve(this.#write(key, item));
  };

  #write(key: string, item: T): Stored<T> {
    this.#version += 1;
    const stored = { item, etag: `"${String(this.#version)}"` };
    this.#items.set(key, stored);
    return stored;
  }
}

const unused = (): never => {
  throw new Error('not used by these tests');
};

export interface FakeRepos {
  readonly deps: UseCaseDeps;
  readonly employees: Docs<Employee>;
  readonly conversations: Docs<ConversationRecord>;
  readonly feedback: Docs<FeedbackEntry>;
}

/** The repositories the feedback use cases read and write, in memory; the rest refuse to be used. */
export const fakeRepos = (people: readonly Employee[], today = '2027-05-10'): FakeRepos => {
  const employees = new Docs<Employee>((e) => e.id);
  const conversations = new Docs<ConversationRecord>((c) => c.employeeId);
  const feedback = new Docs<FeedbackEntry>((f) => f.subjectId);
  for (const person of people) void employees.create(person);
  const employeeRepo: EmployeeRepository = {
    get: (tenantId, id) => employees.get(tenantId, id, id),
    create: employees.create,
    update: employees.update,
    listReports: (tenantId, managerId) =>
      Promise.resolve(
        employees.all().filter((e) => e.tenantId === tenantId && currentManagerIds(e).includes(managerId)),
      ),
    list: unused,
  };
  const conversationRepo: ConversationRepository = {
    get: conversations.get,
    create: conversations.create,
    update: conversations.update,
    listForEmployee: (tenantId, employeeId, query = {}) =>
      Promise.resolve({
        items: conversations
          .all()
          .filter((c) => c.tenantId === tenantId && c.employeeId === employeeId)
          .filter((c) => query.type === undefined || c.type === query.type)
          .filter((c) => query.from === undefined || c.date >= query.from)
          .sort((a, b) => b.date.localeCompare(a.date)),
      }),
  };
  const feedbackRepo: FeedbackRepository = {
    get: feedback.get,
    create: feedback.create,
    update: feedback.update,
    listForSubject: (tenantId, subjectId) =>
      Promise.resolve({
        items: feedback.all().filter((f) => f.tenantId === tenantId && f.subjectId === subjectId),
      }),
  };
  let ids = 0;
  const repos = {
    tenants: { get: unused, put: unused },
    employees: employeeRepo,
    conversations: conversationRepo,
    feedback: feedbackRepo,
  } as unknown as Repositories;
  const deps: UseCaseDeps = {
    repos,
    clock: fixedClock(`${today}T09:00:00.000Z`),
    newId: () => `id-${String((ids += 1))}`,
  };
  return { deps, employees, conversations, feedback };
};
