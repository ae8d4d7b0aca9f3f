import type { CliIo } from './io.js';

/** Where a command's time goes, phase by phase: `errcat generate --timings`. */
export interface PhaseTimer {
  /** Ends the running phase: the time since the previous lap is `phase`'s. */
  lap(phase: string): void;
}

/** Times nothing: the default. */
export const NO_TIMINGS: PhaseTimer = { lap: () => undefined };

export class Timings implements PhaseTimer {
  private last = performance.now();
  private readonly start = this.last;
  private readonly phases: Array<[string, number]> = [];

  lap(phase: string): void {
    const now = performance.now();
    this.phases.push([phase, now - this.last]);
    this.last = now;
  }

  /** One line a phase, in the order they ran, then the total and the peak memory so far; to stderr, so output stays parseable. */
  report(io: CliIo): void {
    const width = Math.max(5, ...this.phases.map(([phase]) => phase.length));
    const line = (name: string, ms: number) => `${name.padEnd(width)} ${ms.toFixed(1).padStart(9)} ms\n`;
    io.err('timings:\n');
    for (const [phase, ms] of this.phases) io.err(line(phase, ms));
    io.err(line('total', performance.now() - this.start));
    io.err(`${'peak'.padEnd(width)} ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(9)} MB (max RSS)\n`);
  }
}
