import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, LockedError, lockHolder } from '../../src/lib/send/lock.ts';
import { NODE, scratch } from './support/cli.ts';

let work: Awaited<ReturnType<typeof scratch>>;
beforeEach(async () => {
  work = await scratch();
});
afterEach(() => work.cleanup());

describe('the send lock', () => {
  it('is a file holding our pid, removed on release', async () => {
    const file = path.join(work.dir, 'logs', '2018-08.jsonl.lock');
    const release = await acquireLock(file, 'issue 2018-08');
    expect(await readFile(file, 'utf8')).toBe(`${process.pid}\n`);
    await release();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses while another live process holds it, naming the pid', async () => {
    const file = path.join(work.dir, '2018-08.jsonl.lock');
    const other = spawn(NODE, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await writeFile(file, `${other.pid}\n`);
      expect(await lockHolder(file)).toBe(other.pid);
      await expect(acquireLock(file, 'issue 2018-08')).rejects.toThrow(LockedError);
      await expect(acquireLock(file, 'issue 2018-08')).rejects.toThrow(
        `issue 2018-08 is being sent by another process (pid ${other.pid}`,
      );
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    const file = path.join(work.dir, '2018-08.jsonl.lock');
    const gone = spawn(NODE, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.on('exit', resolve));
    await writeFile(file, `${gone.pid}\n`);
    expect(await lockHolder(file)).toBeUndefined();
    const release = await acquireLock(file, 'issue 2018-08');
    expect(await readFile(file, 'utf8')).toBe(`${process.pid}\n`);
    await release();
  });
});
