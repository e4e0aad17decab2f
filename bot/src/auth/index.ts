export type { Principal } from './principal.ts';
export { bearerToken } from './bearer.ts';
export { createTokenValidator, type TokenValidator, type TokenValidatorOptions } from './token-validator.ts';
export { entraClaimsOf } from './entra-claims.ts';
