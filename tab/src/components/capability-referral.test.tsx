// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { SchemeView } from '@pc/core/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionContext, type Session } from '../session.tsx';
import { demoMe, fakeApi } from '../test-support.tsx';
import { allowMessageBars } from './show-more.test-support.ts';
import { CapabilityReferral } from './capability-referral.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const WORDS = 'Concerns about capability are handled under the Capability Procedure, not in this conversation.';
const show = (schemeId: SchemeView['id'], policyHref?: string) => {
  const session: Session = {
    api: fakeApi({}),
    me: demoMe(2),
    scheme: { id: schemeId, capabilityReferral: WORDS } as SchemeView,
    host: null,
    context: { inTeams: false, theme: 'default', locale: 'en-GB' },
    today: '2027-05-01',
  };
  return render(
    <FluentProvider theme={webLightTheme}>
      <SessionContext.Provider value={session}>
        <CapabilityReferral
          personName="Łukasz Nowak"
          conversationDate="2027-04-14"
          {...(policyHref === undefined ? {} : { policyHref })}
        />
      </SessionContext.Provider>
    </FluentProvider>,
  );
};

describe('capability referral (000, 001, 003, 004: concerns go to the capability procedure)', () => {
  it("offers the scheme's words, a referral note naming the colleague and the conversation, and the policy link", async () => {
    const written: string[] = [];
    allowMessageBars();
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (t: string) => Promise.resolve(void written.push(t)) },
    });
    show('somerset-career-conversations', 'https://intranet.example.test/capability');
    expect(screen.getByText(WORDS)).toBeTruthy();
    const note = screen.getByLabelText<HTMLTextAreaElement>('Referral note for HR').value;
    expect(note).toContain('Colleague: Łukasz Nowak');
    expect(note).toContain('14 April 2027');
    expect(screen.getByRole('link', { name: 'Read the capability procedure' }).getAttribute('href')).toBe(
      'https://intranet.example.test/capability',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy the referral note' }));
    await screen.findByText('The referral note has been copied. Send it to HR.');
    expect(written).toEqual([note]);
  });

  it('says to ask HR when no procedure is published, and shows nothing for a scheme without the referral (002)', () => {
    show('cumbria-vip');
    expect(screen.getByText('HR can give you the capability procedure.')).toBeTruthy();
    cleanup();
    const { container } = show('bexley-pms');
    expect(container.textContent).toBe('');
  });
});
