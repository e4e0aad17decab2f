import type { Job, Probation, SchemeId } from '../domain/people.ts';
import { getSchemePack } from '../scheme/packs/index.ts';
import type { ObjectiveRecordingTrigger } from '../scheme/types.ts';

export interface RecordingFacts {
  readonly probation: Probation;
  /** The employee's current jobs; acting up in any of them counts. */
  readonly jobs: readonly Pick<Job, 'actingUp'>[];
}

export interface RecordingRequirement {
  readonly required: boolean;
  /** Who decides when it is not required (004: the line manager, after hearing the employee). */
  readonly decidedBy: 'manager' | 'pair';
  /** The circumstances that made recording required. */
  readonly because: readonly ObjectiveRecordingTrigger[];
  readonly reason: string;
  readonly policyRef: string;
}

const applies = (trigger: ObjectiveRecordingTrigger, facts: RecordingFacts): boolean =>
  trigger === 'probation'
    ? facts.probation.status === 'in-probation' || facts.probation.status === 'extended'
    : facts.jobs.some((j) => j.actingUp === true);

/** Whether objectives must be recorded (004 "Setting Objectives"); other schemes always record them. */
export const objectiveRecordingRequirement = (scheme: SchemeId, facts: RecordingFacts): RecordingRequirement => {
  const pack = getSchemePack(scheme);
  const policy = pack.objectiveRecording;
  const policyRef = `${pack.policy} Setting objectives`;
  if (policy.mode === 'expected')
    return { required: true, decidedBy: policy.decidedBy, because: [], reason: policy.note, policyRef };
  const because = policy.requiredWhen.filter((t) => applies(t, facts));
  if (because.length === 0) {
    return {
      required: false,
      decidedBy: policy.decidedBy,
      because,
      reason:
        'Recording objectives is optional; your line manager makes the final decision after hearing your views and explains it.',
      policyRef,
    };
  }
  const words = because.map((t) =>
    t === 'probation' ? 'you are on probation' : 'you are deputising or temporarily promoted',
  );
  return {
    required: true,
    decidedBy: policy.decidedBy,
    because,
    reason: `Job and development objectives must be recorded because ${words.join(' and ')}.`,
    policyRef,
  };
};

/** Capability concerns never stay in the conversation tooling: this says where they go instead. */
export const capabilityReferral = (scheme: SchemeId): { readonly refer: true; readonly message: string } => ({
  refer: true,
  message: getSchemePack(scheme).capabilityReferral,
});
