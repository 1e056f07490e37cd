// What every bench measures with: the CPU time of this process and the median of repeated runs.
// CPU time (user + system, GC threads included) rather than wall clock, because the build machine is shared and
// wall-clock time mostly measures the other processes.

/** CPU time of `fn` in ms. */
export function cpuTime(fn: () => void): number {
  const c = process.cpuUsage();
  fn();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
}

/** The median (the upper one of an even count): one slow run on a shared machine does not move it. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
