export * from './relationships.ts';
export * from './matrix.ts';
export * from './decide.ts';
export * from './visibility.ts';
export * from './working-relationship.ts';
