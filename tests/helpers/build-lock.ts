import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

// The project root (not imported from ./build, which uses this module).
const projectRoot = resolve(import.meta.dirname, '../..');
const lockDir = join(projectRoot, '.tmp', 'build.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `task` while no other build of this working copy runs, across Vitest's workers. Every
 * `astro build` (and `astro check`'s sync) writes the content list and types of the content it
 * builds into the project's .astro/ and reads them back while bundling: two builds of different
 * content trees at once would read each other's. Test files run in parallel; their builds take turns.
 * A lock left by a process that died is taken over.
 */
export async function withBuildLock<T>(task: () => Promise<T>): Promise<T> {
  await mkdir(join(projectRoot, '.tmp'), { recursive: true });
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch {
      const owner = Number(await readFile(join(lockDir, 'pid'), 'utf8').catch(() => ''));
      if (owner && !alive(owner)) await rm(lockDir, { recursive: true, force: true });
      else await sleep(100);
    }
  }
  try {
    await writeFile(join(lockDir, 'pid'), String(process.pid));
    return await task();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
