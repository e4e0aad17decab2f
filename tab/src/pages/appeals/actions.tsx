import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { DateField } from '../../components/date-input.tsx';
import { LiveStatus } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useStep } from '../../components/use-step.tsx';
import type { AppealView } from './types.ts';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '36rem', marginTop: tokens.spacingVerticalL },
});

const Hearing = ({ view, reload, policy }: { view: AppealView; reload: () => void; policy: string }) => {
  const styles = useStyles();
  const { api, me } = useSession();
  const { run, busy, notice, status } = useStep(reload);
  const [on, setOn] = useState(view.hearing?.on ?? '');
  const [at, setAt] = useState(view.hearing?.at ?? '10:00');
  const [others, setOthers] = useState(view.hearing?.others.join(', ') ?? '');
  const submit = () =>
    run(
      () =>
        api.call('appeals.hearing', {
          params: { appealId: view.id },
          body: {
            on,
            at,
            hrPresentId: me.person.id,
            others: others
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== ''),
          },
          ifMatch: view.etag,
        }),
      'The hearing is recorded.',
    );
  return (
    <form
      className={styles.form}
      aria-labelledby="hearing-form-h"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Text as="h3" id="hearing-form-h" size={400} weight="semibold">
        {view.hearing === undefined ? 'Record the hearing' : 'Move the hearing'}
      </Text>
      <Text as="p" block>
        You attend for HR ({policy}). Book it in everyone&apos;s calendar on the <a href="#/book">Book page</a>, then
        record it here.
      </Text>
      <LiveStatus message={status} />
      {notice}
      <DateField label="Hearing date" value={on} onChange={setOn} required />
      <Field label="Time (24-hour, HH:MM)" required>
        <Input
          value={at}
          onChange={(_, d) => {
            setAt(d.value);
          }}
        />
      </Field>
      <Field label="Also attending (names, separated by commas)" hint="A fellow worker or trade union representative.">
        <Input
          value={others}
          onChange={(_, d) => {
            setOthers(d.value);
          }}
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={busy || on === ''}>
          Record the hearing
        </Button>
      </div>
    </form>
  );
};

const Decision = ({ view, reload, appellant }: { view: AppealView; reload: () => void; appellant: string }) => {
  const styles = useStyles();
  const { api } = useSession();
  const { run, busy, notice, status } = useStep(reload);
  const [outcome, setOutcome] = useState<'upheld' | 'not-upheld' | ''>('');
  const [text, setText] = useState('');
  return (
    <form
      className={styles.form}
      aria-labelledby="decide-h"
      onSubmit={(e) => {
        e.preventDefault();
        if (outcome === '') return;
        void run(
          () =>
            api.call('appeals.decide', {
              params: { appealId: view.id },
              body: { outcome, text: text.trim() },
              ifMatch: view.etag,
            }),
          `The decision is recorded and ${appellant} is told.`,
        );
      }}
    >
      <Text as="h3" id="decide-h" size={400} weight="semibold">
        Record the written decision
      </Text>
      <Text as="p" block>
        The decision is final. {appellant} reads it on this page.
      </Text>
      <LiveStatus message={status} />
      {notice}
      <Field label="Outcome" required>
        <RadioGroup
          value={outcome}
          onChange={(_, d) => {
            setOutcome(d.value === 'upheld' ? 'upheld' : 'not-upheld');
          }}
        >
          <Radio value="upheld" label="Upheld" />
          <Radio value="not-upheld" label="Not upheld" />
        </RadioGroup>
      </Field>
      <Field label="The decision, and the action to be taken" required>
        <Textarea
          value={text}
          onChange={(_, d) => {
            setText(d.value);
          }}
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={busy || outcome === '' || text.trim() === ''}>
          Record the decision
        </Button>
      </div>
    </form>
  );
};

const Extension = ({ view, reload, other }: { view: AppealView; reload: () => void; other: string }) => {
  const styles = useStyles();
  const { api } = useSession();
  const { run, busy, notice, status } = useStep(reload);
  const [days, setDays] = useState('5');
  const [reason, setReason] = useState('');
  const pending = view.extensions.find((e) => e.id === view.may.agreeExtension);
  if (pending !== undefined) {
    return (
      <section className={styles.form} aria-labelledby="agree-ext-h">
        <Text as="h3" id="agree-ext-h" size={400} weight="semibold">
          An extension awaits your agreement
        </Text>
        <Text as="p" block>
          {other} proposes {pending.workingDays} more working days: {pending.reason}
        </Text>
        <LiveStatus message={status} />
        {notice}
        <div>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              void run(
                () =>
                  api.call('appeals.agreeExtension', {
                    params: { appealId: view.id, extensionId: pending.id },
                    body: {},
                    ifMatch: view.etag,
                  }),
                'You agreed the extension; the deadline has moved.',
              )
            }
          >
            Agree the extension
          </Button>
        </div>
      </section>
    );
  }
  if (!view.may.proposeExtension) return null;
  return (
    <form
      className={styles.form}
      aria-labelledby="ext-h"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () =>
            api.call('appeals.proposeExtension', {
              params: { appealId: view.id },
              body: { workingDays: Number(days), reason: reason.trim() },
              ifMatch: view.etag,
            }),
          `Your proposal is sent; it holds once ${other} agrees.`,
        );
      }}
    >
      <Text as="h3" id="ext-h" size={400} weight="semibold">
        Propose more time
      </Text>
      <Text as="p" block>
        The timescales may be varied by mutual consent: the extension holds once {other} agrees, and is then
        communicated to the appellant and any representative.
      </Text>
      <LiveStatus message={status} />
      {notice}
      <Field label="Extra working days (1 to 30)" required>
        <Input
          type="number"
          min={1}
          max={30}
          value={days}
          onChange={(_, d) => {
            setDays(d.value);
          }}
        />
      </Field>
      <Field label="Why more time is needed" required>
        <Textarea
          value={reason}
          onChange={(_, d) => {
            setReason(d.value);
          }}
        />
      </Field>
      <div>
        <Button type="submit" disabled={busy || reason.trim() === '' || !/^\d+$/.test(days)}>
          Propose the extension
        </Button>
      </div>
    </form>
  );
};

/** The steps the reader may take now, each only when they may take it. */
export const AppealActions = ({
  view,
  reload,
  names,
  policy,
}: {
  view: AppealView;
  reload: () => void;
  names: { appellant: string; hearer: string };
  policy: string;
}) => {
  const { api } = useSession();
  const { run, busy, notice, status } = useStep(reload);
  const hr = view.roles.includes('hr');
  const other = view.roles.includes('appellant') ? names.hearer : names.appellant;
  return (
    <>
      {view.may.acknowledge ? (
        <div>
          <LiveStatus message={status} />
          {notice}
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              void run(
                () => api.call('appeals.acknowledge', { params: { appealId: view.id }, body: {}, ifMatch: view.etag }),
                `The appeal is acknowledged and ${names.appellant} is told.`,
              )
            }
          >
            Acknowledge the appeal
          </Button>
        </div>
      ) : null}
      {view.may.recordHearing && hr ? <Hearing view={view} reload={reload} policy={policy} /> : null}
      {view.may.decide ? <Decision view={view} reload={reload} appellant={names.appellant} /> : null}
      <Extension view={view} reload={reload} other={other} />
    </>
  );
};
