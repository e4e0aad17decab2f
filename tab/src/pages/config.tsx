import { Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useSession } from '../session.tsx';
import type { EntityId } from '../teams.ts';

const CHOICES: readonly { value: EntityId; label: string }[] = [
  { value: 'team', label: 'My team' },
  { value: 'conversations', label: 'My conversations' },
  { value: 'objectives', label: 'My objectives' },
];

/** Configuration page of the team tab: Teams calls the save handler when the user presses Save. */
const ConfigPage = () => {
  const { host } = useSession();
  const [choice, setChoice] = useState<EntityId>('team');
  useEffect(() => {
    if (host === null) return;
    const base = `${window.location.origin}${window.location.pathname}`;
    host.enableConfigSave({
      entityId: choice,
      contentUrl: `${base}#/${choice}`,
      suggestedDisplayName: CHOICES.find((c) => c.value === choice)?.label ?? 'Performance conversations',
    });
  }, [host, choice]);
  return (
    <>
      <Text as="h1" block size={700} weight="semibold">
        Add Performance conversations to this team
      </Text>
      <Field label="Which page should the tab show?">
        <RadioGroup
          value={choice}
          onChange={(_, d) => {
            setChoice(d.value as EntityId);
          }}
        >
          {CHOICES.map((c) => (
            <Radio key={c.value} value={c.value} label={c.label} />
          ))}
        </RadioGroup>
      </Field>
      {host === null ? (
        <Text as="p" block>
          Open this page from Teams to add the tab to a channel.
        </Text>
      ) : (
        <Text as="p" block>
          Choose a page, then select Save.
        </Text>
      )}
    </>
  );
};
export default ConfigPage;
