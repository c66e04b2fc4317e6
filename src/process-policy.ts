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

/** Logs an error nothing caught, unless logging is what failed: an error while reporting one is not reported again. */
let reporting = false;
function report(error: unknown, message: string): void {
  if (reporting) return;
  reporting = true;
  try {
    log({ err: describe(error) }, message);
  } catch {
    // Nowhere left to write it.
  } finally {
    reporting = false;
  }
}

export function installProcessPolicy(): void {
  process.on("SIGHUP", () => (onHangUp ? onHangUp() : (hungUp = true)));
  process.on("uncaughtException", (error) => report(error, "uncaught exception: logged, still serving"));
  process.on("unhandledRejection", (reason) => report(reason, "unhandled rejection: logged, still serving"));
  // Output whose reader has gone (`npm start | head`, a closed terminal) ends the process, as Node's default would:
  // there is no one left to answer, and every further write would fail again.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? process.exit(0) : report(error, "output failed")));
  }
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
