import { ObjectiveDetail } from './detail.tsx';
import { ObjectiveEditor } from './editor.tsx';
import { ObjectiveList } from './list.tsx';

/** #/objectives, #/objectives/new, #/objectives/:id, #/objectives/:id/edit */
const ObjectivesPage = ({ rest }: { rest: readonly string[] }) => {
  const [first, second] = rest;
  if (first === undefined) return <ObjectiveList />;
  if (first === 'new') return <ObjectiveEditor />;
  if (second === 'edit') return <ObjectiveEditor objectiveId={first} />;
  return <ObjectiveDetail objectiveId={first} />;
};
export default ObjectivesPage;
