export * from './smart.ts';
export * from './appeals.ts';
export * from './pay-step.ts';
export * from './bexley-rating.ts';
export * from './compliance.ts';
export * from './objective-recording.ts';
export * from './visible-text.ts';
