export * from './types.ts';
export { dueConversations } from './due.ts';
export { teamThemesCollationDue, teamThemesDue, type RollUpDue } from './team-themes.ts';
export { appealDeadline, type AgreedExtension, type AppealDeadline, type AppealStep } from './appeal-deadline.ts';
