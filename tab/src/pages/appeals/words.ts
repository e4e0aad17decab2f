import { formatDate } from '../../components/format.ts';
import type { AppealListItem, AppealRole, Deadline } from './types.ts';

export const STEP_WORDS: Readonly<Record<Deadline['step'], string>> = {
  lodge: 'Lodge the appeal in writing',
  acknowledge: 'Acknowledge the appeal',
  decide: 'Written decision',
};

export const STAGE_WORDS: Readonly<Record<AppealListItem['stage'], string>> = {
  lodged: 'Lodged',
  acknowledged: 'Acknowledged',
  'hearing-recorded': 'Hearing arranged',
  decided: 'Decided (final)',
};

/** The people on an appeal, by name where known. */
export interface Names {
  readonly appellant: string;
  readonly hearer: string;
  readonly lodgedWith: string;
}

const isBexley = (a: AppealListItem): boolean => a.scheme === 'bexley-pms';

/** The reader's part, in a sentence. */
export const yourPart = (a: AppealListItem, roles: readonly AppealRole[], n: Names): string => {
  if (roles.includes('appellant')) return 'You lodged this appeal.';
  if (roles.includes('hearer')) {
    return isBexley(a)
      ? `You hear this appeal as ${n.lodgedWith}'s manager, with an HR adviser present, and decide it in writing.`
      : 'You handle this appeal as the next-in-line manager: acknowledge it, meet the colleague with People Services present, and confirm the outcome in writing.';
  }
  if (roles.includes('lodged-with'))
    return `${n.appellant} lodged this appeal with you in writing; ${n.hearer} hears it.`;
  if (roles.includes('hr')) {
    return isBexley(a)
      ? 'HR: an HR adviser attends the hearing.'
      : 'People Services: you have a copy of the appeal, and a member of People Services not previously involved attends the meeting.';
  }
  return `You held the review ${n.appellant} is appealing. You see where the appeal stands and its outcome, not the grounds or the written decision.`;
};

const due = (a: AppealListItem, step: Deadline['step']): string | undefined => {
  const d = a.deadlines.find((x) => x.step === step);
  return d === undefined ? undefined : formatDate(d.by);
};

/** What happens next, from where the appeal stands (002 Appendix 6; 003 §5.10). */
export const whatNext = (a: AppealListItem, n: Names): string => {
  if (a.stage === 'decided') return 'The decision is final: there is no further internal appeal.';
  const decideBy = due(a, 'decide');
  if (a.hearing !== undefined) {
    return isBexley(a)
      ? `${n.hearer} makes the decision in writing within five working days of the hearing${decideBy === undefined ? '' : `, by ${decideBy}`}. The timescale can be extended only if both sides agree.`
      : `After the meeting ${n.hearer} confirms the outcome in writing: upheld or not upheld, and the action to be taken. They may adjourn to investigate first.`;
  }
  if (!isBexley(a) && a.stage === 'lodged') {
    return `${n.hearer} acknowledges the appeal by ${due(a, 'acknowledge') ?? 'the seventh day'} and arranges to meet ${n.appellant} as soon as possible, with a member of People Services not previously involved.`;
  }
  return isBexley(a)
    ? `${n.hearer} hears the case from ${n.appellant} (or a representative) and the response from management, with an HR adviser present. The appellant may be accompanied by a fellow worker or trade union representative.`
    : `${n.hearer} meets ${n.appellant} as soon as possible, with a member of People Services not previously involved, to hear the appeal and the resolution wanted.`;
};

/** Who sees what on this appeal. */
export const whoSees = (n: Names): readonly string[] => [
  `The grounds and the written decision: ${n.appellant}, ${n.lodgedWith === n.hearer ? n.hearer : `${n.lodgedWith}, ${n.hearer}`} and HR.`,
  'The managers who held the review: that an appeal is under way, its dates and the outcome.',
  'Nobody else. Each time someone other than the appellant reads the grounds, it is listed on their My data page.',
];

export const deadlineStatus = (d: Deadline): string =>
  d.doneOn !== undefined ? `Done ${formatDate(d.doneOn)}${d.overdue ? ' (late)' : ''}` : d.overdue ? 'Overdue' : 'Due';
