import { describe, expect, it } from 'vitest';
import { SupersededError } from './engine';
import { TaskQueue } from './taskQueue';

describe('TaskQueue', () => {
  it('runs tasks one at a time in the order they were queued', async () => {
    const queue = new TaskQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await Promise.resolve();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([queue.run(task('a')), queue.run(task('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('a task that throws before its first await rejects and frees the queue', async () => {
    const queue = new TaskQueue();
    const failing = queue.run((): Promise<never> => {
      throw new Error('thrown synchronously');
    });
    await expect(failing).rejects.toThrow('thrown synchronously');
    await expect(queue.run(async () => 'next')).resolves.toBe('next');
  });

  it('supersedes only a waiting task with the same key', async () => {
    const queue = new TaskQueue();
    const ran: string[] = [];
    const task = (name: string) => async () => void ran.push(name);
    const first = queue.run(task('first'), 'k');
    const stale = queue.run(task('stale'), 'k');
    const other = queue.run(task('other'), 'j');
    const latest = queue.run(task('latest'), 'k');
    await expect(stale).rejects.toBeInstanceOf(SupersededError);
    await Promise.all([first, other, latest]);
    expect(ran).toEqual(['first', 'other', 'latest']);
  });
});
