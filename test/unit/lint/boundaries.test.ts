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
});
