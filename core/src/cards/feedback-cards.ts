import type { FeedbackKind, FeedbackVisibility } from '../domain/feedback.ts';
import type { PersonId } from '../domain/people.ts';
import {
  DEFAULT_FEEDBACK_VISIBILITY,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_TEXT_MAX,
  FEEDBACK_VISIBILITIES,
  FEEDBACK_VISIBILITY_LABELS,
  FORM_FEEDBACK_KINDS,
} from '../feedback/labels.ts';
import { card, execute, facts, heading, plain, text, type AdaptiveCard } from './elements.ts';
import { CARD_VERBS } from './verbs.ts';

export interface Colleague {
  readonly id: PersonId;
  readonly displayName: string;
}

export interface FeedbackFormInput {
  readonly selfId: PersonId;
  /** People the author may write about; the author is offered as "Myself" first. */
  readonly colleagues: readonly Colleague[];
}

/** Keeps the card well under Teams' size limit; the list is searchable (filtered style), Myself first. */
export const MAX_FORM_COLLEAGUES = 150;

/** Names of the form's inputs; the submission parser reads exactly these. */
export const FEEDBACK_FIELDS = {
  subjectId: 'subjectId',
  kind: 'kind',
  text: 'text',
  visibility: 'visibility',
  addToAgenda: 'addToAgenda',
} as const;

export const FEEDBACK_FIELD_LABELS: Readonly<Record<string, string>> = {
  subjectId: 'Who it is about',
  kind: 'What kind',
  text: 'What happened',
  visibility: 'Who can see it',
  addToAgenda: 'Add to agenda',
};

export const buildFeedbackFormCard = (input: FeedbackFormInput): AdaptiveCard => {
  const others = input.colleagues.filter((c) => c.id !== input.selfId).slice(0, MAX_FORM_COLLEAGUES);
  return card(
    [
      heading('In-the-moment feedback'),
      text('A short note of advice given, an issue resolved or work done well.', { isSubtle: true }),
      {
        type: 'Input.ChoiceSet',
        id: FEEDBACK_FIELDS.subjectId,
        label: FEEDBACK_FIELD_LABELS.subjectId,
        style: 'filtered',
        isRequired: true,
        errorMessage: 'Choose yourself or a colleague',
        // No preselection: some renderers show a searchable list's preselected value (an id), not its title.
        choices: [
          { title: 'Myself', value: input.selfId },
          ...others.map((c) => ({ title: c.displayName, value: c.id })),
        ],
      },
      {
        type: 'Input.ChoiceSet',
        id: FEEDBACK_FIELDS.kind,
        label: FEEDBACK_FIELD_LABELS.kind,
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Choose what kind of feedback this is',
        choices: FORM_FEEDBACK_KINDS.map((kind) => ({ title: FEEDBACK_KIND_LABELS[kind], value: kind })),
      },
      {
        type: 'Input.Text',
        id: FEEDBACK_FIELDS.text,
        label: FEEDBACK_FIELD_LABELS.text,
        isMultiline: true,
        isRequired: true,
        maxLength: FEEDBACK_TEXT_MAX,
        placeholder: 'e.g. Talked through the new rota and agreed cover for Fridays',
        errorMessage: `Write a short note (up to ${FEEDBACK_TEXT_MAX} characters)`,
      },
      {
        type: 'Input.ChoiceSet',
        id: FEEDBACK_FIELDS.visibility,
        label: FEEDBACK_FIELD_LABELS.visibility,
        style: 'compact',
        isRequired: true,
        errorMessage: 'Choose who can see it',
        value: DEFAULT_FEEDBACK_VISIBILITY,
        choices: FEEDBACK_VISIBILITIES.map((v) => ({ title: FEEDBACK_VISIBILITY_LABELS[v], value: v })),
      },
      {
        type: 'Input.Toggle',
        id: FEEDBACK_FIELDS.addToAgenda,
        title: 'Add to the agenda of my next regular conversation',
        value: 'false',
        valueOn: 'true',
        valueOff: 'false',
      },
    ],
    [execute(CARD_VERBS.feedbackLog, 'Log feedback', undefined, { style: 'positive' })],
  );
};

export interface FeedbackConfirmationInput {
  readonly subjectName: string;
  readonly aboutSelf: boolean;
  readonly kind: FeedbackKind;
  readonly visibility: FeedbackVisibility;
  readonly addedToAgenda: boolean;
  /** The note asked to join the agenda: when it did not, the card says why. */
  readonly agendaAsked?: boolean;
  /** True when this exact submission had already been saved (a resend): nothing new was stored. */
  readonly alreadyRecorded: boolean;
}

const agendaLine = (input: FeedbackConfirmationInput): string => {
  if (input.addedToAgenda) return 'Added to your next regular conversation';
  return input.agendaAsked === true
    ? 'Not added: no regular conversation is booked yet. The note will be offered for the agenda when one is booked.'
    : 'Not added';
};

export const buildFeedbackConfirmationCard = (input: FeedbackConfirmationInput): AdaptiveCard =>
  card(
    [
      heading(input.alreadyRecorded ? 'Already recorded' : 'Feedback logged'),
      text(
        input.alreadyRecorded
          ? 'This feedback was saved earlier; nothing was added twice.'
          : 'Thank you: small moments like this make the bigger conversations easier.',
      ),
      facts([
        ['About', input.aboutSelf ? 'You' : plain(input.subjectName)],
        ['Kind', FEEDBACK_KIND_LABELS[input.kind]],
        ['Who can see it', FEEDBACK_VISIBILITY_LABELS[input.visibility]],
        ['Agenda', agendaLine(input)],
      ]),
    ],
    [execute(CARD_VERBS.feedbackOpen, 'Log more feedback')],
  );
