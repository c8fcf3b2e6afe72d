// A newcomer has only the repository: every document the project cites is in it. Relative
// links in README.md and docs/ resolve to files that exist, and nothing points at design
// notes or source documents kept outside the repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const docs = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];

describe('the project documents itself', () => {
  it.each(docs)('%s links only to files that exist', (file) => {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
    const missing = targets.filter((t) => !existsSync(join(dirname(file), t)));
    expect(missing).toEqual([]);
  });

  it.each(docs)('%s cites no design note or seed outside the repository', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/shared\/(design|seeds)\//);
    expect(text).not.toMatch(/\.\.\/shared\//);
  });

  it('has its own architecture, security, conventions, performance and API notes', () => {
    for (const name of ['architecture', 'security', 'conventions', 'performance', 'amps']) expect(existsSync(`docs/${name}.md`)).toBe(true);
  });

  it('names a real file for every "docs/…md" mentioned in code comments', () => {
    const cited = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx|mjs)$/.test(e.name)) for (const m of readFileSync(p, 'utf8').matchAll(/\b(security|architecture|performance|conventions|style)\.md\b/g)) cited.add(m[1]!);
      }
    };
    ['main', 'renderer', 'shared', 'scripts', 'test'].forEach(walk);
    // style.md was the starting design's name for what is docs/conventions.md now.
    const missing = [...cited].map((n) => (n === 'style' ? 'conventions' : n)).filter((n) => !existsSync(`docs/${n}.md`));
    expect(missing).toEqual([]);
  });
});
