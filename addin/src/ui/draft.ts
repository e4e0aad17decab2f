/** What the pane does with the Outlook draft it was opened on: seed the choices from it, then offer to close it. */
import { reportInDraft, type TeamMember } from '../logic/booking.ts';
import { explain } from '../logic/explain.ts';
import { closeDraft, getRequiredAttendees, notify, onItemChanged, type ComposeItem } from '../office/item.ts';
import { h, type Notices } from './dom.ts';

export const closeDraftOffer = (draft: ComposeItem, notices: Notices): HTMLElement => {
  const button = h('button', { type: 'button' }, 'Close this draft');
  button.addEventListener('click', () => {
    void notify(draft, 'pc-booked', 'Already booked in both calendars: discard this draft.')
      .then(() => {
        closeDraft(draft);
      })
      .catch((error: unknown) => {
        notices.error(explain(error, 'closing the draft').message);
      });
  });
  return h(
    'div',
    { class: 'draft-offer' },
    h(
      'p',
      {},
      'This draft is not needed: the meeting is already in both calendars. Discard it so nobody gets two invitations.',
    ),
    button,
  );
};

/** Preselects the person the draft is addressed to, now and whenever the user changes the attendees. */
export const seedFromDraft = async (
  draft: ComposeItem,
  deps: { readonly members: readonly TeamMember[]; readonly notices: Notices; readonly changeEvents: boolean },
  select: HTMLSelectElement,
): Promise<void> => {
  const apply = async (): Promise<void> => {
    if (select.value !== '') return;
    const member = reportInDraft(deps.members, await getRequiredAttendees(draft));
    if (member === undefined) return;
    select.value = member.person.id;
    select.dispatchEvent(new Event('change'));
  };
  try {
    await apply();
    if (deps.changeEvents) {
      await onItemChanged(draft, Office.EventType.RecipientsChanged, apply, (error) => {
        deps.notices.error(explain(error, 'reading the draft').message);
      });
    }
  } catch (error) {
    deps.notices.error(explain(error, 'reading the draft').message);
  }
};
