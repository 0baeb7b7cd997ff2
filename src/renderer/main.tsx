import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClientForThisWindow } from './api/create-client';
import { App } from './app/App';
import { useSession } from './state/session-store';
import './styles/app.css';
import { applyCachedTheme } from './lib/theme';

const api = createClientForThisWindow((status) => useSession.getState().setServerStatus(status));
applyCachedTheme();
if (api.mode === 'browser') document.documentElement.dataset.mode = 'browser';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
