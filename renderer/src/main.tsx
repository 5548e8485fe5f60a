import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { lazyOnce, ServicesContext, type AppServices } from './app/services';
import { createWorkerEngine } from './engine/workerEngine';
import { createHost } from './host';
import './styles.css';

const services: AppServices = {
  engine: lazyOnce(createWorkerEngine),
  // Electron's host (preload bridge) inside the desktop app, the browser's otherwise.
  host: createHost(),
};

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ServicesContext.Provider value={services}>
      <App />
    </ServicesContext.Provider>
  </StrictMode>,
);
