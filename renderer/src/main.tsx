import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { lazyOnce, ServicesContext, type AppServices } from './app/services';
import { createWorkerEngine } from './engine/workerEngine';
import { createBrowserHost } from './host/browserHost';
import './styles.css';

const services: AppServices = {
  engine: lazyOnce(createWorkerEngine),
  // The Electron host (preload bridge) replaces this when the app runs inside Electron.
  host: createBrowserHost(),
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
