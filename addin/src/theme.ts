/**
 * The task pane wears Fluent 2: Fluent's design tokens (colours, type, radii, strokes) as CSS custom
 * properties, light or dark to match the Office theme (or the browser's preference outside Office),
 * so the add-in looks like the Outlook around it and like the tab in Teams.
 */
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';
import { setTheme } from '@fluentui/web-components/theme/set-theme.js';
import { prefersDark, type OfficeThemeColours } from './theme-choice.ts';

export const applyTheme = (office: OfficeThemeColours | undefined, win: Window = window): 'light' | 'dark' => {
  const dark = prefersDark(office, win.matchMedia('(prefers-color-scheme: dark)').matches);
  setTheme(dark ? webDarkTheme : webLightTheme);
  win.document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  return dark ? 'dark' : 'light';
};
