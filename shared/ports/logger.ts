// Structured logging port: Powertools Logger in Lambda, a console logger locally, a silent or
// capturing one in tests. Never pass secrets (webhook URLs, passwords) as fields.
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
