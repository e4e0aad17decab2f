import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './root.tsx';

const element = document.getElementById('root');
if (element === null) throw new Error('The page has no #root element.');
createRoot(element).render(
  <StrictMode>
    <Root win={window} />
  </StrictMode>,
);
