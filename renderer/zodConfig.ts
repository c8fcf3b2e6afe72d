// Imported first by main.tsx, so it runs before any schema module is evaluated: the CSP
// forbids eval, and zod must not even probe for it (each probe logs a CSP violation).
import { z } from 'zod';

z.config({ jitless: true });
