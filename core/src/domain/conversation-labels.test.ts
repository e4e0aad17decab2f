import { describe, expect, it } from 'vitest';
import { getSchemePack as schemePack } from '../scheme/index.ts';
import { conversationLabel, conversationLabels, reasonAbout } from './conversation-labels.ts';

describe('conversation type labels', () => {
  it("000: a regular conversation is a 'VIP conversation' under the Cumbria scheme, its appraisal a 'VIP Summary Appraisal'", () => {
    const vip = schemePack('cumbria-vip');
    expect(conversationLabel('regular', vip)).toBe('VIP conversation');
    expect(conversationLabel('annual-review', vip)).toBe('VIP Summary Appraisal');
  });

  it('004: a Big Picture conversation keeps the Assembly Secretariat wording', () => {
    expect(conversationLabel('big-picture', schemePack('assembly-secretariat'))).toBe(
      'Big Picture performance conversation',
    );
  });

  it('falls back to the plain name for a type the scheme does not name, or with no scheme', () => {
    expect(conversationLabel('big-picture', schemePack('cumbria-vip'))).toBe('Big Picture conversation');
    expect(conversationLabel('handover')).toBe('Handover between managers');
    expect(conversationLabels(schemePack('leicestershire-apr')).team).toBe('Team conversation');
    expect(conversationLabels(schemePack('leicestershire-apr')).regular).toBe('One-to-one');
  });
});

describe('due reasons for someone reading about a colleague', () => {
  it("name the colleague where the engine says 'Your', and speak of them in the third person", () => {
    expect(
      reasonAbout(
        'Your first VIP Summary Appraisal is due 12 months after you started, once probation ends.',
        'Joe Bloggs',
      ),
    ).toBe("Joe's first VIP Summary Appraisal is due 12 months after they started, once probation ends.");
    expect(
      reasonAbout(
        'Your Annual review fell due while you were on leave, so it is arranged within 3 months of your return. Your line manager changed.',
        'Asha Patel',
      ),
    ).toBe(
      "Asha's Annual review fell due while they were on leave, so it is arranged within 3 months of their return. Asha's line manager changed.",
    );
    expect(reasonAbout('The handover between your old and new line manager was held.', 'Joe Bloggs')).toBe(
      'The handover between their old and new line manager was held.',
    );
  });
});
