// The organisation's settings over its scheme pack live with the scheme (the engine reads them too).
export {
  DEFAULT_TEAM_THEMES_TEMPLATE,
  defaultRegularEveryWeeks,
  tenantPack,
  withSchemeSettings,
} from '../scheme/organisation-settings.ts';
