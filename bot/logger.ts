/** One JSON line per event on stdout/stderr, the format App Service and container logs collect. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function line(level: string, message: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
}

export const consoleLogger: Logger = {
  // The log goes to standard output, one JSON line per event, for the platform to collect.
  // eslint-disable-next-line no-console
  info: (message, fields) => console.log(line('info', message, fields)),
  warn: (message, fields) => console.warn(line('warn', message, fields)),
  error: (message, fields) => console.error(line('error', message, fields)),
};

/** Keeps what was logged, for tests that check an error was reported. */
export class MemoryLogger implements Logger {
  readonly entries: Array<{ level: string; message: string; fields: Record<string, unknown> }> = [];
  info(message: string, fields: Record<string, unknown> = {}) {
    this.entries.push({ level: 'info', message, fields });
  }
  warn(message: string, fields: Record<string, unknown> = {}) {
    this.entries.push({ level: 'warn', message, fields });
  }
  error(message: string, fields: Record<string, unknown> = {}) {
    this.entries.push({ level: 'error', message, fields });
  }
}
