import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError } from '@pc/core/api';
import { formatDate } from '../../components/format.ts';
import { ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useStep } from '../../components/use-step.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { DecisionForm, FactsForm, type PayStep } from './pay-step-forms.tsx';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '56rem' },
});

const STATE_WORDS = { met: 'Met', 'not-met': 'Not met', 'not-applicable': 'Not applicable' } as const;

const decisionWords = (d: NonNullable<NonNullable<PayStep['facts']>['decision']>): string =>
  d.outcome === 'applied'
    ? `Applied on ${formatDate(d.decidedOn)}, effective from ${formatDate(d.effectiveFrom ?? d.decidedOn)}.`
    : `Deferred on ${formatDate(d.decidedOn)}: ${d.reasons.join('; ')}.`;

/**
 * Policy 003 §5.8, beside a Career Conversation: each of points I–V for the colleague at their pay
 * step date, the facts People Services enter, and the decision with its reasons. Shown to the line
 * manager and People Services only; nothing shows where the scheme has no pay step.
 */
export const PayStepPanel = ({ personId, type }: { personId: string; type: string }) => {
  const { api, me } = useSession();
  const shown = me.tenant.schemeId === 'somerset-career-conversations' && type === 'annual-review';
  const [loaded, reload] = useLoad(
    async (signal) => {
      if (!shown) return null;
      try {
        return await api.call('payStep.get', { params: { personId }, signal });
      } catch (error) {
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
        throw error;
      }
    },
    [api, personId, shown],
  );
  const step = useStep(reload);
  const styles = useStyles();
  if (!shown) return null;
  if (loaded.state === 'loading') return <Loading label="Loading the pay-step decision…" />;
  if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  const view = loaded.data;
  if (view === null) return null;
  const decision = view.facts?.decision;
  return (
    <section className={styles.section} aria-labelledby="pay-step-h">
      <Text as="h2" id="pay-step-h" block size={500} weight="semibold">
        Pay step of {formatDate(view.payStepDate)} for {view.displayName}
      </Text>
      <Table aria-label="Pay-step criteria (003 §5.8)">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Point</TableHeaderCell>
            <TableHeaderCell>Criterion</TableHeaderCell>
            <TableHeaderCell>Where it stands</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.criteria.map((c) => (
            <TableRow key={c.point}>
              <TableCell>{c.point}</TableCell>
              <TableCell>{c.text}</TableCell>
              <TableCell>
                {STATE_WORDS[c.state]}
                {c.reason === undefined ? '' : `: ${c.reason}`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {view.factsRecorded ? null : (
        <Text as="p" block>
          People Services have not entered the training, capability and disciplinary facts yet, so no decision can be
          recorded.
        </Text>
      )}
      {view.capabilityReferral === undefined ? null : (
        <Text as="p" block>
          {view.capabilityReferral}
        </Text>
      )}
      {decision === undefined ? null : (
        <Text as="p" block>
          Latest decision: {decisionWords(decision)}
        </Text>
      )}
      <LiveStatus message={step.status} />
      {step.notice}
      {view.mayEnterFacts ? <FactsForm key={view.etag} view={view} run={step.run} busy={step.busy} /> : null}
      {view.factsRecorded && !(decision?.outcome === 'applied' && decision.payStepDate === view.payStepDate) ? (
        <DecisionForm key={view.etag} view={view} run={step.run} busy={step.busy} />
      ) : null}
    </section>
  );
};
