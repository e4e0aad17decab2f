import * as settings from '../nudge-settings.ts';
import type { RouteDef } from '../route.ts';
import { base } from './paths.ts';

export const get = {
  method: 'GET',
  path: `${base}/me/settings`,
  tag: 'people',
  summary: 'My own settings: which nudges I get and where, my quiet hours, whether my deck answers carry my name',
  response: settings.myNudgeSettings,
} satisfies RouteDef;

export const put = {
  method: 'PUT',
  path: `${base}/me/settings`,
  tag: 'people',
  summary: 'Change my own settings, against the version I loaded (If-Match)',
  body: settings.myNudgeSettingsInput,
  response: settings.myNudgeSettings,
  ifMatch: true,
} satisfies RouteDef;
