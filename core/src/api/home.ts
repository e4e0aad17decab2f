import { z } from 'zod';
import { conversationFacts } from './conversations.ts';
import { objective } from './objectives.ts';
import { dueReport, me } from './people.ts';
import { schemeView } from './scheme.ts';

/** An objective as the first screen lists it; a client reads the objective itself to edit it. */
export const homeObjective = objective.omit({ etag: true });

/** The tab's first screen in one response: who I am, my scheme, what is due, my objectives and conversations. */
export const home = z.object({
  me,
  scheme: schemeView,
  /** Absent for an administrator whose own record the directory sync has not brought in yet. */
  due: dueReport.optional(),
  objectives: z.array(homeObjective),
  /** Newest first, as facts: the pages read a record itself to show or change it. */
  conversations: z.array(conversationFacts.shape.facts),
});
