// @vitest-environment jsdom
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen } from '@testing-library/react';
import { ApiError } from '@pc/core/api';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorNotice } from './status.tsx';

afterEach(cleanup);

const shown = (error: unknown) => {
  render(
    <FluentProvider theme={webLightTheme}>
      <ErrorNotice error={error} onRetry={() => undefined} />
    </FluentProvider>,
  );
  return screen.queryByRole('button')?.textContent ?? null;
};

describe('an error offers to try again only where that can help', () => {
  it('a refusal, a missing record or a refused form: no button, just the sentence', () => {
    expect(shown(new ApiError(403, 'forbidden', 'You cannot record a conversation for this colleague.'))).toBeNull();
    expect(screen.getByText('You cannot record a conversation for this colleague.')).toBeTruthy();
    cleanup();
    expect(shown(new ApiError(404, 'not-found', 'No such conversation.'))).toBeNull();
    cleanup();
    expect(shown(new ApiError(400, 'validation', 'Choose a date.'))).toBeNull();
  });

  it('the network, a busy service or a conflict: try again, or reload', () => {
    expect(shown(new ApiError(0, 'network', 'We could not reach the service.'))).toBe('Try again');
    cleanup();
    expect(shown(new ApiError(503, 'unavailable', 'Busy.'))).toBe('Try again');
    cleanup();
    expect(shown(new ApiError(412, 'conflict', 'Changed.'))).toBe('Reload');
  });
});
