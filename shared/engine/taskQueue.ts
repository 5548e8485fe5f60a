/**
 * A first-in, first-out queue that runs one task at a time, with supersession: a task queued
 * under a key replaces any task with the same key that has not started yet (the replaced one is
 * rejected with SupersededError and never runs). This is how a view that asks again before its
 * last question was answered stops paying for the stale answer.
 */
import { SupersededError } from './engine';

interface Waiting {
  readonly key: string | undefined;
  readonly start: () => void;
  readonly supersede: (error: SupersededError) => void;
}

export class TaskQueue {
  private readonly waiting: Waiting[] = [];
  private busy = false;

  /** Run `task` after every task queued before it; `key` supersedes a waiting task's. */
  run<T>(task: () => Promise<T>, key?: string): Promise<T> {
    if (key !== undefined) {
      const index = this.waiting.findIndex((w) => w.key === key);
      if (index >= 0) this.waiting.splice(index, 1)[0]!.supersede(new SupersededError(key));
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        key,
        start: () => {
          // A task that throws before its first await still settles the promise and frees the
          // queue, instead of escaping from next() and stalling everything behind it.
          let running: Promise<T>;
          try {
            running = task();
          } catch (error) {
            running = Promise.reject(error);
          }
          running.then(resolve, reject).finally(() => {
            this.busy = false;
            this.next();
          });
        },
        supersede: reject,
      });
      this.next();
    });
  }

  private next(): void {
    if (this.busy) return;
    const first = this.waiting.shift();
    if (first === undefined) return;
    this.busy = true;
    first.start();
  }
}
