import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { type ApiClient, ApiError } from '@pc/core/api';
import { SessionContext, type Me, type Session } from './session.tsx';

/** Canned answers by route id; a route without one answers 404 as the real server would. */
export const fakeApi = (answers: Record<string, unknown>): ApiClient & { calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    call: ((id: string) => {
      calls.push(id);
      return id in answers
        ? Promise.resolve(answers[id])
        : Promise.reject(new ApiError(404, 'not-found', 'Not found.'));
    }) as ApiClient['call'],
  };
};

export const demoMe = (reportCount = 0): Me => ({
  person: { id: 'p1', displayName: 'Alex Colleague', email: 'alex@example.test', jobTitles: ['Officer'] },
  tenant: { tenantId: 't1', name: 'Demo Council', schemeId: 'cumbria-vip' },
  orgRoles: [],
  managerIds: ['m1'],
  reportCount,
});

export const renderWithSession = (ui: ReactNode, api: ApiClient, me: Me = demoMe()) => {
  const session: Session = {
    api,
    me,
    scheme: null,
    host: null,
    context: { inTeams: false, theme: 'default', locale: 'en-GB' },
    today: '2027-05-01',
  };
  return render(
    <FluentProvider theme={webLightTheme}>
      <SessionContext.Provider value={session}>{ui}</SessionContext.Provider>
    </FluentProvider>,
  );
};
