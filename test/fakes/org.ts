/** An organisation as the fake Microsoft Graph serves it: one Entra tenant and its people. */
export interface FakeWorkingHours {
  readonly start: `${number}:${number}`;
  readonly end: `${number}:${number}`;
  /** Graph's lower-case day names, e.g. 'monday'. */
  readonly daysOfWeek: readonly string[];
  /** IANA zone, e.g. 'Europe/London'. */
  readonly timeZone: string;
}

export interface FakeUser {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly jobTitle?: string;
  readonly department?: string;
  readonly managerId?: string;
  readonly workingHours?: FakeWorkingHours;
}

export interface FakeOrg {
  readonly tenantId: string;
  readonly users: readonly FakeUser[];
}
