import type { FeedbackKind, FeedbackVisibility } from '../domain/feedback.ts';
import type { PersonId } from '../domain/people.ts';
import type { FieldIssue } from '../errors.ts';
import {
  DEFAULT_FEEDBACK_VISIBILITY,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_TEXT_MAX,
  FEEDBACK_VISIBILITIES,
  FEEDBACK_VISIBILITY_LABELS,
  FORM_FEEDBACK_KINDS,
} from '../feedback/labels.ts';
import { card, execute, facts, heading, plain, text, type AdaptiveCard, type CardElement } from './elements.ts';
import { CARD_VERBS } from './verbs.ts';

export interface Colleague {
  readonly id: PersonId;
  readonly displayName: string;
}

export interface FeedbackFormInput {
  readonly selfId: PersonId;
  /** People the author may write about; the author is offered as "Myself" first. */
  readonly colleagues: readonly Colleague[];
  /** A refused submission: the form comes back with what was typed and each problem beside its field. */
  readonly again?: {
    readonly typed: Readonly<Record<string, unknown>>;
    readonly issues: readonly FieldIssue[];
  };
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

/** What was typed into one input, when it can be put back as the input's value. */
const typedValue = (input: FeedbackFormInput, field: string): { value?: string } => {
  const value = input.again?.typed[field];
  return typeof value === 'string' && value !== '' ? { value } : {};
};

/** The problem with one field, right below it, in the attention colour. */
const problemBeside = (input: FeedbackFormInput, field: string): CardElement[] =>
  (input.again?.issues ?? [])
    .filter((issue) => issue.path === field)
    .map((issue) => text(issue.message, { color: 'Attention', spacing: 'None', size: 'Small' }));

const knownValue = (value: { value?: string }, allowed: readonly string[]): { value?: string } =>
  value.value !== undefined && allowed.includes(value.value) ? value : {};

export const buildFeedbackFormCard = (input: FeedbackFormInput): AdaptiveCard => {
  const others = input.colleagues.filter((c) => c.id !== input.selfId).slice(0, MAX_FORM_COLLEAGUES);
  const subjects = [
    { title: 'Myself', value: input.selfId },
    ...others.map((c) => ({ title: c.displayName, value: c.id })),
  ];
  const agenda = typedValue(input, FEEDBACK_FIELDS.addToAgenda).value === 'true' ? 'true' : 'false';
  return card(
    [
      heading('In-the-moment feedback'),
      text('A short note of advice given, an issue resolved or work done well.', { isSubtle: true }),
      ...(input.again === undefined
        ? []
        : [text('Nothing was saved yet. Fix what is marked below and send it again.', { color: 'Attention' })]),
      {
        type: 'Input.ChoiceSet',
        id: FEEDBACK_FIELDS.subjectId,
        label: FEEDBACK_FIELD_LABELS.subjectId,
        style: 'filtered',
        isRequired: true,
        errorMessage: 'Choose yourself or a colleague',
        // No preselection on a fresh form: some renderers show a searchable list's preselected value (an id),
        // not its title. A refilled form keeps the choice the person already made.
        ...knownValue(
          typedValue(input, FEEDBACK_FIELDS.subjectId),
          subjects.map((c) => c.value),
        ),
        choices: subjects,
      },
      ...problemBeside(input, FEEDBACK_FIELDS.subjectId),
      {
        type: 'Input.ChoiceSet',
        id: FEEDBACK_FIELDS.kind,
        label: FEEDBACK_FIELD_LABELS.kind,
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Choose what kind of feedback this is',
        ...knownValue(typedValue(input, FEEDBACK_FIELDS.kind), FORM_FEEDBACK_KINDS),
        choices: FORM_FEEDBACK_KINDS.map((kind) => ({ title: FEEDBACK_KIND_LABELS[kind], value: kind })),
      },
      ...problemBeside(input, FEEDBACK_FIELDS.kind),
      {
        type: 'Input.Text',
        id: FEEDBACK_FIELDS.text,
        label: FEEDBACK_FIELD_LABELS.text,
        isMultiline: true,
        isRequired: true,
        maxLength: FEEDBACK_TEXT_MAX,
        placeholder: 'e.g. Talked through the new rota and agreed cover for Fridays',
        errorMessage: `Write a short note (up to ${FEEDBACK_TEXT_MAX} characters)`,
        ...typedValue(input, FEEDBACK_FIELDS.text),
      },
      ...problemBeside(input, FEEDBACK_FIELDS.text),
      {
        type: 'Input.ChoiceSet',
        id: FEEDBACK_FIELDS.visibility,
        label: FEEDBACK_FIELD_LABELS.visibility,
        style: 'compact',
        isRequired: true,
        errorMessage: 'Choose who can see it',
        value:
          knownValue(typedValue(input, FEEDBACK_FIELDS.visibility), FEEDBACK_VISIBILITIES).value ??
          DEFAULT_FEEDBACK_VISIBILITY,
        choices: FEEDBACK_VISIBILITIES.map((v) => ({ title: FEEDBACK_VISIBILITY_LABELS[v], value: v })),
      },
      ...problemBeside(input, FEEDBACK_FIELDS.visibility),
      {
        type: 'Input.Toggle',
        id: FEEDBACK_FIELDS.addToAgenda,
        title: 'Add to the agenda of their next regular conversation (yours, if it is about you)',
        value: agenda,
        valueOn: 'true',
        valueOff: 'false',
      },
      ...problemBeside(input, FEEDBACK_FIELDS.addToAgenda),
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
  /** The tab's booking page for the person the note is about, offered when there was no conversation to add it to. */
  readonly bookUrl?: string;
}

/** Whose conversation: "your" when the note is about the reader, otherwise "Sam Patel's". */
const agendaLine = (input: FeedbackConfirmationInput): string => {
  const whose = input.aboutSelf ? 'your' : `${plain(input.subjectName)}'s`;
  if (input.addedToAgenda) return `Added to the agenda of ${whose} next regular conversation`;
  if (input.agendaAsked !== true) return 'Not added';
  const who = input.aboutSelf ? 'You have' : `${plain(input.subjectName)} has`;
  return `Not added: ${who} no regular conversation booked yet. The note will be offered for the agenda when one is booked.`;
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
    [
      execute(CARD_VERBS.feedbackOpen, 'Log more feedback'),
      ...(input.agendaAsked === true && !input.addedToAgenda && input.bookUrl !== undefined
        ? [{ type: 'Action.OpenUrl' as const, title: 'Book a conversation', url: input.bookUrl }]
        : []),
    ],
  );
