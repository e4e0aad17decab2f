import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeName } from './teams.ts';

/** Teams' three themes map onto Fluent's web themes; high contrast uses the Teams palette. */
export const fluentThemeFor = (name: ThemeName): Theme =>
  name === 'dark' ? webDarkTheme : name === 'contrast' ? teamsHighContrastTheme : webLightTheme;
