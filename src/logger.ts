import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from './config.js';
import { serializeError } from './log-errors.js';

/**
 * JSON logs for machines; readable lines when a person watches a terminal.
 * :TRICKY: JSON lines are written synchronously. pino's default stdout stream writes asynchronously
 * and flushes what is left in an `exit` handler; when whoever read stdout has gone (a log shipper that
 * died, `pulse serve | head`), that flush (sonic-boom 4) retries the failing write forever, so the
 * process never exits, even on SIGTERM (src/cli/serve.e2e.test.ts). Written synchronously, nothing is
 * pending at exit, and pino stops logging at the first EPIPE.
 */
export function createLogger(
  level: LogLevel,
  { pretty: human = process.stdout.isTTY, destination }: { pretty?: boolean; destination?: DestinationStream } = {},
): Logger {
  // Errors are logged without the values they were about (src/log-errors.ts): no personal data in logs.
  const options = { level, serializers: { err: serializeError } };
  if (destination) return pino(options, destination);
  if (!human) return pino(options, pino.destination({ dest: 1, sync: true }));
  return pino(options, pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }));
}
