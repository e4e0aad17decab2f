import { Field, Select, Textarea } from '@fluentui/react-components';
import { ApiError, type BodyOf, type Routes } from '@pc/core/api';

export type Reason = BodyOf<Routes['person.subjectAccessRequest']>;
export type ReasonCategory = Reason['category'];

/** Policy 003 §6: the exceptional circumstances in which records may be opened to others. */
export const REASON_LABELS: Readonly<Record<ReasonCategory, string>> = {
  'serious-incident': 'Serious incident',
  capability: 'Capability',
  disciplinary: 'Disciplinary',
  audit: 'Audit or subject-access request',
};

/** The stated reason every access on someone else's behalf needs; the person reads it in their audit view. */
export const ReasonFields = ({
  reason,
  onChange,
  textError,
}: {
  reason: Reason;
  onChange: (reason: Reason) => void;
  textError: string | undefined;
}) => (
  <>
    <Field label="Reason" required>
      <Select
        value={reason.category}
        onChange={(_, d) => {
          onChange({ ...reason, category: d.value as ReasonCategory });
        }}
      >
        {(Object.keys(REASON_LABELS) as ReasonCategory[]).map((c) => (
          <option key={c} value={c}>
            {REASON_LABELS[c]}
          </option>
        ))}
      </Select>
    </Field>
    <Field
      label="Why, in words the person will read"
      required
      validationMessage={textError}
      hint="At least 10 characters, e.g. a request reference. The person sees this in their own audit view."
    >
      <Textarea
        value={reason.text}
        maxLength={1000}
        onChange={(_, d) => {
          onChange({ ...reason, text: d.value });
        }}
      />
    </Field>
  </>
);

export const EMPTY_REASON: Reason = { category: 'audit', text: '' };

/** A reason is required before anything is sent; the server decides whether it is long enough. */
export const missingReason = (reason: Reason): ApiError | null =>
  reason.text.trim() === ''
    ? new ApiError(400, 'validation', 'State the reason first.', {
        details: [{ path: 'text', message: 'State why; the person will read it.' }],
      })
    : null;
