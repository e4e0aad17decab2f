import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { botChatLink, browserContext, normaliseTheme } from './teams.ts';
import { fluentThemeFor } from './theme.ts';

const fakeWindow = (href: string) => ({ location: { href }, navigator: { language: 'en-GB' } }) as unknown as Window;

describe('theme', () => {
  it("maps Teams' default, dark and contrast themes onto Fluent's light, dark and high-contrast themes", () => {
    expect(fluentThemeFor(normaliseTheme('default'))).toBe(webLightTheme);
    expect(fluentThemeFor(normaliseTheme('dark'))).toBe(webDarkTheme);
    expect(fluentThemeFor(normaliseTheme('contrast'))).toBe(teamsHighContrastTheme);
  });

  it('falls back to the light theme for a theme name Teams may add later', () => {
    expect(normaliseTheme('sepia')).toBe('default');
    expect(normaliseTheme(undefined)).toBe('default');
  });

  it('takes the theme from ?theme= in a plain browser', () => {
    expect(browserContext(fakeWindow('http://localhost/tab/?theme=dark#/team')).theme).toBe('dark');
    expect(browserContext(fakeWindow('http://localhost/tab/?theme=contrast')).theme).toBe('contrast');
    expect(browserContext(fakeWindow('http://localhost/tab/')).inTeams).toBe(false);
  });

  it('deep-links to a one-to-one chat with the bot by its app id', () => {
    expect(botChatLink('1111-2222')).toBe('https://teams.microsoft.com/l/chat/0/0?users=28%3A1111-2222');
  });
});
