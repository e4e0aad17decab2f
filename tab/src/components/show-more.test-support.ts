import { vi } from 'vitest';

/** jsdom has no ResizeObserver; Fluent's message bar (the live status) watches its own width with one. */
class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** Lets a live-status message render under jsdom; undone by `vi.unstubAllGlobals()`. */
export const allowMessageBars = (): void => {
  vi.stubGlobal('ResizeObserver', NoResize);
};
