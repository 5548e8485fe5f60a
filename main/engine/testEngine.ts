/**
 * One real duckdb-wasm engine per test worker (instantiation is ~2 s). Tests that need
 * isolation create their own tables with unique names or use `freshTestEngine`.
 */
import type { ScheduledEngine } from '../../shared/engine/engine';
import { createNodeEngine } from './nodeEngine';

let shared: Promise<ScheduledEngine> | undefined;

/** The worker's shared engine, started lazily once. */
export function sharedTestEngine(): Promise<ScheduledEngine> {
  shared ??= createNodeEngine();
  return shared;
}

/** A private engine for tests that must start from an empty database; close it after. */
export function freshTestEngine(): Promise<ScheduledEngine> {
  return createNodeEngine();
}
