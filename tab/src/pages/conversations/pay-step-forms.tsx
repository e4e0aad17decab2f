import { Button, Checkbox, Text, Textarea, Field, makeStyles, tokens } from '@fluentui/react-components';
import type { ResponseOf, Routes } from '@pc/core/api';
import { useState } from 'react';
import { DateField } from '../../components/date-input.tsx';
import { formatDate } from '../../components/format.ts';
import { useSession } from '../../session.tsx';

export type PayStep = ResponseOf<Routes['payStep.get']>;
type Run = (call: () => Promise<unknown>, done: string) => Promise<void>;

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** People Services enter what only they know (003 §5.8 II–IV). */
export const FactsForm = ({ view, run, busy }: { view: PayStep; run: Run; busy: boolean }) => {
  const styles = useStyles();
  const { api } = useSession();
  const [facts, setFacts] = useState({
    mandatoryTrainingComplete: view.facts?.mandatoryTrainingComplete ?? false,
    formalCapabilityProcess: view.facts?.formalCapabilityProcess ?? false,
    liveDisciplinarySanction: view.facts?.liveDisciplinarySanction ?? false,
  });
  const box = (key: keyof typeof facts, label: string) => (
    <Checkbox
      label={label}
      checked={facts[key]}
      onChange={(_, d) => {
        setFacts({ ...facts, [key]: d.checked === true });
      }}
    />
  );
  return (
    <form
      className={styles.form}
      aria-label="Pay-step facts People Services enter"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () => api.call('payStep.facts', { params: { personId: view.personId }, body: facts, ifMatch: view.etag }),
          'The pay-step facts are saved.',
        );
      }}
    >
      <Text as="h3" block weight="semibold">
        Facts People Services enter
      </Text>
      {box('mandatoryTrainingComplete', 'Statutory and mandatory training complete')}
      {box('formalCapabilityProcess', 'A formal capability process is in place')}
      {box('liveDisciplinarySanction', 'A formal disciplinary sanction is live on the record')}
      <div className={styles.row}>
        <Button type="submit" disabled={busy}>
          Save the facts
        </Button>
      </div>
    </form>
  );
};

/** Apply the step when all is met; otherwise defer it with a plan, its timescales and review dates. */
export const DecisionForm = ({ view, run, busy }: { view: PayStep; run: Run; busy: boolean }) => {
  const styles = useStyles();
  const { api } = useSession();
  const [timescales, setTimescales] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const params = { personId: view.personId };
  if (view.eligible)
    return (
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() =>
            void run(
              () => api.call('payStep.decide', { params, body: { outcome: 'applied' }, ifMatch: view.etag }),
              'The pay step is applied.',
            )
          }
        >
          Apply the pay step of {formatDate(view.payStepDate)}
        </Button>
      </div>
    );
  return (
    <form
      className={styles.form}
      aria-label="Defer the pay step"
      onSubmit={(e) => {
        e.preventDefault();
        const reviewDates = [first, second].filter((d) => d !== '');
        void run(
          () =>
            api.call('payStep.decide', {
              params,
              body: { outcome: 'deferred', timescales, reviewDates },
              ifMatch: view.etag,
            }),
          'The pay step is deferred; the plan’s review dates are now due.',
        );
      }}
    >
      <Text as="p" block>
        {view.deferralAdvice}
      </Text>
      <Field label="The supportive plan and its timescales" required>
        <Textarea
          value={timescales}
          resize="vertical"
          onChange={(_, d) => {
            setTimescales(d.value);
          }}
        />
      </Field>
      <DateField label="First review date" value={first} onChange={setFirst} required />
      <DateField label="Second review date (optional)" value={second} onChange={setSecond} />
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy}>
          Defer the pay step
        </Button>
      </div>
    </form>
  );
};
