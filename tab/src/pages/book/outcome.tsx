import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { bookedTime } from '@pc/core/api';
import { ErrorNotice } from '../../components/status.tsx';
import { hrefFor } from '../../router.ts';
import { readerZone } from './choices.ts';
import type { BookingOutcome } from './use-booking.ts';

/** What became of the booking: when it is, the refusal that offers to move the one already made, or the failure. */
export const Outcome = ({ outcome, onMove }: { outcome: BookingOutcome; onMove: () => void }) => (
  <div role="status" aria-live="polite">
    {outcome.kind === 'booked' || outcome.kind === 'moved' ? (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{outcome.kind === 'booked' ? 'Booked' : 'Moved'}</MessageBarTitle>
          Booked for {bookedTime(outcome.start, readerZone())}. The invitation is in both calendars.{' '}
          <Link href={hrefFor('conversations', outcome.employeeId, outcome.conversationId)}>
            Open the agenda and preparation
          </Link>
        </MessageBarBody>
      </MessageBar>
    ) : null}
    {outcome.kind === 'refused' ? (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Already booked this month</MessageBarTitle>
          {outcome.error.message}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onMove}>Move it to {bookedTime(outcome.slot.start, readerZone())}</Button>
        </MessageBarActions>
      </MessageBar>
    ) : null}
    {outcome.kind === 'failed' ? <ErrorNotice error={outcome.error} title="Not booked" /> : null}
  </div>
);
