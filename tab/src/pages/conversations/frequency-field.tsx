import { Field, Select, Text } from '@fluentui/react-components';
import { useSession } from '../../session.tsx';

const everyWords = (weeks: number): string => (weeks === 1 ? 'Every week' : `Every ${String(weeks)} weeks`);

/**
 * How often the pair will meet from now on, settled in the record (000, 001, 003, 004). Where the
 * pair decide, it takes effect once both agree the record; under 000 the line manager arranges it,
 * so a colleague sees it but does not set it. Absent where the scheme fixes the frequency (002).
 */
export const FrequencyField = ({
  role,
  other,
  value,
  onChange,
  validationMessage,
}: {
  role: 'employee' | 'manager';
  /** The other person's first name, once loaded. */
  other: string | undefined;
  /** Weeks, or '' to leave it as it is. */
  value: string;
  onChange: (value: string) => void;
  validationMessage?: string | undefined;
}) => {
  const { scheme } = useSession();
  const spec = scheme?.regularFrequency;
  if (spec === undefined) return null;
  const managerSays = spec.decidedBy === 'manager';
  if (managerSays && role === 'employee') {
    return value === '' ? null : (
      <Text as="p" block>
        Your line manager has set your conversations to {everyWords(Number(value)).toLowerCase()}.
      </Text>
    );
  }
  const label = other === undefined ? 'How often will you meet?' : `How often will you and ${other} meet?`;
  const hint = managerSays
    ? `You arrange this (${spec.policyRef}); it applies from this conversation.`
    : `It applies once you have both agreed this record (${spec.policyRef}).`;
  return (
    <Field label={label} hint={hint} validationMessage={validationMessage}>
      <Select
        value={value}
        onChange={(_, d) => {
          onChange(d.value);
        }}
      >
        <option value="">Keep as it is</option>
        {spec.choicesInWeeks.map((w) => (
          <option key={w} value={String(w)}>
            {everyWords(w)}
          </option>
        ))}
      </Select>
    </Field>
  );
};

/** The body field for a chosen frequency, or nothing when left as it is. */
export const frequencyOut = (value: string): { agreedRegularEveryWeeks?: number } =>
  value === '' ? {} : { agreedRegularEveryWeeks: Number(value) };

/** What the record settles about how often the pair meet, and whether it applies yet. */
export const frequencyFact = (
  r: { readonly agreedRegularEveryWeeks?: number | undefined; readonly status: string },
  decidedBy: 'pair' | 'manager' | undefined,
): string => {
  const every = everyWords(r.agreedRegularEveryWeeks ?? 1);
  if (decidedBy === 'manager') return `${every}, set by the line manager`;
  return r.status === 'agreed' ? `${every}, agreed by you both` : `${every}, once you have both agreed this record`;
};
