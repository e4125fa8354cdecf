// First, so that zod is configured before anything parses.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { themeStore } from './theme/theme-store';
import './styles.css';

// Before the first render, so the first frame is already in the chosen theme.
themeStore.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
