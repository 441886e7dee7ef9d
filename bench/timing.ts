/**
 * Timing: warm-up and calibration per case, then interleaved rounds (every case once per
 * round) so background load on a shared machine hits the signature and the exchange alike;
 * each case reports its median round.
 */
import type { BenchCase } from './cases.js';

export interface Measurement {
  iterations: number;
  opsPerSecond: number;
  microsPerOp: number;
  /** µs/op of every round, for judging the noise. */
  rounds: number[];
}

export interface RunPlan {
  /** Fixed iterations per case (CI smoke runs); otherwise calibrated to `targetSeconds`. */
  iterations: number | undefined;
  targetSeconds: number;
  warmup: number;
  rounds: number;
}

async function timeBlock(benchCase: BenchCase, count: number): Promise<number> {
  await benchCase.prepare(count);
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await benchCase.run(i);
  return Number(process.hrtime.bigint() - start) / 1e3 / count;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Warm-up (JIT settles there, not in the timed loop), then `plan.rounds` interleaved rounds. */
export async function measureCases(cases: BenchCase[], plan: RunPlan): Promise<Measurement[]> {
  const perRound: number[] = [];
  for (const benchCase of cases) {
    const warmMicros = await timeBlock(benchCase, plan.warmup);
    const total = plan.iterations ?? Math.ceil((plan.targetSeconds * 1e6) / warmMicros);
    perRound.push(Math.max(1, Math.min(Math.ceil(total / plan.rounds), 50_000)));
  }
  const rounds: number[][] = cases.map(() => []);
  for (let round = 0; round < plan.rounds; round++) {
    for (const [index, benchCase] of cases.entries()) {
      rounds[index]!.push(await timeBlock(benchCase, perRound[index]!));
    }
  }
  return cases.map((_, index) => {
    const microsPerOp = median(rounds[index]!);
    return {
      iterations: perRound[index]! * plan.rounds,
      opsPerSecond: 1e6 / microsPerOp,
      microsPerOp,
      rounds: rounds[index]!,
    };
  });
}
