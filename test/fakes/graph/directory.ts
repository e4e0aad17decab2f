import type { Caller, GraphReply } from './http.ts';
import { graphError, notFound, ok } from './http.ts';
import type { GraphState } from './state.ts';
import { userJson } from './state.ts';

export const getUser = (state: GraphState, caller: Caller, id: string): GraphReply => {
  const user = state.user(caller.tenantId, id);
  return user === undefined ? notFound(id) : ok(userJson(user));
};

export const getManager = (state: GraphState, caller: Caller, id: string): GraphReply => {
  const user = state.user(caller.tenantId, id);
  if (user === undefined) return notFound(id);
  const manager = user.managerId === undefined ? undefined : state.user(caller.tenantId, user.managerId);
  return manager === undefined ? notFound('manager') : ok(userJson(manager));
};

export const getDirectReports = (state: GraphState, caller: Caller, id: string): GraphReply => {
  const user = state.user(caller.tenantId, id);
  if (user === undefined) return notFound(id);
  return ok({ value: state.reportsOf(caller.tenantId, user.id).map(userJson) });
};

/** `/me` exists only for a signed-in user, as in Graph. */
export const meId = (caller: Caller): string | GraphReply =>
  caller.delegated
    ? caller.oid
    : graphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
