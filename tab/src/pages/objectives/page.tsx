import { lazy } from 'react';
import { ObjectiveList } from './list.tsx';

// The list is the tab's first screen; the forms and the detail view load when someone opens them.
const ObjectiveEditor = lazy(() => import('./editor.tsx').then((m) => ({ default: m.ObjectiveEditor })));
const ObjectiveDetail = lazy(() => import('./detail.tsx').then((m) => ({ default: m.ObjectiveDetail })));

/** #/objectives, #/objectives/new, #/objectives/:id, #/objectives/:id/edit */
const ObjectivesPage = ({ rest }: { rest: readonly string[] }) => {
  const [first, second] = rest;
  if (first === undefined) return <ObjectiveList />;
  if (first === 'new') return <ObjectiveEditor />;
  if (second === 'edit') return <ObjectiveEditor objectiveId={first} />;
  return <ObjectiveDetail objectiveId={first} />;
};
export default ObjectivesPage;
