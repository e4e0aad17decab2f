import { Checkbox, Field, Select, Text, Textarea } from '@fluentui/react-components';
import type { SchemeView } from '@pc/core/api';

type RatingScale = NonNullable<SchemeView['ratingScale']>;

/** The line manager's rating of an annual review, with the shortfall and bonus the chosen rating asks for. */
export const RatingFields = ({
  scale,
  option,
  bonusOffered,
  rating,
  onRating,
  shortfall,
  onShortfall,
  bonus,
  onBonus,
  fieldError,
}: {
  scale: RatingScale;
  /** The rating chosen, if any. */
  option: RatingScale['options'][number] | undefined;
  /** Whether the chosen rating lets the manager recommend a bonus. */
  bonusOffered: boolean;
  rating: string;
  onRating: (value: string) => void;
  shortfall: string;
  onShortfall: (value: string) => void;
  bonus: boolean;
  onBonus: (value: boolean) => void;
  fieldError: (path: string) => string | undefined;
}) => (
  <fieldset>
    <legend>{scale.setBy === 'agreed' ? 'Agreed rating' : 'Your rating'}</legend>
    <Field label="Rating" validationMessage={fieldError('rating.value') ?? fieldError('rating')}>
      <Select
        value={rating}
        onChange={(_, d) => {
          onRating(d.value);
        }}
      >
        <option value="">Not rated yet</option>
        {scale.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
    {option === undefined ? null : (
      <Text as="p" block>
        {option.description}
      </Text>
    )}
    {option?.requiresShortfall === true ? (
      <Field label="How the performance fell short" required validationMessage={fieldError('rating.shortfall')}>
        <Textarea
          value={shortfall}
          onChange={(_, d) => {
            onShortfall(d.value);
          }}
        />
      </Field>
    ) : null}
    {bonusOffered ? (
      <Checkbox
        label={`Recommend a bonus (${String(scale.bonus?.percentOfGradeRate ?? 0)}% of the grade rate) for exceptional performance`}
        checked={bonus}
        onChange={(_, d) => {
          onBonus(d.checked === true);
        }}
      />
    ) : null}
  </fieldset>
);
