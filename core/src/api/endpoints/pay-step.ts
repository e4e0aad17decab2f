import * as people from '../people.ts';
import * as payStep from '../pay-step.ts';
import type { RouteDef } from '../route.ts';
import { person } from './paths.ts';

export const get = {
  method: 'GET',
  path: `${person}/pay-step`,
  tag: 'pay-step',
  summary: "A colleague's pay-step decision against the five criteria, criterion V worked out (003 §5.8)",
  params: people.personParams,
  response: payStep.payStepView,
} satisfies RouteDef;

export const facts = {
  method: 'PUT',
  path: `${person}/pay-step/facts`,
  tag: 'pay-step',
  summary: 'People Services enter training, capability and disciplinary facts (003 §5.8 II–IV; audited)',
  params: people.personParams,
  body: payStep.payStepFactsInput,
  response: payStep.payStepView,
  ifMatch: true,
} satisfies RouteDef;

export const decide = {
  method: 'POST',
  path: `${person}/pay-step/decision`,
  tag: 'pay-step',
  summary: 'Apply the step, or defer it with the reasons and a plan with review dates; never backdated (audited)',
  params: people.personParams,
  body: payStep.payStepDecisionInput,
  response: payStep.payStepView,
  ifMatch: true,
} satisfies RouteDef;
