/**
 * Open the bundled demo workspace on first start: fetch the demo fixtures from the app's own
 * origin (copied to demo/ by the build), import each through the shared importer, then build
 * the borough-profile figures from the loaded tables by SQL.
 */
import { useEffect, useState } from 'react';
import { buildBoroughProfile, type BoroughProfile } from '../../../shared/analysis/boroughProfile';
import type { Engine } from '../../../shared/engine/engine';
import { useServices } from '../app/services';
import { importData, type LoadedFile } from '../data/importData';
import { loadPlotly } from '../figures/plotly';
import { DEMO_FILES } from './demoFiles';

export type DemoState =
  | { readonly status: 'loading'; readonly step: Step }
  | {
      readonly status: 'ready';
      readonly files: readonly LoadedFile[];
      readonly profile: BoroughProfile;
    }
  | { readonly status: 'failed'; readonly message: string };

/** Progress through the demo's steps: start the engine, import each file, build figures. */
export interface Step {
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

const TOTAL_STEPS = DEMO_FILES.length + 2;

interface DemoResult {
  readonly files: readonly LoadedFile[];
  readonly profile: BoroughProfile;
}

/** One load per engine, shared by every mount (React StrictMode runs effects twice). */
class DemoLoad {
  step: Step = { label: 'Starting the database…', done: 0, total: TOTAL_STEPS };
  readonly listeners = new Set<(step: Step) => void>();
  readonly promise: Promise<DemoResult>;
  constructor(getEngine: () => Promise<Engine>) {
    this.promise = loadDemo(getEngine, (step) => {
      this.step = step;
      for (const listener of this.listeners) listener(step);
    });
  }
}
const loads = new WeakMap<() => Promise<Engine>, DemoLoad>();

async function loadDemo(
  getEngine: () => Promise<Engine>,
  onStep: (step: Step) => void,
): Promise<DemoResult> {
  // Parse Plotly (4.6 MB) while DuckDB compiles in its worker: the main thread is idle then.
  // A failure here surfaces where the figure is drawn, with its message.
  loadPlotly().catch(() => undefined);
  const engine = await getEngine();
  const files: LoadedFile[] = [];
  for (const [i, demo] of DEMO_FILES.entries()) {
    onStep({ label: `Importing ${demo.name}…`, done: i + 1, total: TOTAL_STEPS });
    const response = await fetch(`./demo/${encodeURIComponent(demo.name)}`);
    if (!response.ok) {
      throw new Error(
        `The demo file ${demo.name} is missing from this build (HTTP ${String(response.status)}).`,
      );
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    files.push(await importData(engine, { name: demo.name, bytes }, 'demo'));
  }
  onStep({ label: 'Building figures…', done: TOTAL_STEPS - 1, total: TOTAL_STEPS });
  return { files, profile: await buildBoroughProfile(engine) };
}

export function useDemoWorkspace(): DemoState {
  const { engine: getEngine } = useServices();
  const [state, setState] = useState<DemoState>({
    status: 'loading',
    step: { label: 'Starting the database…', done: 0, total: TOTAL_STEPS },
  });

  useEffect(() => {
    let live = true;
    let load = loads.get(getEngine);
    if (load === undefined) {
      load = new DemoLoad(getEngine);
      loads.set(getEngine, load);
    }
    const onStep = (step: Step): void => {
      if (live) setState({ status: 'loading', step });
    };
    load.listeners.add(onStep);
    onStep(load.step);
    load.promise.then(
      (result) => {
        if (live) setState({ status: 'ready', ...result });
      },
      (error: unknown) => {
        if (live)
          setState({
            status: 'failed',
            message: error instanceof Error ? error.message : String(error),
          });
      },
    );
    const current = load;
    return () => {
      live = false;
      current.listeners.delete(onStep);
    };
  }, [getEngine]);

  return state;
}
