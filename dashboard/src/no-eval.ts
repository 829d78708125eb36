// Imported first by main.tsx, before any schema is built: the page's Content-Security-Policy allows no eval,
// and zod would otherwise probe for it (`new Function`) when it builds object schemas: a reported violation.
import { z } from 'zod';

z.config({ jitless: true });
