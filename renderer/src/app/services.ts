/**
 * What the UI needs from outside React: the engine (started lazily, once) and the host.
 * Created once at start-up (main.tsx) and passed down by context, so tests or another host can
 * supply their own; no module-level database singleton.
 */
import { createContext, useContext } from 'react';
import type { Engine } from '../../../shared/engine/engine';
import type { Host } from '../host/host';

export interface AppServices {
  /** The engine; the first call starts DuckDB, later calls share the same promise. */
  readonly engine: () => Promise<Engine>;
  readonly host: Host;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (services === null)
    throw new Error('useServices() needs a <ServicesContext.Provider> above it.');
  return services;
}

/** Start `create` on first call only; a failed start is retried on the next call. */
export function lazyOnce<T>(create: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => {
    started ??= create().catch((error: unknown) => {
      started = undefined;
      throw error;
    });
    return started;
  };
}
