import { AppError } from '@pc/core';

/** The token of an `Authorization: Bearer <token>` header; AppError 'unauthenticated' otherwise. */
export const bearerToken = (authorizationHeader: string | readonly string[] | undefined): string => {
  if (authorizationHeader === undefined || authorizationHeader.length === 0) {
    throw new AppError('unauthenticated', 'Sign-in is required');
  }
  if (typeof authorizationHeader !== 'string') {
    throw new AppError('unauthenticated', 'The request carries more than one Authorization header');
  }
  const match = /^Bearer[ ]+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(authorizationHeader);
  const token = match?.[1];
  if (token === undefined) {
    throw new AppError('unauthenticated', 'The Authorization header is not a bearer token');
  }
  return token;
};
