import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { formatDateTime } from '../../components/format.ts';
import type { ConversationFull } from './types.ts';

/** Someone else saved first: who, when, and a way to carry on from their version without losing the typing. */
export interface Conflict {
  readonly by: string;
  readonly at: string;
  readonly latest: ConversationFull;
}

export const ConflictNotice = ({ conflict, onLoad }: { conflict: Conflict; onLoad: () => void }) => (
  <MessageBar intent="warning" role="alert" layout="multiline">
    <MessageBarBody>
      <MessageBarTitle>Changed by someone else</MessageBarTitle>
      {conflict.by} changed this record at {formatDateTime(conflict.at)}, after you opened it. Nothing you typed is
      lost: load their changes into the fields you have not touched, check the form, then save again.
    </MessageBarBody>
    <MessageBarActions>
      <Button onClick={onLoad}>Load their changes and keep my typing</Button>
    </MessageBarActions>
  </MessageBar>
);
