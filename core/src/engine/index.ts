export * from './types.ts';
export { dueConversations } from './due.ts';
export { isEveryNthMonth } from './rules/months.ts';
