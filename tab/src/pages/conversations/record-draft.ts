import { useState } from 'react';
import type { ActionDraft } from './action-rows.tsx';
import type { ConversationFull } from './types.ts';

const actionDrafts = (r: ConversationFull['record']): ActionDraft[] =>
  r.actionsAgreed.map((a) => ({ ...a, dueDate: a.dueDate ?? '' }));

const weeksOf = (r: ConversationFull['record']): string =>
  r.agreedRegularEveryWeeks === undefined ? '' : String(r.agreedRegularEveryWeeks);

/**
 * What the record editor holds while someone types, and the version it started from: what this
 * person typed is whatever differs from that version.
 */
export const useRecordDraft = (view: ConversationFull) => {
  const r = view.record;
  const [base, setBase] = useState(view);
  const [date, setDate] = useState(r.date);
  const [topics, setTopics] = useState<string[]>([...r.topics]);
  const [sections, setSections] = useState<Record<string, string>>({ ...r.sections });
  const [issues, setIssues] = useState(r.issuesRaised.join('\n'));
  const [actions, setActions] = useState<ActionDraft[]>(() => actionDrafts(r));
  const [notes, setNotes] = useState(r.notes);
  const [rating, setRating] = useState(r.rating?.value ?? '');
  const [shortfall, setShortfall] = useState(r.rating?.shortfall ?? '');
  const [bonus, setBonus] = useState(r.rating?.bonusRecommended ?? false);
  const [frequency, setFrequency] = useState(weeksOf(r));

  /** Their version in every field this person left alone; their own typing everywhere else. */
  const takeTheirs = (latest: ConversationFull) => {
    const was = base.record;
    const now = latest.record;
    const keep = <T>(mine: T, before: T, theirs: T, set: (v: T) => void) => {
      if (JSON.stringify(mine) === JSON.stringify(before)) set(theirs);
    };
    keep(date, was.date, now.date, setDate);
    keep(topics, [...was.topics], [...now.topics], setTopics);
    keep(issues, was.issuesRaised.join('\n'), now.issuesRaised.join('\n'), setIssues);
    keep(notes, was.notes, now.notes, setNotes);
    keep(actions, actionDrafts(was), actionDrafts(now), setActions);
    keep(frequency, weeksOf(was), weeksOf(now), setFrequency);
    setSections((mine) => {
      const ids = new Set([...Object.keys(mine), ...Object.keys(now.sections)]);
      return Object.fromEntries(
        [...ids].map((id) => [
          id,
          (mine[id] ?? '') === (was.sections[id] ?? '') ? (now.sections[id] ?? '') : (mine[id] ?? ''),
        ]),
      );
    });
    setBase(latest);
  };

  return {
    etag: base.etag,
    setBase,
    takeTheirs,
    date,
    setDate,
    topics,
    setTopics,
    sections,
    setSections,
    issues,
    setIssues,
    actions,
    setActions,
    notes,
    setNotes,
    rating,
    setRating,
    shortfall,
    setShortfall,
    bonus,
    setBonus,
    frequency,
    setFrequency,
  };
};
