// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileDraft, type ProfileView } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { ApiProvider } from '../../api/ApiProvider';
import type { ApiClient } from '../../api/client';
import { ProfileForm } from './ProfileForm';
import { formFromProfile } from './profile-form-state';

afterEach(cleanup);

describe('ProfileForm', () => {
  it('shows a refused saved password (SECRET_REQUIRED) next to the password field', async () => {
    const saved: ProfileView = {
      ...ProfileDraft.parse({ name: 'Staging', brokers: ['127.0.0.1:9092'], sasl: { mechanism: 'scram-sha-256', username: 'alice' } }),
      id: 'p1',
      storedSecrets: ['password'],
    };
    const refusal = new AppError({
      name: 'SecretRequiredError',
      code: 'SECRET_REQUIRED',
      message: 'The saved password was saved for 127.0.0.1:9092 / SCRAM-SHA-256; type it again to use it with 127.0.0.1:9999 / PLAIN.',
      retriable: false,
    });
    const api = { mode: 'browser', call: () => Promise.reject(refusal), on: () => () => undefined } as unknown as ApiClient;
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ApiProvider client={api}>
          <ProfileForm initial={{ ...formFromProfile(saved), brokers: '127.0.0.1:9999', auth: 'plain' }} saved={saved} onDone={() => undefined} />
        </ApiProvider>
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await waitFor(() => screen.getByRole('alert'));
    expect(alert.textContent).toContain('type it again to use it with 127.0.0.1:9999 / PLAIN');
    expect(alert.textContent).toContain('Type it again');
    // Right after the password field, and only once.
    expect(screen.getByLabelText('Password').closest('.profile-form__grid')?.nextElementSibling).toBe(alert);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });
});
