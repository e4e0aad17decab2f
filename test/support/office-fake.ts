/// <reference types="office-js" />
/**
 * A typed fake of the part of Office.js the Outlook add-in uses: an appointment in compose
 * (organiser) or read mode, callback-style async calls answering with an AsyncResult, item
 * change handlers, requirement sets and diagnostics.
 *
 * `installOfficeFake` is self-contained (it refers to nothing outside its body) so a browser
 * test can pass it to `page.addInitScript(installOfficeFake, options)`; a unit test calls it
 * directly. Either way it sets `globalThis.Office` and `globalThis.__officeFake` (the handle).
 */

export interface FakePerson {
  readonly email: string;
  readonly displayName: string;
}

export interface OfficeFakeOptions {
  readonly mode: 'compose' | 'read';
  readonly hostName?: string;
  /** Highest supported version per requirement set; default Mailbox 1.13 only. */
  readonly requirementSets?: Readonly<Record<string, string>>;
  readonly user: FakePerson;
  /** Office.context.officeTheme's body background, e.g. '#262626' for the Dark theme; absent by default. */
  readonly officeThemeBackground?: string;
  readonly appointment: {
    readonly itemId?: string;
    readonly subject?: string;
    /** ISO 8601 instants. */
    readonly start: string;
    readonly end: string;
    readonly location?: string;
    readonly bodyHtml?: string;
    readonly organizer?: FakePerson;
    readonly requiredAttendees?: readonly FakePerson[];
    readonly optionalAttendees?: readonly FakePerson[];
  };
}

export interface FakeAppointmentState {
  readonly subject: string;
  readonly start: string;
  readonly end: string;
  readonly location: string;
  readonly bodyHtml: string;
  readonly requiredAttendees: readonly FakePerson[];
  readonly closed: boolean;
  readonly notifications: Readonly<Record<string, string>>;
  readonly handlers: readonly string[];
}

export interface OfficeFakeHandle {
  state(): FakeAppointmentState;
  /** Names of the Office.js operations called so far, e.g. 'subject.setAsync'. */
  calls(): readonly string[];
  /** The next call of this operation answers Failed with the given error name. */
  failNext(operation: string, errorName?: string): void;
  /** The user edits the draft's times in Outlook; registered handlers fire. */
  userChangesTime(start: string, end: string): void;
  userChangesAttendees(attendees: readonly FakePerson[]): void;
}

declare global {
  var __officeFake: OfficeFakeHandle | undefined;
}

export function installOfficeFake(options: OfficeFakeOptions): OfficeFakeHandle {
  type Callback = (result: Office.AsyncResult<unknown>) => void;
  const a = options.appointment;
  const state = {
    subject: a.subject ?? '',
    start: a.start,
    end: a.end,
    location: a.location ?? '',
    bodyHtml: a.bodyHtml ?? '',
    requiredAttendees: [...(a.requiredAttendees ?? [])],
    closed: false,
    notifications: {} as Record<string, string>,
    handlers: [] as string[],
  };
  const calls: string[] = [];
  const failures = new Map<string, string>();
  const listeners = new Map<string, ((args: unknown) => void)[]>();
  const sets = options.requirementSets ?? { Mailbox: '1.13' };

  const answer = (operation: string, args: readonly unknown[], value: () => unknown): void => {
    calls.push(operation);
    const callback = [...args].reverse().find((x): x is Callback => typeof x === 'function');
    const opts = args.find((x) => typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Date)) as
      { asyncContext?: unknown } | undefined;
    const failure = failures.get(operation);
    failures.delete(operation);
    const result =
      failure === undefined
        ? { status: 'succeeded', value: value(), asyncContext: opts?.asyncContext, diagnostics: undefined }
        : {
            status: 'failed',
            value: undefined,
            asyncContext: opts?.asyncContext,
            error: { code: 9000, name: failure, message: 'The operation failed.' },
          };
    // Office answers asynchronously, never inside the call.
    setTimeout(() => callback?.(result as unknown as Office.AsyncResult<unknown>), 0);
  };
  // Office.js sends enum members as strings at run time.
  const details = (p: FakePerson) => ({
    emailAddress: p.email,
    displayName: p.displayName,
    recipientType: 'user',
    appointmentResponse: 'none',
  });
  const fromDetails = (list: unknown): FakePerson[] =>
    (list as (Office.EmailAddressDetails | string)[]).map((d) =>
      typeof d === 'string' ? { email: d, displayName: d } : { email: d.emailAddress, displayName: d.displayName },
    );
  const fire = (type: string): void => {
    for (const listener of listeners.get(type) ?? []) listener({ type });
  };
  const textOf = (html: string): string =>
    html
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();

  const body = {
    getAsync: (...args: unknown[]) => {
      answer('body.getAsync', args, () => (args[0] === 'html' ? state.bodyHtml : textOf(state.bodyHtml)));
    },
    setAsync: (...args: unknown[]) => {
      answer('body.setAsync', args, () => {
        state.bodyHtml = String(args[0]);
      });
    },
    prependAsync: (...args: unknown[]) => {
      answer('body.prependAsync', args, () => {
        state.bodyHtml = String(args[0]) + state.bodyHtml;
      });
    },
  };
  const addHandlerAsync = (...args: unknown[]): void => {
    answer('addHandlerAsync', args, () => {
      const type = String(args[0]);
      const handler = args[1] as (args: unknown) => void;
      listeners.set(type, [...(listeners.get(type) ?? []), handler]);
      state.handlers.push(type);
    });
  };
  const notificationMessages = {
    addAsync: (...args: unknown[]) => {
      answer('notificationMessages.addAsync', args, () => {
        state.notifications[String(args[0])] = (args[1] as { message: string }).message;
      });
    },
    replaceAsync: (...args: unknown[]) => {
      answer('notificationMessages.replaceAsync', args, () => {
        state.notifications[String(args[0])] = (args[1] as { message: string }).message;
      });
    },
  };
  const timeProperty = (key: 'start' | 'end') => ({
    getAsync: (...args: unknown[]) => {
      answer(`${key}.getAsync`, args, () => new Date(state[key]));
    },
    setAsync: (...args: unknown[]) => {
      answer(`${key}.setAsync`, args, () => {
        state[key] = (args[0] as Date).toISOString();
      });
    },
  });
  const textProperty = (key: 'subject' | 'location') => ({
    getAsync: (...args: unknown[]) => {
      answer(`${key}.getAsync`, args, () => state[key]);
    },
    setAsync: (...args: unknown[]) => {
      answer(`${key}.setAsync`, args, () => {
        state[key] = String(args[0]);
      });
    },
  });

  const composeItem = {
    itemType: 'appointment',
    subject: textProperty('subject'),
    location: textProperty('location'),
    start: timeProperty('start'),
    end: timeProperty('end'),
    body,
    requiredAttendees: {
      getAsync: (...args: unknown[]) => {
        answer('requiredAttendees.getAsync', args, () => state.requiredAttendees.map(details));
      },
      setAsync: (...args: unknown[]) => {
        answer('requiredAttendees.setAsync', args, () => {
          state.requiredAttendees = fromDetails(args[0]);
        });
      },
      addAsync: (...args: unknown[]) => {
        answer('requiredAttendees.addAsync', args, () => {
          state.requiredAttendees = [...state.requiredAttendees, ...fromDetails(args[0])];
        });
      },
    },
    notificationMessages,
    addHandlerAsync,
    close: () => {
      calls.push('close');
      state.closed = true;
    },
  };
  const readItem = {
    itemType: 'appointment',
    get itemId() {
      return a.itemId;
    },
    get subject() {
      return state.subject;
    },
    get start() {
      return new Date(state.start);
    },
    get end() {
      return new Date(state.end);
    },
    get location() {
      return state.location;
    },
    get organizer() {
      return details(a.organizer ?? options.user);
    },
    get requiredAttendees() {
      return state.requiredAttendees.map(details);
    },
    get optionalAttendees() {
      return (a.optionalAttendees ?? []).map(details);
    },
    body,
    notificationMessages,
    addHandlerAsync,
  };

  const newer = (have: string, want: string): boolean => {
    const h = have.split('.').map(Number);
    const w = want.split('.').map(Number);
    for (let i = 0; i < Math.max(h.length, w.length); i += 1) {
      const d = (h[i] ?? 0) - (w[i] ?? 0);
      if (d !== 0) return d > 0;
    }
    return true;
  };

  const office = {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Outlook', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    EventType: { AppointmentTimeChanged: 'olkAppointmentTimeChanged', RecipientsChanged: 'olkRecipientsChanged' },
    HostType: { Outlook: 'Outlook' },
    MailboxEnums: {
      ItemType: { Appointment: 'appointment', Message: 'message' },
      RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
      ItemNotificationMessageType: {
        InformationalMessage: 'informationalMessage',
        ErrorMessage: 'errorMessage',
        ProgressIndicator: 'progressIndicator',
      },
    },
    context: {
      ...(options.officeThemeBackground === undefined
        ? {}
        : { officeTheme: { bodyBackgroundColor: options.officeThemeBackground } }),
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          const have = sets[name];
          return have !== undefined && (version === undefined || newer(have, version));
        },
      },
      mailbox: {
        item: options.mode === 'compose' ? composeItem : readItem,
        diagnostics: { hostName: options.hostName ?? 'OutlookWebApp', hostVersion: '15.20.0.0' },
        userProfile: {
          emailAddress: options.user.email,
          displayName: options.user.displayName,
          timeZone: 'GMT Standard Time',
        },
        // The REST form of an EWS id swaps the characters that are unsafe in URLs.
        convertToRestId: (id: string) => id.replace(/\//g, '-').replace(/\+/g, '_'),
      },
    },
  };

  const handle: OfficeFakeHandle = {
    state: () => ({
      ...state,
      requiredAttendees: [...state.requiredAttendees],
      notifications: { ...state.notifications },
      handlers: [...state.handlers],
    }),
    calls: () => [...calls],
    failNext: (operation, errorName = 'GenericResponseError') => {
      failures.set(operation, errorName);
    },
    userChangesTime: (start, end) => {
      state.start = start;
      state.end = end;
      fire('olkAppointmentTimeChanged');
    },
    userChangesAttendees: (attendees) => {
      state.requiredAttendees = [...attendees];
      fire('olkRecipientsChanged');
    },
  };
  const target = globalThis as unknown as { Office: unknown; __officeFake: OfficeFakeHandle };
  target.Office = office;
  target.__officeFake = handle;
  return handle;
}

/** Removes what installOfficeFake put on globalThis (unit tests share one global). */
export const uninstallOfficeFake = (): void => {
  const target = globalThis as unknown as Record<string, unknown>;
  delete target.Office;
  delete target.__officeFake;
};
