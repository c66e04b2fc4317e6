// Paraphrases no word-matching strategy can bridge (돈 → 예산, fire → 화재), as groups of single words
// that stand for one another in a query. Kept small on purpose: each entry is a word users were seen to type.
const GROUPS: string[][] = [
  ["예산", "돈", "비용", "금액", "총액", "투자", "투입", "얼마", "규모", "액수", "amount", "scale", "budget", "money", "cost", "costs", "investment", "invest", "spend", "spending", "fund", "funding"],
  ["이중화", "다중화", "redundancy", "redundant", "duplication", "multiplexing", "multiplexed", "백업", "backup"],
  ["삼중화", "triple", "triplication"],
  ["화재", "불", "fire", "blaze"],
  ["장애", "먹통", "outage", "failure", "downtime", "disruption", "1015"],
  ["재발방지", "재발방지책", "재발방지대책", "prevention", "prevent", "recurrence"],
  ["개선", "개선사항", "대책", "조치", "remediation", "improvement", "measure", "action"],
  ["발표자", "연사", "스피커", "speaker", "presenter", "presented", "present", "presents", "spoke", "speak", "speaks", "spoken"],
  ["대표", "ceo", "최고경영자", "대표이사"],
  ["직책", "직함", "역할", "자리", "role", "position", "job"],
  ["모니터링", "감시", "monitoring", "monitor"],
  ["키노트", "기조연설", "keynote"],
  ["세션", "발표", "강연", "session", "talk", "announce", "announcement", "unveil"],
  ["트랙", "track"],
  ["행사", "컨퍼런스", "콘퍼런스", "conference", "event"],
  ["데이터센터", "idc", "datacenter", "datacentre"],
  ["부위원장", "vice"],
  ["소위원장", "위원장", "chair", "chairman", "chairperson", "co", "lead", "leads", "led", "head", "heads", "이끄는", "이끌어", "맡은", "맡았", "맡아"],
  ["소위원회", "위원회", "subcommittee", "committee"],
  ["그렙", "grepp"],
  ["안산", "ansan"],
  ["인재", "인력", "채용", "talent", "hiring", "hire", "staff"],
  ["운영관리도구", "운영도구", "tool", "tooling"],
  ["복제", "replica", "replication", "copy"],
  ["방재", "재해", "재난", "disaster"],
  ["둘째날", "둘째", "이틀째", "2일차"],
  ["첫째날", "첫날", "1일차"],
  ["셋째날", "마지막날", "3일차"],
  ["온라인", "오프라인", "대면", "online", "offline", "in-person"],
  ["비중", "비율", "퍼센트", "percentage", "percent", "share", "ratio", "proportion"],
  ["접수", "신고", "receive", "received", "report", "reported"],
  ["날짜", "일정", "기간", "열려", "열린", "열렸", "dates", "date", "schedule", "held", "hold", "take"],
  ["시작", "개막", "start", "begin", "open", "opening"],
  ["끝", "종료", "폐막", "마지막", "end", "finish", "close"],
  ["배분", "분배", "나뉘어", "나눠", "항목별", "split", "breakdown", "allocation", "allocate", "divided", "divide"],
];

const BY_WORD = new Map<string, string[]>();
for (const group of GROUPS) {
  for (const word of group) BY_WORD.set(word, [...(BY_WORD.get(word) ?? []), ...group.filter((w) => w !== word)]);
}

/** The words that stand for `word` (not including it). */
export function synonymsOf(word: string): string[] {
  return BY_WORD.get(word) ?? [];
}
