/**
 * The task pane wears Fluent 2: Fluent's design tokens (colours, type, radii, strokes) as CSS custom
 * properties, light or dark to match the Office theme (or the browser's preference outside Office),
 * so the add-in looks like the Outlook around it and like the tab in Teams.
 */
import { webDarkTheme, webLightTheme } from '@fluentui/tokens';
import { prefersDark, type OfficeThemeColours } from './theme-choice.ts';

/** Every Fluent token as a CSS custom property (`--colorBrandBackground` …) on the document's root. */
const setTheme = (theme: Readonly<Record<string, string | number>>, root: HTMLElement): void => {
  for (const [name, value] of Object.entries(theme)) root.style.setProperty(`--${name}`, String(value));
};

export const applyTheme = (office: OfficeThemeColours | undefined, win: Window = window): 'light' | 'dark' => {
  const dark = prefersDark(office, win.matchMedia('(prefers-color-scheme: dark)').matches);
  setTheme(dark ? webDarkTheme : webLightTheme, win.document.documentElement);
  win.document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  return dark ? 'dark' : 'light';
};
