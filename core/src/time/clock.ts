import type { IsoDate, IsoDateTime } from './dates.ts';

/** The only way domain code learns the time; the engine itself is pure and takes "today" as an argument. */
export interface Clock {
  now(): IsoDateTime;
  today(): IsoDate;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => new Date().toISOString().slice(0, 10),
};

export const fixedClock = (instant: IsoDateTime): Clock => ({
  now: () => instant,
  today: () => instant.slice(0, 10),
});
