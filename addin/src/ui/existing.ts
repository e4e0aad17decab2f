/** Read mode: an appointment already in the calendar, its booking record, and moving or cancelling it. */
import { conversationLabel, type ApiClient, type SchemeWording } from '@pc/core/api';
import { slotLabel, suggestTimes, type Slot, type TeamMember } from '../logic/booking.ts';
import { bookableChoices } from '../logic/due.ts';
import { cancel, driftFrom, findBooking, reschedule, type FoundBooking } from '../logic/existing.ts';
import { explain } from '../logic/explain.ts';
import type { AppointmentSnapshot } from '../office/item.ts';
import { busy, clear, h, uid, type Notices } from './dom.ts';

export interface ExistingDeps {
  readonly api: ApiClient;
  readonly members: readonly TeamMember[];
  readonly scheme: SchemeWording;
  readonly notices: Notices;
  readonly appointment: AppointmentSnapshot;
  readonly restId: string | undefined;
}

export const renderExisting = async (root: HTMLElement, deps: ExistingDeps): Promise<void> => {
  const { api, notices } = deps;
  clear(root, h('p', {}, 'Looking for the booking record…'));
  let found: FoundBooking | undefined;
  try {
    found = await findBooking(api, deps.members, deps.appointment, deps.restId);
  } catch (error) {
    clear(root);
    notices.error(explain(error, 'finding the booking').message);
    return;
  }
  if (found === undefined) {
    clear(root, h('p', {}, 'This appointment is not a booked performance conversation with one of your reports.'));
    return;
  }
  show(root, deps, found);
};

const show = (root: HTMLElement, deps: ExistingDeps, found: FoundBooking): void => {
  const { api, notices } = deps;
  const record = found.conversation.record;
  const booking = record.booking;
  const moved = driftFrom(found, deps.appointment);
  const slotsBox = h('div', { class: 'slots' });

  const move = async (times: Pick<Slot, 'start' | 'end'>): Promise<void> => {
    try {
      const result = await reschedule(api, found, times);
      notices.info(`Moved to ${slotLabel(result)}. Both calendars and the record now agree.`);
      await renderExisting(root, {
        ...deps,
        appointment: { ...deps.appointment, start: new Date(result.start), end: new Date(result.end) },
      });
    } catch (error) {
      notices.error(explain(error, 'moving the conversation').message);
    }
  };

  const findOther = h('button', { type: 'button' }, 'Find another time');
  findOther.addEventListener('click', () => {
    void busy(findOther, async () => {
      try {
        const due = await api.call('person.due', { params: { personId: found.person.id } });
        const choice = bookableChoices(due, deps.scheme).find((c) => c.type === record.type) ?? {
          key: record.type,
          type: record.type === 'in-the-moment' ? 'regular' : record.type,
          jobIds: record.jobIds,
          label: conversationLabel(record.type, deps.scheme),
          reason: '',
          policyRef: '',
          windowStart: due.on,
          dueDate: due.on,
        };
        const minutes = booking === undefined ? 60 : (Date.parse(booking.end) - Date.parse(booking.start)) / 60_000;
        const { slots } = await suggestTimes(api, found.person.id, choice, due.on, minutes);
        if (slots.length === 0) {
          notices.error('There is no other time free in both calendars in the next few weeks.');
          return;
        }
        clear(
          slotsBox,
          h(
            'ul',
            { class: 'slot-buttons' },
            slots.map((s) => {
              const b = h('button', { type: 'button' }, `Move to ${slotLabel(s)}`);
              b.addEventListener('click', () => void busy(b, () => move(s)));
              return h('li', {}, b);
            }),
          ),
        );
      } catch (error) {
        notices.error(explain(error, 'finding times').message);
      }
    });
  });

  const cancelButton = h('button', { type: 'button', class: 'danger' }, 'Cancel the conversation');
  const confirmId = uid('confirm');
  const confirm = h(
    'div',
    { id: confirmId, hidden: true },
    h('p', {}, 'Cancel it in both calendars and in the record?'),
  );
  const yes = h('button', { type: 'button', class: 'danger' }, 'Yes, cancel it');
  confirm.append(yes);
  cancelButton.setAttribute('aria-controls', confirmId);
  cancelButton.addEventListener('click', () => {
    confirm.hidden = false;
    yes.focus();
  });
  yes.addEventListener('click', () => {
    void busy(yes, async () => {
      try {
        await cancel(api, found);
        notices.info('Cancelled in both calendars and in the record.');
        clear(root, h('p', {}, 'This conversation has been cancelled.'));
      } catch (error) {
        notices.error(explain(error, 'cancelling').message);
      }
    });
  });

  const syncButton = h('button', { type: 'button', class: 'primary' }, 'Update the record to this time');
  syncButton.addEventListener('click', () => {
    if (moved !== undefined) void busy(syncButton, () => move(moved));
  });

  clear(
    root,
    h('h2', {}, `${conversationLabel(record.type, deps.scheme)} with ${found.person.displayName}`),
    h(
      'dl',
      {},
      h('dt', {}, 'Status'),
      h('dd', {}, record.status),
      h('dt', {}, 'When (in the record)'),
      h('dd', {}, booking === undefined ? 'Not booked' : slotLabel(booking)),
    ),
    booking?.onlineMeetingUrl === undefined
      ? null
      : h(
          'p',
          {},
          h('a', { href: booking.onlineMeetingUrl, target: '_blank', rel: 'noopener' }, 'Join the Teams meeting'),
        ),
    moved === undefined
      ? null
      : h(
          'div',
          { class: 'drift', role: 'note' },
          h('p', {}, `The calendar shows ${slotLabel(moved)}, but the record still has the old time.`),
          syncButton,
        ),
    findOther,
    slotsBox,
    cancelButton,
    confirm,
  );
};
