/** Peak resident memory while some work runs (sampled every 25 ms), and the heap it left behind. */
export const peakMemory = (): { stop: () => { peakRssMiB: number; heapMiB: number } } => {
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  return {
    stop: () => {
      clearInterval(timer);
      const now = process.memoryUsage();
      return { peakRssMiB: Math.max(peak, now.rss) / 2 ** 20, heapMiB: (now.heapUsed - heapBefore) / 2 ** 20 };
    },
  };
};
