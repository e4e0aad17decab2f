/** Policy 004 dedicated days: a whole team's Big Picture round booked over chosen days in one go. */
import type { ApiClient } from '@pc/core/api';
import { bookingAttempts, bookRound, checkBulkForm, summariseRound, type TeamMember } from '../logic/booking.ts';
import { explain } from '../logic/explain.ts';
import { busy, clear, h, uid, type Notices } from './dom.ts';

const labelled = (text: string, input: HTMLElement & { id: string }): HTMLElement[] => [
  h('label', { for: input.id }, text),
  input,
];

export const renderBookRound = (
  root: HTMLElement,
  api: ApiClient,
  members: readonly TeamMember[],
  notices: Notices,
): void => {
  const attempts = bookingAttempts();
  const people = members.map((m) => {
    const id = uid('member');
    const box = h('input', { type: 'checkbox', id, value: m.person.id, checked: true });
    return { box, row: h('div', { class: 'choice' }, box, h('label', { for: id }, m.person.displayName)) };
  });
  const dayList = h('div', { class: 'days' });
  const addDay = (): void => {
    const id = uid('day');
    dayList.append(
      h('div', {}, ...labelled(`Day ${dayList.children.length + 1}`, h('input', { type: 'date', id, class: 'day' }))),
    );
  };
  addDay();
  const addDayButton = h('button', { type: 'button' }, 'Add another day');
  addDayButton.addEventListener('click', addDay);
  const dayStart = h('input', { type: 'time', id: uid('from'), value: '09:00' });
  const dayEnd = h('input', { type: 'time', id: uid('to'), value: '17:00' });
  const duration = h('input', { type: 'number', id: uid('len'), value: '60', min: '15', max: '240', step: '15' });
  const gap = h('input', { type: 'number', id: uid('gap'), value: '15', min: '0', max: '60', step: '5' });
  const results = h('div', { class: 'round-result' });
  const go = h('button', { type: 'button', class: 'primary' }, 'Book the round');

  go.addEventListener('click', () => {
    void busy(go, async () => {
      const check = checkBulkForm({
        employeeIds: people.filter((p) => p.box.checked).map((p) => p.box.value),
        days: [...dayList.querySelectorAll<HTMLInputElement>('input.day')].map((d) => d.value),
        dayStart: dayStart.value,
        dayEnd: dayEnd.value,
        durationMinutes: Number(duration.value),
        gapMinutes: Number(gap.value),
      });
      if (!check.ok) {
        notices.error(check.problems.join(' '));
        return;
      }
      notices.info('Booking the round…');
      try {
        const summary = summariseRound(await bookRound(api, attempts, check.input), members);
        notices.info(`${summary.booked.length} booked, ${summary.notBooked.length} not booked.`);
        clear(
          results,
          h('h3', {}, `Booked (${summary.booked.length})`),
          h(
            'ul',
            { class: 'booked' },
            summary.booked.map((l) => h('li', {}, `${l.name}: ${l.text}`)),
          ),
          summary.notBooked.length === 0 ? null : h('h3', {}, `Not booked (${summary.notBooked.length})`),
          summary.notBooked.length === 0
            ? null
            : h(
                'ul',
                { class: 'not-booked' },
                summary.notBooked.map((l) => h('li', {}, `${l.name}: ${l.text}`)),
              ),
        );
      } catch (error) {
        notices.error(explain(error, 'booking the round').message);
      }
    });
  });

  clear(
    root,
    h(
      'details',
      {},
      h('summary', {}, 'Book a team’s Big Picture round'),
      h('p', { class: 'hint' }, 'Set aside whole days and book everyone in one go, one after another.'),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Who'),
        people.map((p) => p.row),
      ),
      h('fieldset', {}, h('legend', {}, 'Which days'), dayList, addDayButton),
      ...labelled('From', dayStart),
      ...labelled('Until', dayEnd),
      ...labelled('Minutes each', duration),
      ...labelled('Minutes between', gap),
      go,
      results,
    ),
  );
};
