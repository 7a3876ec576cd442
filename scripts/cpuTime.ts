import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent by a process and its descendants (a cluster's workers), from Linux's /proc, for the
 * benchmark to show where a machine's cores went (the bot, the storage emulator, the load). Undefined
 * where there is no /proc. Processes that ended are not counted: measure around a stretch they live through.
 */
/** Linux reports CPU time in clock ticks of USER_HZ, 100 a second on every architecture it runs here. */
const MS_PER_TICK = 10;

interface ProcessStat {
  ppid: number;
  ms: number;
}

function statOf(pid: number): ProcessStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command's name is in parentheses and may hold spaces: the fields are counted after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK };
  } catch {
    return undefined;
  }
}

export function treeCpuMs(root: number): number | undefined {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return undefined;
  }
  const stats = new Map<number, ProcessStat>();
  for (const pid of pids) {
    const stat = statOf(pid);
    if (stat) stats.set(pid, stat);
  }
  if (!stats.has(root)) return undefined;
  const inTree = new Set([root]);
  // Parents before children is not guaranteed by pid order: go round until nothing is added.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (!inTree.has(pid) && inTree.has(stat.ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  let ms = 0;
  for (const pid of inTree) ms += stats.get(pid)?.ms ?? 0;
  return ms;
}
