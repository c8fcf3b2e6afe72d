/** The Electron executable for this project, or null when it is not installed. */
export function electronBinary(projectRoot: string): string | null;
