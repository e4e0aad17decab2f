import { describe, expect, it } from 'vitest';
import { getSchemePack as schemePack } from '../scheme/index.ts';
import { conversationLabel, conversationLabels } from './conversation-labels.ts';

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
