export type * from './types.ts';
export { schemePackSchema } from './pack-schema.ts';
export { getSchemePack, schemePacks } from './packs/index.ts';
