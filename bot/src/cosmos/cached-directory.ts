import type { Employee, EmployeeRepository, PersonId, PersonLookup, TenantId } from '@pc/core';

/** Every lookup reads the store. */
export const storeLookup = (employees: Pick<EmployeeRepository, 'get'>): PersonLookup => ({
  person: async (tenantId, id) => (await employees.get(tenantId, id))?.item,
});

export interface DirectoryCacheOptions {
  /** How long a record read from the store is reused; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Records kept per process; the least recently read go first. */
  readonly maxEntries: number;
  readonly now?: () => number;
}

export const DEFAULT_DIRECTORY_CACHE_SECONDS = 60;
const DEFAULT_MAX_ENTRIES = 20_000;

interface Entry {
  readonly at: number;
  readonly value: Promise<Employee | undefined>;
}

/**
 * Employee records reused for a short while within one process, for display only (names on
 * cards, the colleagues a form offers). Each instance has its own copy, so after a manager change
 * one instance may show the old manager for up to the TTL while another shows the new one: that
 * is why no decision about who may act or see, nor the manager stamped on a note, reads through
 * here (the use cases read those records afresh). People not found are not remembered, so someone
 * synced a moment ago is found at once; reads of the same person at the same moment share one
 * store call.
 */
export class CachedDirectory implements PersonLookup {
  readonly #source: PersonLookup;
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();

  constructor(source: PersonLookup, options: Partial<DirectoryCacheOptions> = {}) {
    this.#source = source;
    this.#ttlMs = options.ttlMs ?? DEFAULT_DIRECTORY_CACHE_SECONDS * 1000;
    this.#max = Math.max(1, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
    this.#now = options.now ?? Date.now;
  }

  person(tenantId: TenantId, id: PersonId): Promise<Employee | undefined> {
    if (this.#ttlMs <= 0) return this.#source.person(tenantId, id);
    // Tenant and person ids are GUIDs or the like; a newline never occurs in either.
    const key = `${tenantId}\n${id}`;
    const now = this.#now();
    const hit = this.#entries.get(key);
    this.#entries.delete(key);
    if (hit !== undefined && now - hit.at < this.#ttlMs) {
      this.#entries.set(key, hit); // most recently read last
      return hit.value;
    }
    const value = this.#source.person(tenantId, id);
    const entry: Entry = { at: now, value };
    this.#entries.set(key, entry);
    this.#evict();
    value.then(
      (found) => {
        if (found === undefined && this.#entries.get(key) === entry) this.#entries.delete(key);
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }

  #evict(): void {
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) return;
      this.#entries.delete(oldest.value);
    }
  }
}
