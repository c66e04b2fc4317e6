// The process's policy, installed before any other module loads (it imports nothing):
// - SIGHUP never kills the process. Its default action is to end it, so one that arrives while the bot is still
//   starting would; it is remembered instead, and runs the reload once the bot is up.
// - An error nothing caught (a rejected promise, an exception thrown in an event handler) is logged, and the process
//   keeps serving: one bad request must not take every platform offline. Start-up failures are not of this kind:
//   main.ts catches them and exits 1 with a message.
type Log = (fields: Record<string, unknown>, message: string) => void;

let log: Log = (fields, message) => process.stderr.write(`${JSON.stringify({ level: 50, ...fields, msg: message })}\n`);
let onHangUp: (() => void) | undefined;
let hungUp = false;

const describe = (error: unknown) => (error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) });

export function installProcessPolicy(): void {
  process.on("SIGHUP", () => (onHangUp ? onHangUp() : (hungUp = true)));
  process.on("uncaughtException", (error) => log({ err: describe(error) }, "uncaught exception: logged, still serving"));
  process.on("unhandledRejection", (reason) => log({ err: describe(reason) }, "unhandled rejection: logged, still serving"));
}

/** Where the policy logs, once there is a logger. */
export function logUncaughtWith(logError: Log): void {
  log = logError;
}

/** From now on SIGHUP calls `reload`; one received while starting runs it now. */
export function onSighup(reload: () => void): void {
  onHangUp = reload;
  if (hungUp) reload();
  hungUp = false;
}
