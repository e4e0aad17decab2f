/** Local development only: choose whom to act as; the local issuer signs a real token for them. */
import type { LocalSignIn, TokenSource } from '../auth.ts';
import { clear, h, uid } from './dom.ts';

export const askWhoToSignInAs = (root: HTMLElement, signIn: LocalSignIn): Promise<TokenSource> =>
  new Promise((resolve) => {
    const id = uid('person');
    const select = h(
      'select',
      { id },
      signIn.people.map((p) => h('option', { value: p.id }, `${p.displayName} (${p.email})`)),
    );
    const button = h('button', { type: 'button', class: 'primary' }, 'Sign in');
    button.addEventListener('click', () => {
      const person = signIn.people.find((p) => p.id === select.value);
      if (person !== undefined) resolve(signIn.signInAs(person));
    });
    clear(root, h('h2', {}, 'Sign in (local development)'), h('label', { for: id }, 'Act as'), select, button);
    select.focus();
  });
