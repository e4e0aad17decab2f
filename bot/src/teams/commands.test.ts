import { describe, expect, it } from 'vitest';
import { normaliseText, routeText, TEXT_COMMAND_HANDLERS } from './commands.ts';

describe('text command routing', () => {
  it('routes every listed command word, ignoring case, mentions and a full stop', () => {
    for (const word of Object.keys(TEXT_COMMAND_HANDLERS)) {
      expect(routeText(`<at>Performance</at> ${word.toUpperCase()}.`).kind).toBe('command');
    }
  });

  it('treats "feedback: ..." as plain-words feedback and anything else as unknown', () => {
    expect(routeText('feedback: helped Sam with the rota').kind).toBe('plain-feedback');
    expect(routeText('feedback').kind).toBe('command');
    expect(routeText('please delete my manager').kind).toBe('unknown');
    expect(routeText('').kind).toBe('unknown');
  });

  it('strips mention markup and extra spaces', () => {
    expect(normaliseText('<at>Bot</at>   due  ')).toBe('due');
  });
});
