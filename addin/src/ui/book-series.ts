/**
 * Repeating a Regular conversation as one Outlook series (004 Regular). Offered once a time is
 * chosen for a Regular conversation; while "Repeat" is ticked it takes the place of the single
 * booking. The planned dates, and the days left out with the server's reason, show before anything
 * is booked; a refusal stays on screen with the plan and the end date as they were.
 */
import { seriesUntilByDefault, type ApiClient } from '@pc/core/api';
import type { BookingAttempts, Slot } from '../logic/booking.ts';
import {
  bookedWords,
  bookSeries,
  checkUntil,
  planSeries,
  planWords,
  seriesProblem,
  type SeriesIntent,
  type SeriesPlan,
} from '../logic/series.ts';
import type { ComposeItem } from '../office/item.ts';
import { busy, clear, h, uid, type Notices } from './dom.ts';
import { closeDraftOffer } from './draft.ts';

export interface SeriesDeps {
  readonly api: ApiClient;
  readonly notices: Notices;
  readonly attempts: BookingAttempts;
  readonly draft: ComposeItem | undefined;
  /** The agenda lines typed for the first meeting. */
  readonly agenda: () => readonly string[];
  /** Told when "Repeat" is ticked or unticked, so the single booking can step aside. */
  readonly onRepeat: (repeat: boolean) => void;
}

const planView = (plan: SeriesPlan): HTMLElement => {
  const words = planWords(plan);
  return h(
    'section',
    { class: 'series-plan', 'aria-label': 'Planned series' },
    h('p', { class: 'series-heading' }, words.heading),
    h(
      'ol',
      { 'aria-label': 'Planned dates' },
      words.dates.map((d) => h('li', {}, d)),
    ),
    words.leftOut.length === 0 ? null : h('h3', {}, 'Left out'),
    words.leftOut.length === 0
      ? null
      : h(
          'ul',
          { 'aria-label': 'Left out' },
          words.leftOut.map((l) => h('li', {}, l)),
        ),
  );
};

export const seriesChoice = (deps: SeriesDeps, employeeId: string, slot: Pick<Slot, 'start' | 'end'>): HTMLElement => {
  const { api, notices } = deps;
  const repeatId = uid('repeat');
  const repeat = h('input', { type: 'checkbox', id: repeatId });
  const untilInput = h('input', { type: 'date', id: uid('until'), value: seriesUntilByDefault(slot.start) });
  const showButton = h('button', { type: 'button' }, 'Show the dates');
  const bookButton = h('button', { type: 'button', class: 'primary', hidden: true }, 'Book the series');
  const planBox = h('div');
  const resultBox = h('div', { class: 'result' });
  // Beside the button as well as at the top of the pane: the pane is long, and the refusal must be seen.
  const problemBox = h('p', { class: 'series-problem', hidden: true });
  const refused = (message: string): void => {
    notices.error(message);
    problemBox.textContent = message;
    problemBox.hidden = false;
  };
  const panel = h(
    'div',
    { class: 'series-panel', hidden: true },
    h('label', { for: untilInput.id }, 'Until'),
    untilInput,
    showButton,
    planBox,
    bookButton,
    problemBox,
    resultBox,
  );
  const intent = (): SeriesIntent => ({ employeeId, start: slot.start, end: slot.end, until: untilInput.value });
  // The plan shown is the one booked: any change to the end date asks for the dates again.
  const forgetPlan = (): void => {
    problemBox.hidden = true;
    clear(planBox);
    bookButton.hidden = true;
  };

  repeat.addEventListener('change', () => {
    panel.hidden = !repeat.checked;
    forgetPlan();
    deps.onRepeat(repeat.checked);
  });
  untilInput.addEventListener('change', forgetPlan);

  showButton.addEventListener('click', () => {
    void busy(showButton, async () => {
      forgetPlan();
      const problem = checkUntil(untilInput.value, slot.start);
      if (problem !== undefined) {
        refused(problem);
        return;
      }
      notices.info('Working out the dates…');
      try {
        clear(planBox, planView(await planSeries(api, intent())));
        bookButton.hidden = false;
        notices.clear();
      } catch (error) {
        refused(seriesProblem(error, 'planning'));
      }
    });
  });

  bookButton.addEventListener('click', () => {
    void busy(bookButton, async () => {
      problemBox.hidden = true;
      notices.info('Booking the series…');
      try {
        const result = await bookSeries(api, deps.attempts, intent(), deps.agenda());
        notices.info(`Series booked: ${bookedWords(result)}`);
        clear(
          resultBox,
          h('h3', {}, 'Series booked'),
          h('p', {}, bookedWords(result)),
          deps.draft === undefined ? null : closeDraftOffer(deps.draft, notices),
        );
        for (const control of [repeat, untilInput, showButton]) control.disabled = true;
        return 'done';
      } catch (error) {
        refused(seriesProblem(error, 'booking'));
        return undefined;
      }
    });
  });

  return h(
    'div',
    { class: 'series' },
    h(
      'div',
      { class: 'choice' },
      repeat,
      h('label', { for: repeatId }, 'Repeat at your agreed frequency'),
      h(
        'p',
        { class: 'hint' },
        'One Outlook series in both calendars, on the same weekday and time. Months that hold the Big Picture conversation are left out.',
      ),
    ),
    panel,
  );
};
