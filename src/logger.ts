import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from './config.js';

/**
 * JSON logs for machines; readable lines when a person watches a terminal.
 * :TRICKY: JSON lines are written synchronously. pino's default stdout stream writes asynchronously
 * and flushes what is left in an `exit` handler; when whoever read stdout has gone (a log shipper that
 * died, `pulse serve | head`), that flush (sonic-boom 4) retries the failing write forever, so the
 * process never exits, even on SIGTERM (src/cli/serve.e2e.test.ts). Written synchronously, nothing is
 * pending at exit, and pino stops logging at the first EPIPE.
 */
export function createLogger(level: LogLevel, { pretty: human = process.stdout.isTTY } = {}): Logger {
  if (!human) return pino({ level }, pino.destination({ dest: 1, sync: true }));
  return pino(
    { level },
    pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }),
  );
}
