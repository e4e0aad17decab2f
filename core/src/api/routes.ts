import { defineRoute } from './route.ts';
import * as appeals from './endpoints/appeals.ts';
import * as admin from './endpoints/admin.ts';
import * as bookings from './endpoints/bookings.ts';
import * as bookingSeries from './endpoints/booking-series.ts';
import * as colleagues from './endpoints/colleagues.ts';
import * as conversations from './endpoints/conversations.ts';
import * as feedback from './endpoints/feedback.ts';
import * as home from './endpoints/home.ts';
import * as meetings from './endpoints/meetings.ts';
import * as meetingDeck from './endpoints/meeting-deck.ts';
import * as nudgeSettings from './endpoints/nudge-settings.ts';
import * as objectives from './endpoints/objectives.ts';
import * as onboarding from './endpoints/onboarding.ts';
import * as organisation from './endpoints/organisation.ts';
import * as payStep from './endpoints/pay-step.ts';
import * as people from './endpoints/people.ts';
import * as ratings from './endpoints/ratings.ts';
import * as retention from './endpoints/retention.ts';
import * as team from './endpoints/team.ts';

/**
 * Every endpoint of the REST API by id: the index the server, the clients and the OpenAPI
 * document share. Each endpoint's method, path, schemas and summary sit in endpoints/ by area.
 */
export const routes = {
  'me.get': defineRoute(people.meGet),
  'scheme.get': defineRoute(people.schemeGet),
  'me.team': defineRoute(people.meTeam),
  'person.team': defineRoute(people.personTeam),
  'person.get': defineRoute(people.personGet),
  'person.due': defineRoute(people.personDue),
  'me.colleagues': defineRoute(colleagues.meColleagues),
  'people.search': defineRoute(colleagues.peopleSearch),
  'me.settings.get': defineRoute(nudgeSettings.get),
  'me.settings.put': defineRoute(nudgeSettings.put),
  'me.home': defineRoute(home.meHome),

  'objectives.list': defineRoute(objectives.list),
  'objectives.create': defineRoute(objectives.create),
  'objectives.get': defineRoute(objectives.get),
  'objectives.update': defineRoute(objectives.update),
  'objectives.smartCheck': defineRoute(objectives.smartCheck),

  'conversations.list': defineRoute(conversations.list),
  'conversations.create': defineRoute(conversations.create),
  'conversations.get': defineRoute(conversations.get),
  'conversations.update': defineRoute(conversations.update),
  'conversations.agree': defineRoute(conversations.agree),
  'conversations.releaseRating': defineRoute(conversations.releaseRating),
  'ratings.review.get': defineRoute(ratings.reviewGet),
  'ratings.review.post': defineRoute(ratings.reviewPost),
  'payStep.get': defineRoute(payStep.get),
  'payStep.facts': defineRoute(payStep.facts),
  'payStep.decide': defineRoute(payStep.decide),
  'conversations.disagree': defineRoute(conversations.disagree),
  'conversations.appealWindow': defineRoute(conversations.appealWindow),
  'conversations.appeal': defineRoute(conversations.appeal),
  'conversations.exceptionalAccess': defineRoute(conversations.exceptionalAccess),
  'conversations.exportForm': defineRoute(conversations.exportForm),

  'bookings.suggest': defineRoute(bookings.suggest),
  'bookings.create': defineRoute(bookings.create),
  'bookings.bulk': defineRoute(bookings.bulk),
  'bookings.reschedule': defineRoute(bookings.reschedule),
  'bookings.cancel': defineRoute(bookings.cancel),
  'bookings.series.plan': defineRoute(bookingSeries.plan),
  'bookings.series.create': defineRoute(bookingSeries.create),

  'feedback.create': defineRoute(feedback.create),
  'feedback.list': defineRoute(feedback.list),

  'meetings.panel': defineRoute(meetings.panel),
  'meetings.deck.get': defineRoute(meetingDeck.get),
  'meetings.deck.start': defineRoute(meetingDeck.start),
  'meetings.deck.next': defineRoute(meetingDeck.next),
  'meetings.deck.end': defineRoute(meetingDeck.end),

  'team.themes.get': defineRoute(team.themesGet),
  'team.themes.put': defineRoute(team.themesPut),
  'person.wellbeing': defineRoute(team.personWellbeing),
  'team.compliance': defineRoute(team.compliance),
  'person.handover': defineRoute(team.personHandover),
  'person.audit': defineRoute(team.personAudit),
  'person.subjectAccess': defineRoute(team.personSubjectAccess),
  'person.subjectAccessRequest': defineRoute(team.personSubjectAccessRequest),
  'exports.completions': defineRoute(team.exportsCompletions),

  'organisation.compliance': defineRoute(organisation.compliance),
  'organisation.themes': defineRoute(organisation.themes),
  'exports.hrSystemFile': defineRoute(organisation.hrSystemFile),
  'organisation.audit': defineRoute(organisation.audit),
  'retention.get': defineRoute(retention.get),
  'retention.archive': defineRoute(retention.archive),

  'admin.settings.get': defineRoute(admin.settingsGet),
  'admin.settings.put': defineRoute(admin.settingsPut),
  'admin.settings.history': defineRoute(admin.settingsHistory),
  'admin.sync.get': defineRoute(admin.syncGet),
  'admin.sync.run': defineRoute(admin.syncRun),
  'admin.import': defineRoute(admin.importRun),
  'admin.roles': defineRoute(admin.rolesList),
  'onboarding.get': defineRoute(onboarding.statusGet),
  'onboarding.create': defineRoute(onboarding.create),

  'appeals.list': defineRoute(appeals.list),
  'appeals.lodge': defineRoute(appeals.lodge),
  'appeals.get': defineRoute(appeals.get),
  'appeals.acknowledge': defineRoute(appeals.acknowledge),
  'appeals.hearing': defineRoute(appeals.hearing),
  'appeals.decide': defineRoute(appeals.decide),
  'appeals.proposeExtension': defineRoute(appeals.proposeExtension),
  'appeals.agreeExtension': defineRoute(appeals.agreeExtension),
  'disagreements.list': defineRoute(appeals.disagreements),
  'disagreements.step': defineRoute(appeals.disagreementStep),
} as const;

export type Routes = typeof routes;
export type RouteId = keyof Routes;
