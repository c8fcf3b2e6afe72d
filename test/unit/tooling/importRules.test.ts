// The import rules of eslint.config.js, checked against snippets: what a reviewer relies on
// the linter to refuse (docs/architecture.md, docs/performance.md).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import rules', () => {
  it("refuses date-fns's index in code that runs unbundled in Node, and allows one function's module", async () => {
    const code = "import { addDays } from 'date-fns';\nexport const f = (d: Date) => addDays(d, 1);\n";
    for (const file of ['main/core/x.ts', 'main/web-host/x.ts', 'main/sandbox/x.ts', 'shared/x.ts']) {
      const messages = await restricted(file, code);
      expect(messages, file).toHaveLength(1);
      expect(messages[0]).toContain('date-fns/addDays');
    }
    expect(await restricted('main/core/x.ts', "import { addDays } from 'date-fns/addDays';\nexport const f = (d: Date) => addDays(d, 1);\n")).toEqual([]);
  });

  it('still refuses electron outside main/electron', async () => {
    const messages = await restricted('main/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('Only main/electron may import electron');
  });
});
