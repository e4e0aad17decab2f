import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { isoToGb, parseGbDate } from './format.ts';

/**
 * A date written day/month/year whatever the browser's locale (a native date input follows the
 * browser, so an American-set browser showed mm/dd/yyyy). Hands back ISO, or '' while the text
 * is empty or not yet a date.
 */
export const DateField = ({
  label,
  value,
  onChange,
  required = false,
  validationMessage,
  hint = 'Day/month/year, for example 03/05/2027.',
  className,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  required?: boolean;
  validationMessage?: string | undefined;
  hint?: string;
  className?: string;
}) => {
  const [text, setText] = useState(() => isoToGb(value));
  const [touched, setTouched] = useState(false);
  const parsed = text.trim() === '' ? '' : parseGbDate(text);
  const problem =
    parsed === undefined && touched ? 'Write the date as day/month/year, for example 03/05/2027.' : undefined;
  return (
    <Field
      label={label}
      required={required}
      hint={hint}
      validationMessage={problem ?? validationMessage}
      {...(className === undefined ? {} : { className })}
    >
      <Input
        value={text}
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        onChange={(_, d) => {
          setText(d.value);
          onChange(d.value.trim() === '' ? '' : (parseGbDate(d.value) ?? ''));
        }}
        onBlur={() => {
          setTouched(true);
        }}
      />
    </Field>
  );
};
