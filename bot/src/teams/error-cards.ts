import { isAppError } from '@pc/core';
import {
  AGENDA_FIELD,
  buildErrorCard,
  buildInvalidSubmissionCard,
  FEEDBACK_FIELD_LABELS,
  type AdaptiveCard,
} from '@pc/core/cards';
import type { Logger } from '../logging.ts';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...FEEDBACK_FIELD_LABELS,
  [AGENDA_FIELD]: 'Agenda item',
  answer: 'Your answer',
  verb: 'Button',
};

/** The one mapping from a failure to what the person sees in Teams. */
export const cardForError = (error: unknown, logger: Logger, correlationId?: string): AdaptiveCard => {
  const reference = correlationId === undefined ? {} : { correlationId };
  if (isAppError(error)) {
    if (error.code === 'validation' && error.details.length > 0) {
      logger.info({ code: error.code, fields: error.details.map((d) => d.path) }, 'submission refused');
      return buildInvalidSubmissionCard({ issues: error.details, fieldLabels: FIELD_LABELS });
    }
    const level = error.code === 'internal' || error.code === 'unavailable' ? 'error' : 'info';
    logger[level]({ err: error, code: error.code }, 'turn refused');
    return buildErrorCard({
      message: error.message,
      ...reference,
      ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
    });
  }
  logger.error({ err: error }, 'turn failed');
  return buildErrorCard({ message: 'Sorry, something went wrong on our side. Please try again.', ...reference });
};
