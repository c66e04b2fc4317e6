// The entry point (`npm start` runs `node dist/main.js`). The process's policy goes in before anything else loads:
// a SIGHUP in the first moments of start-up must not end the process. Then start.ts starts the bot.
import { installProcessPolicy } from "./process-policy.js";

installProcessPolicy();
const { start, startFailed } = await import("./start.js");
start().catch(startFailed);
