// CI runs the outbox fault test (scripts/fault-outbox.ts) with 20 iterations: SIGKILL of the
// process holding the outbox at random points, restart, replay, and a check of the sandbox's
// database that every confirmed write is stored exactly once and nothing is half-written.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('outbox under SIGKILL', () => {
  it('loses, duplicates and half-writes nothing in 20 iterations', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fault-outbox.ts', '--iterations', '20', '--quiet'], { encoding: 'utf8', timeout: 280_000 });
    const last = r.stdout.trim().split('\n').at(-1) ?? '';
    const m = /^outbox faults: 20 iterations, confirmed (\d+), applied once (\d+), lost (\d+), duplicated (\d+), half-written (\d+)$/.exec(last);
    expect(m, `${r.stdout}\n${r.stderr}`).not.toBeNull();
    const [, confirmed, once, lost, duplicated, half] = m!.map(Number);
    expect({ lost, duplicated, half }, `${r.stdout}\n${r.stderr}`).toEqual({ lost: 0, duplicated: 0, half: 0 });
    expect(once).toBe(confirmed);
    expect(confirmed).toBeGreaterThan(0);
    expect(r.status).toBe(0);
  }, 300_000);
});
