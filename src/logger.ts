import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from './config.js';

/** JSON logs for machines; readable lines when a person watches a terminal. */
export function createLogger(level: LogLevel, { pretty: human = process.stdout.isTTY } = {}): Logger {
  if (!human) return pino({ level });
  return pino({ level }, pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }));
}
