type Attrs = Readonly<Record<string, string | boolean | undefined>>;
type Child = Node | string | null | undefined | false;

/** Creates an element; boolean attributes are set when true, text children are escaped by the DOM. */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: readonly (Child | readonly Child[])[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
};

export const clear = (el: Element, ...children: readonly Child[]): void => {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
};

/** The one place messages are shown: errors are alerts, progress and success are polite. */
export interface Notices {
  error(message: string): void;
  info(message: string): void;
  clear(): void;
}

export const notices = (status: HTMLElement, alert: HTMLElement): Notices => ({
  error(message) {
    status.textContent = '';
    alert.textContent = message;
    alert.hidden = false;
  },
  info(message) {
    alert.textContent = '';
    alert.hidden = true;
    status.textContent = message;
  },
  clear() {
    alert.textContent = '';
    alert.hidden = true;
    status.textContent = '';
  },
});

/**
 * Disables a button while its work runs, so a second click cannot book twice; work that ends
 * 'done' (a booking made) leaves it disabled for good.
 */
export const busy = async (
  button: HTMLButtonElement,
  work: () => Promise<'done' | undefined> | Promise<void>,
): Promise<void> => {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  let done = false;
  try {
    done = (await work()) === 'done';
  } finally {
    button.disabled = done;
    button.removeAttribute('aria-busy');
  }
};

/** Unique ids for label/for pairs. */
export const uid = (prefix: string): string => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
