// First, so the first screen's call is on its way before the rest of the app is evaluated.
import { firstLoad } from './main-start.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './root.tsx';

const element = document.getElementById('root');
if (element === null) throw new Error('The page has no #root element.');
createRoot(element).render(
  <StrictMode>
    <Root win={window} firstLoad={firstLoad} />
  </StrictMode>,
);
