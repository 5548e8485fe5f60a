/**
 * Whether the ONS area lookups shipped with the app (authorities, MSOAs, LSOAs: 75,000 areas with
 * their parents) are in the workspace's `area` table, and a way to load them. Loading is the
 * user's choice: it takes a few seconds and adds the areas to the saved workspace.
 */
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../app/services';
import { lookupsLoaded } from './geographyQueries';

export type LookupsStatus =
  'checking' | 'absent' | 'loading' | 'loaded' | { readonly error: string };

export interface Lookups {
  readonly status: LookupsStatus;
  load(): Promise<void>;
}

export function useLookups(version: number, onLoaded: () => void): Lookups {
  const { engine } = useServices();
  const [status, setStatus] = useState<LookupsStatus>('checking');
  useEffect(() => {
    let live = true;
    engine()
      .then(lookupsLoaded)
      .then(
        (yes) => {
          if (live) setStatus(yes ? 'loaded' : 'absent');
        },
        () => {
          if (live) setStatus('absent');
        },
      );
    return () => {
      live = false;
    };
  }, [engine, version]);
  const load = useCallback(async () => {
    setStatus('loading');
    try {
      const { loadShippedGeography } = await import('../../../shared/geography/areaTable');
      await loadShippedGeography(await engine());
      setStatus('loaded');
      onLoaded();
    } catch (error) {
      setStatus({ error: error instanceof Error ? error.message : String(error) });
    }
  }, [engine, onLoaded]);
  return { status, load };
}

export function LookupsNotice({
  lookups,
  purpose,
}: {
  readonly lookups: Lookups;
  readonly purpose: string;
}) {
  const { status } = lookups;
  if (status === 'loaded' || status === 'checking') return null;
  return (
    <div className="lookups-notice">
      <p className="muted">
        {purpose} The ONS area lookups shipped with the app (authorities, MSOAs and LSOAs with their
        parents) are not loaded in this workspace yet.
      </p>
      <button type="button" disabled={status === 'loading'} onClick={() => void lookups.load()}>
        {status === 'loading' ? 'Loading area lookups…' : 'Load ONS area lookups'}
      </button>
      {typeof status === 'object' && (
        <p className="error" role="alert">
          The lookups could not be loaded: {status.error}
        </p>
      )}
    </div>
  );
}
