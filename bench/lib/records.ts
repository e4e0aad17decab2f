import type { ConversationRecord } from '@pc/core';

/** An agreed conversation with nothing written in it: what the engine and the lists read of a person's history. */
export const agreedConversation = (fields: {
  readonly tenantId: string;
  readonly id: string;
  readonly employeeId: string;
  readonly managerIds: readonly string[];
  readonly jobIds: readonly string[];
  readonly type: ConversationRecord['type'];
  readonly date: string;
}): ConversationRecord => ({
  ...fields,
  managerIds: [...fields.managerIds],
  jobIds: [...fields.jobIds],
  status: 'agreed',
  topics: [],
  sections: {},
  notes: '',
  issuesRaised: [],
  actionsAgreed: [],
  agenda: [],
  agreement: {},
  createdAt: `${fields.date}T10:00:00.000Z`,
  updatedAt: `${fields.date}T10:00:00.000Z`,
});
