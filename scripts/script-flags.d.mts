/** Node's memory flags (--max-…) of one package.json script (script-flags.mjs). */
export function scriptNodeFlags(name: string, root?: string): string[];
