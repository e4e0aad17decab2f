import type { ConversationPatch } from '../api/conversations.ts';
import { conversationLabel } from '../domain/conversation-labels.ts';
import type { ConversationTypeId } from '../domain/conversations.ts';
import type { Tenant } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { RatingPolicy } from '../permissions/visibility.ts';
import type { SchemePack } from '../scheme/types.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { tenantPack } from './tenant-admin-scheme.ts';

/** The tenant's pack with the organisation's own settings over it (Big Picture questions, default frequency). */
export const packOf = (tenant: Tenant): SchemePack => tenantPack(tenant);

/** Bexley keeps rating recommendations from the employee until the Step 3 review (002). */
export const ratingPolicyOf = (pack: SchemePack): RatingPolicy => ({
  hiddenFromEmployeeUntilReleased: pack.ratingScale?.hiddenFromEmployeeUntil !== undefined,
});

export const objectiveKindOf =
  (pack: SchemePack) =>
  (kind: string): boolean =>
    pack.objectiveKinds.some((k) => k.id === kind);

const invalidRating = (path: string, message: string, summary: string): AppError =>
  new AppError('validation', summary, { details: [{ path: `rating.${path}`, message }] });

/** A rating must be on the scheme's scale; a shortfall must be described where the scale says so (002 rating 3). */
export const ratingRuleOf =
  (pack: SchemePack) =>
  (rating: NonNullable<ConversationPatch['rating']>): void => {
    const scale = pack.ratingScale;
    if (scale === undefined) throw invalidRating('value', 'Not used by this scheme.', 'Your scheme has no ratings.');
    const option = scale.options.find((o) => o.value === rating.value);
    if (option === undefined) {
      const values = scale.options.map((o) => o.value).join(', ');
      throw invalidRating('value', `Choose one of ${values}.`, 'That rating is not on your scheme’s scale.');
    }
    if (option.requiresShortfall && (rating.shortfall ?? '').trim() === '') {
      throw invalidRating('shortfall', 'Describe how performance fell short.', 'This rating needs a description.');
    }
    if (rating.bonusRecommended === true && !(scale.bonus?.eligibleRatings.includes(rating.value) ?? false)) {
      throw invalidRating(
        'bonusRecommended',
        'Only for exceptional performance.',
        'A bonus cannot go with this rating.',
      );
    }
  };

/**
 * A frequency of regular conversations a record may set: one of the scheme's choices, and only by
 * the line manager where the scheme gives the manager that say (000 "arranged locally by the line manager").
 */
export const frequencyRuleOf =
  (pack: SchemePack) =>
  (weeks: number, role: 'employee' | 'manager'): void => {
    const spec = pack.regularFrequency;
    const path = 'agreedRegularEveryWeeks';
    if (spec === undefined) {
      const message = 'Your scheme sets how often regular conversations happen.';
      throw new AppError('validation', message, { details: [{ path, message: 'Not used by this scheme.' }] });
    }
    if (!spec.choicesInWeeks.includes(weeks)) {
      const message = `Choose every ${spec.choicesInWeeks.join(', ')} weeks.`;
      throw new AppError('validation', 'That frequency is not one your scheme offers.', {
        details: [{ path, message }],
      });
    }
    if (spec.decidedBy === 'manager' && role === 'employee') {
      throw new AppError('forbidden', `Your line manager arranges how often you meet (${spec.policyRef}).`);
    }
  };

/** The caller's scheme pack as the tab uses it. */
export const getScheme = async (deps: UseCaseDeps, caller: Caller): Promise<SchemePack> =>
  packOf((await loadActor(deps, caller)).tenant);

/** The scheme's own name for a conversation type, e.g. "VIP Summary Appraisal", else the plain one. */
export const labelOf = (pack: SchemePack, type: ConversationTypeId): string => conversationLabel(type, pack);
