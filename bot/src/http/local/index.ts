import { situationsOf, type Employee, type Page, type PageRequest } from '@pc/core';
import type { AppModule, AppModuleContext } from '../../module.ts';
import { route } from '../route.ts';

const everyone = async (list: (page: PageRequest) => Promise<Page<Employee>>): Promise<Employee[]> => {
  const all: Employee[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await list({ pageSize: 100, ...(continuationToken === undefined ? {} : { continuationToken }) });
    all.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return all;
};

const register = ({ server, config, store, clock }: AppModuleContext): void => {
  // Only with the local fakes: these list the directory and tell a browser where to sign in.
  if (!config.localDevFakes) return;
  route(server, {
    method: 'get',
    path: '/local/config',
    handler: async () => {
      const found = await Promise.all(config.auth.allowedTenants.map((id) => store.tenants.get(id)));
      const tenants = found.flatMap((t) =>
        t ? [{ tenantId: t.item.tenantId, name: t.item.name, schemeId: t.item.schemeId }] : [],
      );
      return {
        status: 200,
        body: {
          issuerUrl: config.auth.authorityHost,
          // The tab reads `audience`, the add-in `apiAudience`: the same value.
          apiAudience: config.auth.audiences[0] ?? '',
          audience: config.auth.audiences[0] ?? '',
          ...(config.bot.appId === undefined ? {} : { botAppId: config.bot.appId }),
          tenants,
        },
      };
    },
  });
  route(server, {
    method: 'get',
    path: '/local/people',
    handler: async () => {
      const people = [];
      const today = clock.today();
      for (const tenantId of config.auth.allowedTenants) {
        const staff = await everyone((page) => store.employees.list(tenantId, page));
        const managers = new Set(
          staff.flatMap((e) => e.jobs.filter((j) => j.endDate === undefined).flatMap((j) => j.managerIds)),
        );
        for (const e of staff) {
          const roles = [...e.orgRoles, ...(managers.has(e.id) ? ['manager'] : [])];
          // What each person illustrates (in probation, acting up…), so a newcomer can find the cases.
          const situations = situationsOf(e, today);
          people.push({ id: e.id, tenantId, displayName: e.displayName, email: e.email, roles, situations });
        }
      }
      return { status: 200, body: people };
    },
  });
};

/** Local development helpers for the sign-in picker; absent unless LOCAL_DEV_FAKES is on. */
export const createLocalDevModule = (): AppModule => ({ name: 'local-dev', register });
