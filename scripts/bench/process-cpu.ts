import { existsSync, readFileSync, readdirSync } from "node:fs";

/*
 * CPU time of a process tree from /proc, for a cheap profile of where a
 * figure's time goes (app vs database) without attaching a profiler.
 * Linux only; elsewhere it reports null.
 */

const TICKS_PER_SECOND = 100;

function readStat(pid: number): number[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which may contain spaces: field 3 is at index 0.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ").map(Number);
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      if (list) out.push(...list.split(" ").map(Number));
    }
  } catch {
    // gone, or no permission
  }
  return out;
}

/** utime + stime of the tree (live descendants, plus the waited-for ones in c*time), in ms. */
export function treeCpuMs(pid: number | undefined | null): number | null {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return null;
  const walk = (p: number): number => {
    const f = readStat(p);
    if (!f) return 0;
    // utime, stime, cutime, cstime are fields 14..17, i.e. indexes 11..14 here.
    const own = f[11] + f[12] + f[13] + f[14];
    return own + childrenOf(p).reduce((sum, c) => sum + walk(c), 0);
  };
  return (walk(pid) * 1000) / TICKS_PER_SECOND;
}

/** The postmaster's pid of a data directory, if it runs. */
export function postmasterPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(`${dataDir}/postmaster.pid`, "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}
