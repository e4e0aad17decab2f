import type { SchemeId } from '../../domain/people.ts';
import { AppError } from '../../errors.ts';
import type { SchemePack } from '../types.ts';
import { assemblySecretariat } from './assembly-secretariat.ts';
import { bexleyPms } from './bexley-pms.ts';
import { cumbriaVip } from './cumbria-vip.ts';
import { leicestershireApr } from './leicestershire-apr.ts';
import { somersetCareerConversations } from './somerset-career-conversations.ts';

export const schemePacks: Readonly<Record<SchemeId, SchemePack>> = Object.freeze({
  'cumbria-vip': cumbriaVip,
  'leicestershire-apr': leicestershireApr,
  'bexley-pms': bexleyPms,
  'somerset-career-conversations': somersetCareerConversations,
  'assembly-secretariat': assemblySecretariat,
});

/** Stored tenant data may name a scheme this build does not know: that is a not-found, not a crash. */
export const getSchemePack = (id: SchemeId): SchemePack => {
  if (!Object.hasOwn(schemePacks, id)) throw new AppError('not-found', 'This scheme is not available.');
  return schemePacks[id];
};
