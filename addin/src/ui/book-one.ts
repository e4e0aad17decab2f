/**
 * Book one conversation. In compose mode the draft only seeds the choices (who it is addressed
 * to, the time already picked); the booking itself is made by the server through Graph, which
 * writes the event into both calendars with the Teams meeting and records it. Filling and sending
 * this draft as well would put a second copy of the meeting in both calendars, so after booking
 * the pane offers to close the draft instead (Outlook then asks the user to discard it).
 */
import { conversationLabel, type ApiClient, type SchemeWording } from '@pc/core/api';
import type { DueChoice } from '../logic/due.ts';
import {
  agendaLines,
  book,
  bookingAttempts,
  loadChoices,
  rangeLabel,
  slotLabel,
  suggestTimes,
  type Slot,
  type TeamMember,
} from '../logic/booking.ts';
import { explain, noSlotMessage } from '../logic/explain.ts';
import { staffNotice, type StaffNotice } from '../logic/notice.ts';
import { getEnd, getStart, type ComposeItem } from '../office/item.ts';
import { seriesChoice } from './book-series.ts';
import { busy, clear, h, uid, type Notices } from './dom.ts';
import { closeDraftOffer, seedFromDraft } from './draft.ts';

export interface BookOneDeps {
  readonly api: ApiClient;
  readonly members: readonly TeamMember[];
  /** How the organisation's scheme names its conversations. */
  readonly scheme: SchemeWording;
  readonly notices: Notices;
  /** Present when the pane is open on an appointment the user is composing. */
  readonly draft: ComposeItem | undefined;
  readonly changeEvents: boolean;
  /** The signed-in person's name when they are a coordinator (004): their bookings come with a printable notice. */
  readonly coordinatorName?: string;
}

/** A notice the coordinator prints for the member of staff; printing shows only the notice (styles.css). */
const printableNotice = (notice: StaffNotice, name: string): HTMLElement => {
  const print = h('button', { type: 'button' }, `Print the notice for ${name}`);
  print.addEventListener('click', () => {
    window.print();
  });
  return h(
    'section',
    { class: 'staff-notice', 'aria-label': 'Notice for the member of staff' },
    h('h3', {}, notice.title),
    notice.lines.map((line) => h('p', {}, line)),
    print,
  );
};

const radioGroup = <T>(
  legend: string,
  name: string,
  options: readonly { value: T; label: string; hint?: string }[],
  onPick: (value: T) => void,
): HTMLFieldSetElement =>
  h(
    'fieldset',
    {},
    h('legend', {}, legend),
    options.map((o, i) => {
      const id = uid(name);
      const input = h('input', { type: 'radio', name, id, value: String(i) });
      input.addEventListener('change', () => {
        onPick(o.value);
      });
      return h(
        'div',
        { class: 'choice' },
        input,
        h('label', { for: id }, o.label),
        o.hint === undefined ? null : h('p', { class: 'hint' }, o.hint),
      );
    }),
  );

export const renderBookOne = (root: HTMLElement, deps: BookOneDeps): void => {
  const { api, members, notices, draft } = deps;
  const reportId = uid('report');
  const select = h(
    'select',
    { id: reportId },
    h('option', { value: '' }, 'Choose a person'),
    members.map((m) => h('option', { value: m.person.id }, m.person.displayName)),
  );
  const durationId = uid('duration');
  const duration = h(
    'select',
    { id: durationId },
    ['30', '45', '60', '90'].map((m) => h('option', { value: m, selected: m === '60' }, `${m} minutes`)),
  );
  const agendaId = uid('agenda');
  const agenda = h('textarea', { id: agendaId, rows: '3' });
  const dueBox = h('div', { class: 'due' });
  const slotBox = h('div', { class: 'slots' });
  // A Regular conversation may repeat as a series (book-series.ts), in place of the single booking.
  const seriesBox = h('div');
  const resultBox = h('div', { class: 'result' });
  const findButton = h('button', { type: 'button', disabled: true }, 'Find times');
  const bookButton = h('button', { type: 'button', class: 'primary', disabled: true }, 'Book conversation');

  const attempts = bookingAttempts();
  const seriesAttempts = bookingAttempts();
  const picked: { member?: TeamMember; choice?: DueChoice; today?: string; slot?: Pick<Slot, 'start' | 'end'> } = {};
  const offerSeries = (slot: Pick<Slot, 'start' | 'end'> | undefined): void => {
    bookButton.hidden = false;
    const { member, choice } = picked;
    if (slot === undefined || member === undefined || choice?.type !== 'regular') {
      clear(seriesBox);
      return;
    }
    const onRepeat = (repeat: boolean): void => {
      bookButton.hidden = repeat;
    };
    const seriesDeps = {
      api,
      notices,
      attempts: seriesAttempts,
      draft,
      agenda: () => agendaLines(agenda.value),
      onRepeat,
    };
    clear(seriesBox, seriesChoice(seriesDeps, member.person.id, slot));
  };

  const showChoices = async (member: TeamMember): Promise<void> => {
    picked.member = member;
    delete picked.choice;
    delete picked.slot;
    findButton.disabled = true;
    bookButton.disabled = true;
    clear(slotBox);
    offerSeries(undefined);
    clear(dueBox, h('p', {}, 'Loading what is due…'));
    try {
      const { today, choices } = await loadChoices(api, member.person.id, deps.scheme);
      picked.today = today;
      if (choices.length === 0) {
        clear(dueBox, h('p', {}, `Nothing is due for ${member.person.displayName} at the moment.`));
        return;
      }
      clear(
        dueBox,
        radioGroup(
          'Which conversation?',
          'due',
          choices.map((c) => ({ value: c, label: c.label, hint: `${c.reason} (policy ${c.policyRef})` })),
          (c) => {
            picked.choice = c;
            findButton.disabled = false;
            offerSeries(picked.slot);
          },
        ),
      );
    } catch (error) {
      clear(dueBox);
      notices.error(explain(error, 'loading what is due').message);
    }
  };

  select.addEventListener('change', () => {
    const member = members.find((m) => m.person.id === select.value);
    notices.clear();
    clear(resultBox);
    if (member !== undefined) void showChoices(member);
  });

  const draftSlot = async (): Promise<Pick<Slot, 'start' | 'end'> | undefined> => {
    if (draft === undefined) return undefined;
    const [start, end] = await Promise.all([getStart(draft), getEnd(draft)]);
    return end > start ? { start: start.toISOString(), end: end.toISOString() } : undefined;
  };

  findButton.addEventListener('click', () => {
    void busy(findButton, async () => {
      const { member, choice, today } = picked;
      if (member === undefined || choice === undefined || today === undefined) return;
      notices.info('Looking for free time in both calendars…');
      try {
        const found = await suggestTimes(api, member.person.id, choice, today, Number(duration.value));
        const fromDraft = await draftSlot();
        // New times are offered unchosen, so nothing is booked at a time from the last search.
        delete picked.slot;
        bookButton.disabled = true;
        offerSeries(undefined);
        const options: { value: Pick<Slot, 'start' | 'end'>; label: string }[] = [
          ...found.slots.map((s) => ({ value: s, label: slotLabel(s) })),
          ...(fromDraft === undefined
            ? []
            : [{ value: fromDraft, label: `The time in this draft: ${slotLabel(fromDraft)}` }]),
        ];
        if (found.slots.length === 0) {
          const r = rangeLabel(found.range);
          notices.error(noSlotMessage(r.from, r.to, found.explanation));
        } else {
          notices.info(`${found.slots.length} free times found.`);
        }
        clear(
          slotBox,
          options.length === 0
            ? ''
            : radioGroup('When?', 'slot', options, (s) => {
                picked.slot = s;
                bookButton.disabled = false;
                offerSeries(s);
              }),
        );
      } catch (error) {
        notices.error(explain(error, 'finding times').message);
      }
    });
  });

  bookButton.addEventListener('click', () => {
    void busy(bookButton, async () => {
      const { member, choice, slot } = picked;
      if (member === undefined || choice === undefined || slot === undefined) return;
      notices.info('Booking…');
      try {
        const booked = await book(api, attempts, member.person.id, choice, slot, agendaLines(agenda.value));
        notices.info(`Booked: ${booked.subject}, ${slotLabel(booked)}. It is in both calendars with the agenda.`);
        clear(
          resultBox,
          h('h3', {}, 'Booked'),
          h('p', {}, `${booked.subject}, ${slotLabel(booked)}.`),
          booked.onlineMeetingUrl === undefined
            ? h('p', {}, 'No Teams meeting was added.')
            : h(
                'p',
                {},
                h('a', { href: booked.onlineMeetingUrl, target: '_blank', rel: 'noopener' }, 'Join the Teams meeting'),
              ),
          draft === undefined ? null : closeDraftOffer(draft, notices),
          deps.coordinatorName === undefined
            ? null
            : printableNotice(
                staffNotice({
                  name: member.person.displayName,
                  label: conversationLabel(choice.type, deps.scheme),
                  start: booked.start,
                  end: booked.end,
                  coordinatorName: deps.coordinatorName,
                  online: booked.onlineMeetingUrl !== undefined,
                }),
                member.person.displayName,
              ),
        );
        clear(slotBox);
        offerSeries(undefined);
        return 'done';
      } catch (error) {
        notices.error(explain(error, 'booking').message);
        return undefined;
      }
    });
  });

  clear(
    root,
    h('h2', {}, 'Book a conversation'),
    h('label', { for: reportId }, 'Who is the conversation with?'),
    select,
    dueBox,
    h('label', { for: durationId }, 'How long?'),
    duration,
    findButton,
    slotBox,
    h('label', { for: agendaId }, 'Anything else for the agenda? One item a line.'),
    h('p', { class: 'hint' }, 'Carried-over actions, feedback and the scheme’s questions are added for you.'),
    agenda,
    seriesBox,
    bookButton,
    resultBox,
  );

  if (draft !== undefined) void seedFromDraft(draft, deps, select);
};
