export * from './ids.ts';
export * from './labels.ts';
export * from './submission.ts';
export * from './visibility.ts';
