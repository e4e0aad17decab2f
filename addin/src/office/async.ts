/** A failed Office.js call, with the host's error name kept for diagnostics (never item content). */
export class OfficeCallError extends Error {
  readonly officeCode: number | undefined;
  readonly officeName: string | undefined;

  constructor(operation: string, error: Office.Error | undefined) {
    super(`Outlook could not ${operation}. Try again, or reopen the appointment.`);
    this.name = 'OfficeCallError';
    this.officeCode = error?.code;
    this.officeName = error?.name;
  }
}

/** Turns one callback-style Office.js call into a promise that rejects with OfficeCallError. */
export const officeCall = <T>(
  operation: string,
  start: (callback: (result: Office.AsyncResult<T>) => void) => void,
): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) {
        resolve(result.value);
      } else {
        reject(new OfficeCallError(operation, result.error));
      }
    });
  });

/**
 * Runs an Office event handler (launch event, on-send) and always tells the host it finished,
 * even when the work throws, so Outlook never waits on the add-in.
 */
export const completing = async (
  event: { completed(options?: { allowEvent?: boolean }): void },
  work: () => Promise<{ allowEvent?: boolean } | undefined>,
): Promise<void> => {
  let options: { allowEvent?: boolean } | undefined;
  try {
    options = await work();
  } finally {
    event.completed(options);
  }
};
