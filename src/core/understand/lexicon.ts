// The words that say what a question asks rather than what it is about: which aspect of a thing (who, when, how
// many …), which filter (a day, a kind of session, now), which category of things (sessions, speakers, tracks), the
// small words Korean glues to others (particles, endings), and the words that carry nothing (a maintained stopword
// list and the verbs of asking). Words of the knowledge itself — names, titles, tracks, organisations — are never
// listed here: they come from the snapshot, so the same reader serves any conference.
import { eng } from "stopword";
import stopwords from "stopwords-iso/stopwords-iso.json" with { type: "json" };

/** What a question wants to know about the thing it names. */
export type Aspect =
  | "who" // the people behind it: speakers, presenters
  | "what" // what it is: a person's sessions, a session's title, a track's sessions
  | "when" // the date (and time)
  | "time" // the clock time
  | "weekday"
  | "where" // a room, or online
  | "count"
  | "list"
  | "role"
  | "org" // a person's or a session's organisation
  | "why"
  | "how"
  | "duration"
  | "link" // a video, slides, the page
  | "amount" // how much money
  | "handle"
  | "realname"
  | "track" // which track a session is in
  | "about" // the content: a summary, an abstract
  | "edition" // which edition of the conference; the first one
  | "split" // how a total is divided
  | "status";

const ASPECT_WORDS: Record<Aspect, readonly string[]> = {
  who: ["wer", "누구", "누가", "누군", "누군가", "누구누구", "누구신지", "누구세요", "누구임", "누군지", "who", "whom", "whose", "who's", "whos", "발표자", "발제자", "presenter", "presenters", "연사진"],
  what: ["welche", "welcher", "welches", "worum", "뭐", "뭔", "뭘", "뭐뭐", "무엇", "무슨", "어떤", "어떤거", "어떤게", "머", "먼", "제목", "타이틀", "대상", "what", "what's", "whats", "which", "title", "titles"],
  when: ["wann", "termin", "termine", "언제", "며칠", "몇일", "날짜", "일정", "기간", "언제부터", "언제까지", "시작일", "종료일", "when", "date", "dates", "day", "year", "start", "starts", "started", "begin", "begins", "began", "end", "ends", "ended", "finish", "finished"],
  time: ["몇시", "시간", "시각", "공개시간", "o'clock", "time"],
  weekday: ["요일", "weekday", "weekdays", "day of the week", "days of the week"],
  where: ["wo", "wohin", "어디", "어디서", "어디에", "장소", "where", "venue", "location", "room", "강의실"],
  count: ["wie viele", "wieviele", "wie oft", "anzahl", "몇", "개수", "갯수", "수", "how many", "how many times", "number of", "count", "얼마나많이", "총몇"],
  list: ["목록", "리스트", "명단", "전부", "전체", "모두", "모든", "항목", "다", "list", "lineup", "라인업", "종류", "items"],
  role: ["직책", "직함", "역할", "직위", "포지션", "role", "roles", "position", "positions", "job", "job title", "직급"],
  org: ["회사", "소속", "company", "companies", "organisation", "organization", "employer", "firm", "계열사", "어느회사", "work for", "where do they work", "which company"],
  why: ["왜", "이유", "뭐 때문에", "뭐때문에", "무엇 때문에", "무슨 이유", "why", "reason"],
  how: ["어떻게", "방법", "how"],
  duration: ["wie lange", "dauer", "dauert", "길이", "분량", "몇분", "duration", "how long", "minutes", "length", "러닝타임", "얼마동안"],
  link: ["링크", "영상", "동영상", "비디오", "슬라이드", "발표자료", "주소", "url", "link", "links", "video", "videos", "slides", "slide", "recording", "youtube", "유튜브"],
  amount: ["얼마", "금액", "액수", "규모", "비용", "how much", "amount", "얼만", "cost", "costs", "price"],
  handle: ["핸들", "아이디", "handle", "닉네임", "nickname", "username"],
  realname: ["실명", "본명", "성함", "명칭", "정식명칭", "공식명칭", "이름", "real name", "full name", "official name", "name", "called"],
  track: ["분야", "무슨 트랙", "어느 트랙", "무슨트랙", "어느트랙", "which track", "what track"],
  about: ["über", "uber", "thema", "내용", "요약", "주제", "개요", "얘기", "이야기", "범위", "about", "summary", "summarize", "summarise", "topic", "topics", "subject", "overview", "gist", "설명", "소개", "중점", "focus", "theme", "방향성", "목표", "goal"],
  edition: ["몇번째", "몇회", "몇회째", "회째", "번째", "edition", "처음", "첫회", "맨처음", "첫", "first"],
  split: ["배분", "분배", "항목별", "나눠", "나뉘어", "split", "breakdown", "allocation", "allocated", "divided"],
  status: ["상태", "진행상황", "status", "progress"],
};

/** Words that name a category of things: a question made only of them and aspects wants the overview or a count. */
export type Category = "sessions" | "talks" | "keynotes" | "previews" | "specials" | "workshops" | "meetings" | "people" | "tracks" | "rooms" | "budget" | "remediation" | "event";

const CATEGORY_WORDS: Record<Category, readonly string[]> = {
  sessions: ["세션", "발표", "강연", "토크", "발표세션", "세션들", "session", "sessions", "presentation", "presentations", "lecture", "lectures", "프로그램", "program", "programme", "schedule", "시간표"],
  talks: ["vortrag", "vorträge", "vortrage", "일반세션", "일반 세션", "일반 발표", "기술 세션", "기술세션", "테크세션", "talk", "talks", "tech talk", "tech talks", "regular talks"],
  keynotes: ["키노트", "기조연설", "keynote", "keynotes"],
  previews: ["프리뷰", "트랙프리뷰", "미리보기", "preview", "previews"],
  specials: ["특별세션", "special session", "special sessions"],
  workshops: ["워크숍", "워크샵", "workshop", "workshops"],
  meetings: ["밋업", "meetup", "meetups", "meeting", "meetings"],
  people: ["연사", "스피커", "사람", "사람들", "speaker", "speakers", "people", "person"],
  tracks: ["트랙", "track", "tracks"],
  rooms: ["rooms", "halls", "stages"],
  budget: ["예산", "돈", "총액", "투자", "투입", "budget", "money", "investment", "invest", "funding", "spend", "spending", "won"],
  remediation: ["재발방지", "재발방지대책", "재발방지책", "재발 방지", "재발 방지 대책", "재발 방지책", "대책", "개선사항", "조치", "remediation", "measures", "measure", "improvements", "prevention", "recurrence", "follow-ups", "fixes", "fix", "remedies", "safeguards"],
  event: ["행사", "컨퍼런스", "콘퍼런스", "conference", "event", "개발자컨퍼런스"],
};

/** Session kinds the category words filter by (the schedule's `type`, or the pack's kind). */
export const CATEGORY_KIND: Partial<Record<Category, string>> = { keynotes: "keynote", previews: "preview", specials: "special", talks: "talk", workshops: "workshop", meetings: "meeting" };

/** Words that point back at what the conversation was about ("그 사람", "it"). */
const POINTER_WORDS = [
  "그", "그거", "그것", "그건", "그게", "그걸", "그분", "그분은", "그사람", "그녀", "걔", "이거", "이것", "저거", "거기", "해당", "그중", "그중에", "그중에서", "이분", "저분",
  "he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "that", "those", "these",
];

/** Words that start a follow-up keeping the last aspect: "그럼 이확영은?", "and Ko Woo-chan?". */
const CONTINUATION_WORDS = ["그럼", "그러면", "그럼요", "and", "what about", "how about"];

/** Words that leave out what follows or comes before them: "키노트랑 프리뷰 빼고", "not counting keynotes". */
const EXCEPT_WORDS = ["빼고", "빼면", "제외", "제외하고", "제외하면", "말고", "except", "excluding", "besides", "not counting", "without counting", "apart from", "other than"];

/** Formats an event can have: a question may claim one ("오프라인 행사였지?"). */
const FORMAT_WORDS = ["온라인", "오프라인", "대면", "비대면", "online", "offline", "in-person", "in person", "hybrid", "하이브리드", "virtual"];

/** Words that join two questions in one: "…몇 개고 …", "… and …". */
const CONJUNCTIONS = ["그리고", "또", "and", "also", "plus", "그리고요"];

/** Yes/no: a claim followed by one of these asks whether it holds. */
/** A tag that makes any question a yes/no check: "…, right?", "…맞지?". */
const YES_NO_TAGS = [
  "맞아", "맞지", "맞죠", "맞나", "맞나요", "맞나여", "맞습니까", "맞아요", "맞음", "맞냐", "맞니", "맞는지", "맞는거", "맞는건가",
  "아니야", "아니지", "아닌가", "아니었나", "아니에요", "아닌가요", "아냐", "아니었어",
  "right", "correct", "true", "isn't it", "wasn't it", "didn't he", "didn't she", "didn't they",
];
const YES_NO_WORDS = [
  "있어", "있지", "있죠", "있나", "있나요", "있어요", "있습니까", "있냐", "있니", "있던가", "있었나", "있었어", "있었지", "있잖아",
  "없어", "없나", "없나요", "없지", "없었어",
  "했어", "했지", "했나", "했나요", "했어요", "했죠", "했습니까", "했냐", "했던가", "했니", "했었나", "했었지", "했다며", "했다던데", "했던거", "맡았어", "맡았나",
  "이야", "이지", "이죠", "인가", "인가요", "입니까", "이었어", "였어", "이었나", "였나", "였지", "이었지", "이라며", "라며", "라고", "이라고", "이냐", "냐",
  "했던가", "던가", "였던가", "이었던가", "야", "이에요", "예요",
];
/** English questions that open with an auxiliary ask yes or no ("Did Namkoong Hoon give …?"). */
export const ENGLISH_AUXILIARIES = new Set(["is", "are", "was", "were", "did", "does", "do", "has", "have", "had", "isn't", "wasn't", "didn't", "doesn't", "aren't"]);

/** Words about the clock against which now and next are read. */
const NOW_WORDS = ["지금", "현재", "now", "currently", "right now", "at the moment", "진행중", "happening now", "jetzt", "gerade", "läuft gerade"];
const NEXT_WORDS = ["다음", "다음에", "다음거", "next", "upcoming", "이따", "곧", "later", "als nächstes", "nächste", "nächster", "danach"];
const TODAY_WORDS = ["오늘", "today", "tonight", "오늘밤", "heute"];
const TOMORROW_WORDS = ["내일", "tomorrow", "morgen"];
const AFTER_LUNCH_WORDS = ["점심이후", "점심후", "점심먹고", "after lunch", "afternoon", "오후"];
const MORNING_WORDS = ["오전", "아침", "morning"];
const EVENING_WORDS = ["저녁", "밤", "evening", "night"];

/** Ordinal day words: 첫째 날, day 2, the last day. */
const DAY_ORDINALS: Record<string, number> = {
  첫째: 1, 첫날: 1, 첫째날: 1, "1일차": 1, 첫번째날: 1, "first day": 1, "day one": 1, "opening day": 1,
  둘째: 2, 둘째날: 2, 이틀째: 2, "2일차": 2, 둘쨰: 2, 둘쨰날: 2, 두번째날: 2, "second day": 2, "day two": 2,
  셋째: 3, 셋째날: 3, 사흘째: 3, "3일차": 3, 세번째날: 3, "third day": 3, "day three": 3,
  넷째: 4, 넷째날: 4, "4일차": 4, "fourth day": 4, "day four": 4,
  다섯째: 5, 다섯째날: 5, "5일차": 5, "fifth day": 5,
};
/** The last day of the event, whatever its length. */
const LAST_DAY_WORDS = ["마지막날", "마지막", "last day", "final day", "closing day", "on the last day"];

const WEEKDAYS: Record<string, number> = {
  일요일: 0, 월요일: 1, 화요일: 2, 수요일: 3, 목요일: 4, 금요일: 5, 토요일: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6,
};

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  januar: 1, februar: 2, märz: 3, maerz: 3, juni: 6, juli: 7, oktober: 10, dezember: 12,
};

/** Verbs of asking, saying and doing, and adjectives of wanting: their stems, never the topic of a question. */
const PREDICATE_STEMS = [
  "알려", "알", "궁금", "보여", "보이", "말하", "말해", "말했", "말씀", "설명", "소개", "요약", "정리", "공개", "진행", "시작", "종료", "참여", "참석", "담당", "부탁", "추천", "확인",
  "나와", "나온", "나왔", "나오", "나옴", "열린", "열렸", "열리", "열어", "열려", "올라", "풀렸", "풀린", "풀려", "했", "하", "한", "할", "함", "합", "해", "된", "됐", "되", "돼", "됨", "있", "없",
  "이었", "였", "이에", "입니", "뽑아", "찾아", "주", "줘", "줄", "주세", "주실", "주시", "가르쳐", "보면", "보니", "봐도", "봐야", "물어", "물어보", "물어봐", "물어봤", "얘기하", "얘기했", "언급", "다룬", "다루", "다뤄", "쓴", "쓰", "쓸", "썼", "쓰이", "씀", "쓰임", "맡", "맡았",
  "가능", "필요", "기억", "생각", "뭐였", "더라", "건가", "건지", "거야", "거예", "거래", "거라", "거임", "거지", "거죠", "거였", "건데", "바뀌", "바꾸", "달라지", "달라졌", "변하", "변했", "늘리", "늘린", "키우", "세우", "세운", "세워", "세웠", "넘", "넘는", "넘었", "넘어", "넘게", "넘을", "올라온", "올라왔", "올라와", "올라갔", "올린", "올렸", "말한", "말할", "갈아탄", "바뀐", "바꾼", "끝나", "끝났", "끝난", "끝내", "끝냈", "밝히", "밝혔", "밝힌",
  "전하", "전했", "제시", "발표", "공유", "띄우", "보내", "받", "알수", "계신", "계세", "계시", "하신", "하셨", "하시", "이신", "이셨", "셨", "신", "드려", "드리", "싶", "원하",
  "아세", "아시", "아는", "압니", "멈췄", "멈춘", "멈춰", "늘렸", "늘어", "써요", "쓴다", "쓰는",
  "때려박", "쏟", "들이", "들어", "드는", "든다", "들까", "잡", "걸리", "걸려", "된다", "한다", "한대", "된대", "했대", "됐대", "래", "대",
  "정하", "정한", "정했", "정해", "인한", "인해", "따른", "따라", "대한", "대해", "관한", "관해", "위한", "위해", "통한", "통해", "관련", "관련된",
];
/** Nouns and adverbs that only carry the question's frame here ("둘째 날에는", "그 중에"): never its topic. */
const FILLERS = [
  "날", "날에", "날엔", "때", "때문", "때문에", "쪽", "거", "게", "것", "분", "님", "씨", "혹시", "그냥", "좀", "진짜", "정말", "아", "음", "어", "저기", "여기", "중", "중에", "중에서", "맨", "가장", "제일",
  "정확히", "정확하게", "짧게", "간단히", "간단하게", "자세히", "자세하게", "구체적으로", "대충", "말고", "썰", "아니라", "아니고", "보니까", "보니", "봤는데", "들었는데", "배정", "할당", "써",
  "따로", "각각", "별도로", "혹은", "또는", "그래서", "그러니까", "근데", "그런데", "아까", "이번", "이번에", "올해", "얘기하신", "하신", "분이",
  "총", "낮", "밤", "원래", "사흘", "이틀", "동안", "내내", "중복", "채널", "채널에서", "스레드", "정식", "공식", "급함", "급해", "급한데", "질문", "궁금한데", "궁금해서", "관련해선", "관련해서는",
  "stuff", "thing", "things", "total", "overall", "exactly", "specifically", "actually", "basically", "quick", "yo", "hey", "hi", "hello", "good afternoon", "good morning", "good evening", "main", "key", "major",
];
/** Words that ask about before the event or the knowledge (a speaker's previous job): nothing here answers them. */
export const PAST_WORDS = new Set(["전에", "전에는", "이전", "이전에", "이전에는", "예전", "예전에", "예전에는", "before", "previously", "formerly", "earlier", "used to"]);
const ENGLISH_PREDICATES = [
  "commit", "commits", "committed", "committing", "urgent", "asap", "host", "hosts", "hosting", "hosted", "organising", "organizing", "läuft", "lauft", "macht", "gibt", "findet", "statt", "stattfinden", "hält", "halt", "spricht", "redet", "angeboten", "lead", "leads", "led", "head", "heads", "headed", "run", "runs", "deliver", "delivered", "titled", "called", "named", "tell", "show", "give", "list", "know", "want", "like", "need", "say", "said", "says", "talk", "talked", "mention", "mentioned", "present", "presented", "presents", "presenting",
  "gave", "given", "giving", "do", "did", "done", "doing", "please", "pls", "plz", "thanks", "thank", "could", "would", "can", "may", "might", "remind", "wonder", "curious", "find", "look", "see",
  "get", "got", "go", "going", "happen", "happened", "held", "hold", "run", "ran", "running", "spoke", "speak", "speaks", "spoken", "announce", "announced", "cover", "covered", "covers",
  "release", "released", "publish", "published", "air", "aired", "go live", "went live", "live", "plan", "planned", "planning",
  "put", "putting", "spent", "use", "used", "using", "set", "expect", "expects", "expected", "say", "explain", "explained", "discuss", "discussed", "describe", "described", "happening", "kind", "sort", "type",
];

/** Particles and endings Korean glues to a word; what is left of a word when they are all it has after a known one. */
export const PARTICLES_AND_ENDINGS = [
  "으로부터", "에서부터", "이라고", "에게서", "한테서", "으로는", "으로도", "에서는", "에서도", "이라는", "까지는", "인가요", "이었어", "이었나", "이었지", "입니까", "입니다", "이에요", "이었던",
  "으로", "에서", "에게", "한테", "께서", "부터", "까지", "처럼", "보다", "이나", "이랑", "라고", "라는", "에는", "에도", "이야", "이다", "이고", "하고", "과의", "와의", "이지", "이죠", "인가", "이냐", "이니",
  "예요", "이요", "였어", "였나", "였지", "였던", "인데", "인지", "이며", "이면", "에요", "한테는", "께", "님", "씨", "들", "님은", "님이", "씨는",
  "라며", "이라며", "이래", "래", "짜리", "라던데", "이라던데", "라던가", "이던가", "던가", "밖에", "만큼", "해선", "해서는", "으로는", "이에", "던데", "는데", "은데",
  "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "만", "로", "나", "랑", "야", "요", "여", "고", "냐", "니", "지", "죠", "임", "인", "엔", "란", "건", "걸", "게", "거", "꺼",
].sort((a, b) => b.length - a.length);

/** Korean counters and units that follow a number: 5개, 120명, 4600억, 11시, 네 번째. */
export const UNITS = ["개", "명", "건", "편", "번", "번째", "회", "억", "조", "만", "원", "억원", "조원", "만원", "시", "분", "년", "월", "일", "퍼센트", "퍼", "프로", "트랙", "세션", "주", "대", "가지", "회째"];

/** Native Korean numerals, counted only before a counter ("두 개", "네 번째"): alone, 네 is "yes" and 한 is "did". */
export const NUMERALS: Record<string, number> = { 하나: 1, 한: 1, 첫: 1, 둘: 2, 두: 2, 셋: 3, 세: 3, 넷: 4, 네: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9, 열: 10, 열한: 11, 열두: 12 };

const CUES = new Map<string, Aspect>();
for (const [aspect, list] of Object.entries(ASPECT_WORDS) as [Aspect, readonly string[]][]) for (const w of list) if (!CUES.has(w)) CUES.set(w, aspect);
const CATEGORIES = new Map<string, Category>();
for (const [category, list] of Object.entries(CATEGORY_WORDS) as [Category, readonly string[]][]) for (const w of list) if (!CATEGORIES.has(w)) CATEGORIES.set(w, category);

/** What one word (or a phrase of several) of the lexicon means. */
export type LexiconWord =
  | { t: "aspect"; aspect: Aspect }
  | { t: "category"; category: Category }
  | { t: "pointer" }
  | { t: "continuation" }
  | { t: "conjunction" }
  | { t: "yesno" }
  | { t: "now" }
  | { t: "other" }
  | { t: "next" }
  | { t: "day"; nth?: number; last?: true; relative?: "today" | "tomorrow" }
  | { t: "weekday"; weekday: number }
  | { t: "month"; month: number }
  | { t: "part"; from: string; to: string }
  | { t: "except" }
  | { t: "format"; format: string }
  | { t: "yesnoTag" }
  | { t: "predicate" };

const LEXICON = new Map<string, LexiconWord[]>();
const learn = (words: readonly string[], meaning: LexiconWord) => {
  for (const w of words) LEXICON.set(w, [...(LEXICON.get(w) ?? []), meaning]);
};
for (const [w, aspect] of CUES) learn([w], { t: "aspect", aspect });
for (const [w, category] of CATEGORIES) learn([w], { t: "category", category });
learn(POINTER_WORDS, { t: "pointer" });
learn(CONTINUATION_WORDS, { t: "continuation" });
learn(CONJUNCTIONS, { t: "conjunction" });
learn(YES_NO_WORDS, { t: "yesno" });
learn(YES_NO_TAGS, { t: "yesnoTag" });
learn(EXCEPT_WORDS, { t: "except" });
for (const f of FORMAT_WORDS) learn([f], { t: "format", format: f });
learn(NOW_WORDS, { t: "now" });
/** "그 사람 다른 세션도 있어?": besides what was just said. */
learn(["다른", "또다른", "other", "another", "else", "나머지"], { t: "other" });
learn(NEXT_WORDS, { t: "next" });
learn(TODAY_WORDS, { t: "day", relative: "today" });
learn(TOMORROW_WORDS, { t: "day", relative: "tomorrow" });
learn(LAST_DAY_WORDS, { t: "day", last: true });
for (const [w, nth] of Object.entries(DAY_ORDINALS)) learn([w], { t: "day", nth });
for (const [w, weekday] of Object.entries(WEEKDAYS)) learn([w], { t: "weekday", weekday });
for (const [w, month] of Object.entries(MONTHS)) learn([w], { t: "month", month });
learn(AFTER_LUNCH_WORDS, { t: "part", from: "13:00", to: "18:00" });
learn(MORNING_WORDS, { t: "part", from: "06:00", to: "12:00" });
learn(EVENING_WORDS, { t: "part", from: "18:00", to: "24:00" });
learn([...PREDICATE_STEMS, ...ENGLISH_PREDICATES, ...FILLERS], { t: "predicate" });

/** What a word of the lexicon means, in the order the lexicon prefers them (an aspect before a category). */
export const lexiconOf = (word: string): readonly LexiconWord[] => LEXICON.get(word) ?? [];

/** Every multi-word entry of the lexicon, longest first: matched on the words before they are read one by one. */
export const PHRASES: readonly string[] = [...LEXICON.keys()].filter((w) => w.includes(" ")).sort((a, b) => b.length - a.length);

/** Every Korean single-word entry, for finding them inside words written without spaces ("이채영키노트언제야"). */
export const KOREAN_ENTRIES: ReadonlySet<string> = new Set([...LEXICON.keys()].filter((w) => /^[\uac00-\ud7a3]{2,}$/.test(w)));

// German questions ("Wann ist …", "Was läuft am Sonntag …") read with German stopwords too.
const STOPWORDS = new Set([...stopwords.ko, ...stopwords.en, ...stopwords.de].map((w) => w.toLowerCase()));
const CORE_ENGLISH = new Set(eng.map((w) => w.toLowerCase()));

/** A word that carries nothing: a stopword of stopwords-iso's Korean or English list. */
export const isStopword = (word: string): boolean => STOPWORDS.has(word);

/**
 * Words stopwords-iso's long English list holds that a question about an event or an incident may well be about.
 * The `stopword` package's short list (the, is, what …) is never content.
 */
const CONTENT_WORDS = new Set([
  "fire", "cause", "causes", "caused", "billion", "million", "thousand", "hundred", "amount", "number", "numbers", "information", "index",
  "interest", "general", "group", "groups", "member", "members", "order", "place", "places", "point", "points", "present", "large",
  "largest", "old", "older", "oldest", "new", "newer", "newest", "big", "biggest", "long", "longer", "longest", "young", "early",
  "latest", "high", "highest", "great", "greatest", "won", "example", "problem", "problems", "system", "systems", "room", "rooms",
  "area", "areas", "change", "changes", "end", "ended", "open", "opened", "world", "year", "years", "today", "computer", "microsoft",
  "page", "pages", "detail", "details", "face", "fact", "facts", "work", "works", "case", "cases", "effect", "side", "state", "states",
  "part", "parts", "small", "smallest", "full", "home", "important", "results", "site", "test", "value", "website", "whole", "words",
]);

/** An English word that carries nothing for a question: a function word, or a stopword that is no content word. */
export const isEnglishFiller = (word: string): boolean => CORE_ENGLISH.has(word) || (STOPWORDS.has(word) && !CONTENT_WORDS.has(word));

/** Every English word of the lexicon (cues, categories): a typo of one is read as it ("positon", "keynot"). */
export const ENGLISH_LEXICON: readonly string[] = [...LEXICON.keys()].filter((w) => /^[a-z]{4,}$/.test(w));

const ENGLISH_WORDS = new Set([...stopwords.en, ...ENGLISH_PREDICATES, ...[...LEXICON.keys()].filter((w) => /^[a-z' -]+$/.test(w))]);

/** Whether a text is written in English: it has English words, not only names, handles or Korean typed in Latin. */
export const isEnglish = (text: string): boolean => (text.toLowerCase().match(/[a-z']+/g) ?? []).some((w) => w.length > 1 && ENGLISH_WORDS.has(w));

/** Stems of verbs of asking and doing: a Korean word that starts with one and goes on with endings is a predicate. */
export const PREDICATE_STEM_LIST: readonly string[] = [...PREDICATE_STEMS].sort((a, b) => b.length - a.length);
