import type { Action } from './matrix.ts';

/** What each guarded action is, in the words of a refusal: "You can't <words> for this person." */
export const ACTION_WORDS: Readonly<Record<Action, string>> = {
  'profile.read': 'see this profile',
  'due.read': 'see what is due',
  'objective.read': 'see the objectives',
  'objective.write': 'change the objectives',
  'conversation.facts.read': 'see the conversation records',
  'conversation.content.read': 'read what was said in these conversations',
  'conversation.content.write': 'record a conversation',
  'conversation.agree': 'agree this record',
  'conversation.disagree': 'record a disagreement with this record',
  'conversation.rating.read': 'see the rating',
  'conversation.rating.write': 'give a rating',
  'conversation.rating.release': 'release the rating',
  'conversation.book': 'book a conversation',
  'handover.write': 'write a handover note',
  'appeal.lodge': 'lodge an appeal',
  'appeal.read': 'read the appeal',
  'appeal.decide': 'decide the appeal',
  'teamThemes.write': 'record Team Themes',
  'teamThemes.read': 'see the Team Themes',
  'compliance.read': 'see the compliance figures',
  'audit.read': 'see who opened these records',
  'export.annualReview': 'export the review form',
  'export.completionRecord': 'export the completion records',
  'export.subjectAccess': 'export all of the data held',
};

export const refusalFor = (action: Action): string => `You can't ${ACTION_WORDS[action]} for this person.`;
