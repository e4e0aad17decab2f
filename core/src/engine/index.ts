export * from './types.ts';
export { dueConversations } from './due.ts';
