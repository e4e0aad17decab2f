/**
 * The app itself (React, Fluent UI, the schemas and the API client), loaded by main.tsx once the
 * first screen's call is already on its way, so evaluating all this overlaps the token and the
 * call instead of coming before them. The build asks for this chunk from the page's head too
 * (vite.config.ts), so it is not fetched any later than before.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { FirstLoad } from './api-first-load.ts';
import { Root } from './root.tsx';

export const startApp = (win: Window, firstLoad: FirstLoad): void => {
  const element = win.document.getElementById('root');
  if (element === null) throw new Error('The page has no #root element.');
  createRoot(element).render(
    <StrictMode>
      <Root win={win} firstLoad={firstLoad} />
    </StrictMode>,
  );
};
