import { Button, Field, Link, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useSession } from '../session.tsx';
import { formatDate } from './format.ts';
import { LiveStatus } from './status.tsx';

/** Schemes whose policy refers capability concerns to the employer's capability procedure (000, 001, 003, 004). */
const REFERRING_SCHEMES = new Set([
  'cumbria-vip',
  'leicestershire-apr',
  'somerset-career-conversations',
  'assembly-secretariat',
]);

const useStyles = makeStyles({
  section: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxWidth: '48rem',
  },
});

/**
 * Where a concern about capability comes up in a conversation: the scheme's words on where it is
 * handled, a referral note to send to HR, and the link to the employer's capability procedure.
 * Nothing of the capability process itself is recorded in this product.
 */
export const CapabilityReferral = ({
  personName,
  conversationDate,
  policyHref,
}: {
  personName: string;
  conversationDate: string;
  /** The employer's capability procedure, where the tenant has published one. */
  policyHref?: string;
}) => {
  const styles = useStyles();
  const { scheme, me } = useSession();
  const [status, setStatus] = useState('');
  if (scheme === null || !REFERRING_SCHEMES.has(scheme.id)) return null;
  const note =
    `Referral to the capability procedure\n` +
    `Colleague: ${personName}\n` +
    `Raised by: ${me.person.displayName}, at the conversation of ${formatDate(conversationDate)}\n` +
    `The details are given to HR directly; they are not recorded in the conversation.`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(note);
      setStatus('The referral note has been copied. Send it to HR.');
    } catch {
      setStatus('Copying is not allowed here: select the note and copy it.');
    }
  };
  return (
    <section className={styles.section} aria-labelledby="capability-h">
      <Text as="h2" block id="capability-h" size={400} weight="semibold">
        Concerns about capability
      </Text>
      <Text as="p" block>
        {scheme.capabilityReferral}
      </Text>
      <Field label="Referral note for HR">
        <Textarea readOnly value={note} rows={4} />
      </Field>
      <LiveStatus message={status} />
      <div>
        <Button onClick={() => void copy()}>Copy the referral note</Button>
      </div>
      {policyHref === undefined ? (
        <Text as="p" block>
          HR can give you the capability procedure.
        </Text>
      ) : (
        <Link href={policyHref} target="_blank" rel="noreferrer">
          Read the capability procedure
        </Link>
      )}
    </section>
  );
};
