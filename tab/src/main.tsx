// First, so the first screen's call is on its way before the rest of the app is even evaluated.
import { firstLoad } from './main-start.ts';

const { startApp } = await import('./app.tsx');
startApp(window, firstLoad);
