// Chat markup is how a message was addressed and decorated, not what it asks: mentions, channel references, links
// and emoji codes are removed before anything reads the text (a link keeps its label, a channel its name).

const RULES: [RegExp, string][] = [
  // Slack: <@U123>, <@U123|name>, <!here>, <!subteam^S1|@team>, <!date^…|…>
  [/<[@!][^<>\s]*>/g, " "],
  // Slack: <#C123|general>, <#C123>: where to ask, not what
  [/<#[A-Z0-9]+(\|[^<>]*)?>/g, " "],
  // Slack: <https://…|label> keeps the label; a bare <https://…> or <mailto:…> goes
  [/<(?:https?|mailto|tel):[^<>|\s]*\|([^<>]*)>/gi, " $1 "],
  [/<(?:https?|mailto|tel):[^<>\s]*>/gi, " "],
  // Discord: <@123>, <@!123>, <@&123>, <#123>, custom emoji <:name:123>, <a:name:123>, timestamps <t:123:R>
  [/<(?:@[!&]?|#)\d+>/g, " "],
  [/<a?:\w+:\d+>/g, " "],
  [/<t:\d+(?::[a-zA-Z])?>/g, " "],
  // Markdown links typed by hand: [label](https://…) keeps the label
  [/\[([^[\]]{0,200})\]\((?:https?:\/\/)?[^()\s]{1,500}\)/g, " $1 "],
  // Bare URLs
  [/\bhttps?:\/\/\S+/gi, " "],
  // Emoji codes, :fire: or :+1: (a letter is required, so clock times like 10:30:00 stay)
  [/:(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]{1,40}:/gi, " "],
  // Plain @everyone / @here and @handles addressed at the start
  [/(^|\s)@(everyone|here|channel)\b/gi, " "],
  // "@EventDesk which sessions …": a name typed at the start addresses the bot
  [/^\s*@[\w.-]{1,40}[,:]?\s+/, " "],
  // Struck-out text (~like this~) is what the writer took back; bold, italics and code keep their words
  [/~[^~\n]{1,200}~/g, " "],
  [/(^|\s)[*_`]+|[*_`]+(?=\s|$|[?!.,])/g, "$1 "],
];

export function stripChatMarkup(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out.replace(/\s+/g, " ").trim();
}
