import { Checkbox, Field, Textarea } from '@fluentui/react-components';
import type { SchemeView } from '@pc/core/api';
import type { Dispatch, SetStateAction } from 'react';

type ReviewSection = NonNullable<SchemeView['annualReview']>['sections'][number];

/** The scheme's topics, as many ticked as the scheme allows for one conversation. */
export const TopicChoices = ({
  choices,
  max,
  topics,
  setTopics,
}: {
  choices: SchemeView['topics'];
  max: number;
  topics: readonly string[];
  setTopics: Dispatch<SetStateAction<string[]>>;
}) => (
  <fieldset>
    <legend>Topics you talked about (up to {max})</legend>
    {choices.map((t) => (
      <Checkbox
        key={t.id}
        label={t.title}
        checked={topics.includes(t.id)}
        disabled={!topics.includes(t.id) && topics.length >= max}
        onChange={(_, d) => {
          setTopics((ts) => (d.checked === true ? [...ts, t.id] : ts.filter((x) => x !== t.id)));
        }}
      />
    ))}
  </fieldset>
);

/** One box per section of the annual review, each with the scheme's guidance and share of the time. */
export const ReviewSectionFields = ({
  reviewSections,
  sections,
  setSections,
}: {
  reviewSections: readonly ReviewSection[];
  sections: Readonly<Record<string, string>>;
  setSections: Dispatch<SetStateAction<Record<string, string>>>;
}) => (
  <>
    {reviewSections.map((s) => (
      <Field
        key={s.id}
        label={s.title}
        hint={
          s.timeSharePercent === undefined
            ? s.guidance
            : `${s.guidance} (About ${String(s.timeSharePercent)}% of the time.)`
        }
      >
        <Textarea
          rows={4}
          value={sections[s.id] ?? ''}
          onChange={(_, d) => {
            setSections((all) => ({ ...all, [s.id]: d.value }));
          }}
        />
      </Field>
    ))}
  </>
);
