import { ApiError, EXISTING_BOOKING } from '@pc/core/api';
import { useRef, useState } from 'react';
import { useSession } from '../../session.tsx';
import { fortnight, intentKeys, type BookableType, type Slot } from './choices.ts';

export interface Found {
  readonly slots: readonly Slot[];
  readonly explanation: string | undefined;
  readonly range: { readonly from: string; readonly to: string };
  /** How many fortnights on from today the range starts. */
  readonly later: number;
}

export type BookingOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'booked'; readonly employeeId: string; readonly conversationId: string; readonly start: string }
  | { readonly kind: 'moved'; readonly employeeId: string; readonly conversationId: string; readonly start: string }
  | {
      readonly kind: 'refused';
      readonly error: ApiError;
      /** The booking already made this month, which the person may move to the time they chose. */
      readonly existingId: string;
      readonly slot: Slot;
    }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * The booking page's state (times are looked for from `today` as the server's clock has it): the form, the times found, and booking once. A second click while a
 * booking is on its way does nothing (the flag is a ref, set before React re-renders), and a retry
 * of the same choice sends the same Idempotency-Key, so the server books it once either way.
 */
export const useBooking = (employeeId: string, today: string | undefined) => {
  const { api } = useSession();
  const [form, setForm] = useState<{ type?: BookableType; durationMinutes: number }>({ durationMinutes: 60 });
  const [found, setFound] = useState<Found>();
  const [finding, setFinding] = useState(false);
  const [selected, setSelected] = useState<Slot>();
  const [outcome, setOutcome] = useState<BookingOutcome>({ kind: 'none' });
  const [booking, setBooking] = useState(false);
  const inFlight = useRef(false);
  const keys = useRef(intentKeys()).current;

  const change = (next: Partial<typeof form>) => {
    setForm((f) => ({ ...f, ...next }));
    setFound(undefined);
    setSelected(undefined);
    setOutcome({ kind: 'none' });
  };

  const find = async (type: BookableType, later: number) => {
    if (today === undefined) return;
    setFinding(true);
    setSelected(undefined);
    setOutcome({ kind: 'none' });
    const range = fortnight(today, later);
    try {
      const r = await api.call('bookings.suggest', {
        body: { employeeId, type, ...range, durationMinutes: form.durationMinutes },
      });
      setFound({ slots: r.slots, explanation: r.explanation, range, later });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setFinding(false);
    }
  };

  const book = async (type: BookableType) => {
    const slot = selected;
    if (slot === undefined || inFlight.current) return;
    inFlight.current = true;
    setBooking(true);
    setOutcome({ kind: 'none' });
    const intent = { employeeId, type, start: slot.start, end: slot.end };
    try {
      const done = await api.call('bookings.create', {
        idempotencyKey: keys.keyFor(intent),
        body: { ...intent, agenda: [] },
      });
      keys.done();
      setFound(undefined);
      setSelected(undefined);
      setOutcome({ kind: 'booked', employeeId, conversationId: done.conversationId, start: done.start });
    } catch (error) {
      const existingId = error instanceof ApiError ? error.detailFor(EXISTING_BOOKING) : undefined;
      if (error instanceof ApiError && existingId !== undefined) keys.done();
      setOutcome(
        error instanceof ApiError && existingId !== undefined
          ? { kind: 'refused', error, existingId, slot }
          : { kind: 'failed', error },
      );
    } finally {
      inFlight.current = false;
      setBooking(false);
    }
  };

  /** Moves the booking already made this month to the time the person chose instead. */
  const moveExisting = async () => {
    if (outcome.kind !== 'refused' || inFlight.current) return;
    inFlight.current = true;
    setBooking(true);
    const { existingId, slot } = outcome;
    const params = { personId: employeeId, conversationId: existingId };
    try {
      const current = await api.call('conversations.get', { params });
      const etag = current.etag;
      if (etag === undefined) throw new ApiError(403, 'forbidden', 'Only the pair can move this booking.');
      const moved = await api.call('bookings.reschedule', {
        params,
        ifMatch: etag,
        body: { start: slot.start, end: slot.end },
      });
      setFound(undefined);
      setSelected(undefined);
      setOutcome({ kind: 'moved', employeeId, conversationId: existingId, start: moved.start });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      inFlight.current = false;
      setBooking(false);
    }
  };

  return {
    form,
    change,
    found,
    finding,
    find,
    selected,
    select: setSelected,
    booking,
    book,
    outcome,
    moveExisting,
  };
};
