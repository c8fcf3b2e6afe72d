// The layer rules of docs/architecture.md are lint errors; this proves the rules fire.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('shared/ may not import Node, electron, main/ or renderer/', async () => {
    expect(await restrictedImports('shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import { createRouter } from '../main/core/router';\nexport const a = createRouter;\n")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toHaveLength(0);
  });

  it('renderer/ may not import main/, electron or node:*', async () => {
    expect(await restrictedImports('renderer/x.ts', "import { createCore } from '../main/core/app';\nexport const a = createCore;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/x.ts', "import { contract } from '../shared/ipc';\nexport const a = contract;\n")).toHaveLength(0);
  });

  it('only main/electron may import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await restrictedImports('main/core/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('main/sandbox/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('main/web-host/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('main/electron/x.ts', code)).toHaveLength(0);
  });

  it("code that runs unbundled in Node may not import date-fns's index, only one function's module", async () => {
    // The index loads every function: the web host went from 147 to 315 MB (docs/performance.md).
    const code = "import { addDays } from 'date-fns';\nexport const f = (d: Date) => addDays(d, 1);\n";
    for (const file of ['main/core/x.ts', 'main/web-host/x.ts', 'main/sandbox/x.ts', 'shared/x.ts']) {
      const messages = await restrictedImports(file, code);
      expect(messages, file).toHaveLength(1);
      expect(messages[0]).toContain('date-fns/addDays');
    }
    expect(await restrictedImports('main/core/x.ts', "import { addDays } from 'date-fns/addDays';\nexport const f = (d: Date) => addDays(d, 1);\n")).toEqual([]);
  });
});
