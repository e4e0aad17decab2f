/**
 * Lets at most `limit` bot turns run at once; the rest wait their turn in arrival order. Under a
 * burst every turn still runs, but the ones in flight finish sooner and none waits behind a crowd
 * of later arrivals, so the slowest replies stay close to the typical one.
 */
/**
 * The default suits turns that spend little time waiting on other services (measured with the
 * local peers: above about 32, slow replies grow into seconds); raise it with
 * BOT_TURNS_IN_FLIGHT when turns wait long on remote calls.
 */
export const DEFAULT_TURNS_IN_FLIGHT = 32;

export class TurnGate {
  readonly #limit: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  async run<T>(turn: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#limit) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running += 1;
    }
    try {
      return await turn();
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) this.#running -= 1;
      else next(); // the slot passes straight to the next turn in line
    }
  }

  get waiting(): number {
    return this.#waiting.length;
  }
}
