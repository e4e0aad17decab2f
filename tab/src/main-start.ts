/**
 * Evaluated before anything else on the page (main.tsx imports it first, and it loads no schemas,
 * React DOM or Fluent UI): Teams' start, the first screen's call and the opening page's code begin
 * here, while the rest of the app is still being evaluated.
 */
import { startFirstLoad } from './api-first-load.ts';

export const firstLoad = startFirstLoad(window);
