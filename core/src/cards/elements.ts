import type { CardVerb } from './verbs.ts';

/**
 * A deliberately small typing of Adaptive Card JSON: enough to keep builders
 * honest without re-describing the whole schema. The real renderer checks the rest in tests.
 */
export type CardElement = Readonly<{ type: string } & Record<string, unknown>>;

export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly verb: CardVerb;
  readonly title: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly style?: 'positive' | 'destructive';
  readonly associatedInputs?: 'auto' | 'none';
}

export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export type CardAction = ExecuteAction | OpenUrlAction;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  /** Universal Actions: listed users' clients fetch the latest card by invoking this action. */
  readonly refresh?: { readonly action: ExecuteAction; readonly userIds?: readonly string[] };
  readonly msteams?: { readonly width: 'Full' };
}

/** Teams refreshes automatically for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

export const card = (
  body: readonly CardElement[],
  actions: readonly CardAction[] = [],
  refresh?: AdaptiveCard['refresh'],
): AdaptiveCard => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(actions.length > 0 ? { actions } : {}),
  ...(refresh ? { refresh } : {}),
  msteams: { width: 'Full' },
});

export const heading = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  size: 'Large',
  weight: 'Bolder',
  wrap: true,
  style: 'heading',
});

export const subheading = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  weight: 'Bolder',
  wrap: true,
  spacing: 'Medium',
});

export const text = (value: string, options: Readonly<Record<string, unknown>> = {}): CardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...options,
});

export const bullets = (items: readonly string[]): CardElement =>
  text(items.map((item) => `- ${item}`).join('\r'), { spacing: 'Small' });

export const facts = (pairs: readonly (readonly [string, string])[]): CardElement => ({
  type: 'FactSet',
  facts: pairs.map(([title, value]) => ({ title, value })),
});

export const execute = (
  verb: CardVerb,
  title: string,
  data?: Readonly<Record<string, unknown>>,
  extra: Partial<Pick<ExecuteAction, 'style' | 'associatedInputs'>> = {},
): ExecuteAction => ({
  type: 'Action.Execute',
  verb,
  title,
  ...(data ? { data } : {}),
  ...extra,
});

/**
 * Card text is rendered as Markdown by Teams; names and notes come from people,
 * so characters that would change formatting are escaped.
 */
export const plain = (value: string): string => value.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
