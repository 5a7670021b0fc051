/**
 * One sending process per send log: two runs of the same issue at once would each send to
 * the same people. The lock is a file beside the log, created exclusively, holding the pid;
 * a lock left by a process that no longer runs (killed, crashed) is taken over.
 */
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

export class LockedError extends Error {
  override name = 'LockedError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid holding the lock, if a live process does. */
export async function lockHolder(lockFile: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(lockFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws {@link LockedError}; returns the release function. */
export async function acquireLock(lockFile: string, what: string): Promise<() => Promise<void>> {
  await mkdir(path.dirname(lockFile), { recursive: true });
  for (let tries = 0; tries < 3; tries++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.sync();
      await handle.close();
      return async () => {
        await unlink(lockFile).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const seen = await readFile(lockFile, 'utf8').catch(() => '');
      const holder = await lockHolder(lockFile);
      if (holder !== undefined) {
        throw new LockedError(`${what} is being sent by another process (pid ${holder}, lock ${lockFile})`);
      }
      // Stale: its process is gone. Remove it, unless another run took it over meanwhile.
      if ((await readFile(lockFile, 'utf8').catch(() => '')) === seen) {
        await unlink(lockFile).catch(() => undefined);
      }
    }
  }
  throw new LockedError(`could not take the lock ${lockFile}`);
}
