// The command catalogue: the one list every platform registers from. Adding a command is one module plus one line here.
import type { CommandModule } from "./command.js";
import { ask } from "./ask.js";
import { budget } from "./budget.js";
import { event } from "./event.js";
import { help } from "./help.js";
import { insights } from "./insights.js";
import { rate } from "./rate.js";
import { reload } from "./reload.js";
import { remediation } from "./remediation.js";
import { remind } from "./remind.js";
import { session } from "./session.js";
import { speaker } from "./speaker.js";
import { subscribe, subscriptions, unsubscribe } from "./subscribe.js";
import { track } from "./track.js";

export const catalogue: readonly CommandModule[] = [speaker, track, session, budget, remediation, event, ask, help, rate, reload, insights, subscribe, unsubscribe, subscriptions, remind];

export { helpDraft } from "./help.js";
