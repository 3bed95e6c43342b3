/**
 * One writer per data directory: two processes appending to the same journal would interleave
 * records. A LOCK file names the owner (pid and, on Linux, the process start time so a reused
 * pid is not mistaken for the owner); a lock left by a dead process (e.g. after SIGKILL) is
 * taken over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const openInThisProcess = new Set<string>();

interface LockOwner {
  pid: number;
  start?: string;
}

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), if known. */
function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name "(...)" start at field 3.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerStillRunning(owner: LockOwner): boolean {
  if (owner.pid === process.pid || !processAlive(owner.pid)) return false;
  const start = processStartTime(owner.pid);
  return owner.start === undefined || start === undefined || start === owner.start;
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, ...(typeof parsed.start === 'string' ? { start: parsed.start } : {}) } : undefined;
  } catch {
    return undefined; // missing or unreadable: nobody holds it
  }
}

export class DirectoryLock {
  private released = false;

  private constructor(
    private readonly dir: string,
    private readonly file: string,
    private readonly content: string,
  ) {}

  static acquire(dir: string): DirectoryLock {
    const resolved = path.resolve(dir);
    if (openInThisProcess.has(resolved)) throw new Error(`database directory ${resolved} is already open in this process`);
    const file = path.join(resolved, 'LOCK');
    const owner = readOwner(file);
    if (owner && ownerStillRunning(owner)) {
      throw new Error(`database directory ${resolved} is in use by process ${owner.pid} (delete ${file} if that is wrong)`);
    }
    const me: LockOwner = { pid: process.pid };
    const start = processStartTime(process.pid);
    if (start !== undefined) me.start = start;
    const content = JSON.stringify(me);
    fs.writeFileSync(file, content);
    openInThisProcess.add(resolved);
    return new DirectoryLock(resolved, file, content);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    openInThisProcess.delete(this.dir);
    try {
      if (fs.readFileSync(this.file, 'utf8') === this.content) fs.rmSync(this.file, { force: true });
    } catch {
      // already gone
    }
  }
}
