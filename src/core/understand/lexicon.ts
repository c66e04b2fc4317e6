// The words that say what a question asks rather than what it is about: which aspect of a thing (who, when, how
// many …), which filter (a day, a kind of session, now), which category of things (sessions, speakers, tracks), and
// the words that carry nothing (a maintained stopword list, question frames, verbs of asking). Words of the
// knowledge itself — names, titles, tracks, organisations — are never listed here: they come from the snapshot.
import stopwords from "stopwords-iso/stopwords-iso.json" with { type: "json" };

/** What a question wants to know about the thing it names. */
export type Aspect =
  | "who" // the people behind it: speakers, presenters
  | "what" // what it is: a person's sessions, a session's title or content, a track's sessions
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
  | "status";

/** A cue: the aspect it asks for; a few words also name the unit they count (몇 명 counts people). */
const ASPECT_WORDS: Record<Aspect, readonly string[]> = {
  who: ["누구", "누가", "누군", "누군가", "누구누구", "누구랑", "who", "whom", "whose", "발표자", "발제자", "연사", "스피커", "presenter", "presenters", "speaker", "speakers", "by"],
  what: ["뭐", "뭔", "뭘", "뭐뭐", "뭐가", "무엇", "무슨", "어떤", "어떤거", "무엇무엇", "what", "which", "머", "먼"],
  when: ["언제", "며칠", "몇일", "날짜", "일정", "when", "date", "dates", "day", "days", "기간", "언제부터", "언제까지"],
  time: ["몇시", "시간", "시각", "time", "clock", "공개시간"],
  weekday: ["요일", "weekday", "weekdays"],
  where: ["어디", "어디서", "어디에", "장소", "where", "venue", "location", "room", "rooms", "방", "룸", "강의실", "홀", "hall", "stage"],
  count: ["몇", "몇개", "몇명", "몇건", "개수", "갯수", "숫자", "how many", "number", "count", "총몇", "얼마나많"],
  list: ["목록", "리스트", "명단", "전부", "전체", "모두", "모든", "다", "list", "all", "every", "everything", "뭐뭐", "누구누구", "lineup", "line-up", "라인업", "종류"],
  role: ["직책", "직함", "역할", "직위", "포지션", "자리", "role", "roles", "position", "job", "title", "담당", "맡은", "맡았", "맡고", "직급"],
  org: ["회사", "소속", "company", "companies", "organisation", "organization", "employer", "firm", "계열사", "어느회사", "work"],
  why: ["왜", "이유", "why", "reason"],
  how: ["어떻게", "방법", "how"],
  duration: ["길이", "분량", "몇분", "duration", "long", "minutes", "length", "러닝타임", "얼마동안"],
  link: ["링크", "영상", "동영상", "비디오", "슬라이드", "발표자료", "자료", "주소", "url", "link", "links", "video", "videos", "slides", "slide", "recording", "youtube", "유튜브", "페이지", "page"],
  amount: ["얼마", "금액", "액수", "규모", "how much", "amount", "cost", "costs", "price", "얼만", "얼마나"],
  handle: ["핸들", "아이디", "handle", "id", "닉네임", "nickname", "username"],
  realname: ["실명", "본명", "이름", "성함", "real name", "full name", "name"],
  track: ["트랙", "track", "분야"],
  about: ["내용", "요약", "주제", "개요", "얘기", "이야기", "about", "summary", "summarize", "summarise", "content", "topic", "topics", "subject", "overview", "gist", "설명", "소개", "중점", "focus", "theme", "방향성", "목표"],
  edition: ["몇번째", "몇회", "몇회째", "회째", "번째", "edition", "처음", "첫회", "맨처음", "first"],
  status: ["상태", "진행", "진행상황", "status", "progress", "done", "완료"],
};

/** Words that name a category of things: a question made only of them and aspects wants the overview or a count. */
export type Category = "sessions" | "people" | "tracks" | "keynotes" | "previews" | "specials" | "talks" | "budget" | "remediation" | "event" | "rooms";

const CATEGORY_WORDS: Record<Category, readonly string[]> = {
  sessions: ["세션", "발표", "강연", "토크", "발표세션", "session", "sessions", "presentation", "presentations", "lecture", "lectures", "프로그램", "program", "programme", "schedule", "시간표", "영상"],
  talks: ["일반세션", "기술세션", "테크세션", "talk", "talks", "tech talk", "tech talks", "regular"],
  keynotes: ["키노트", "기조연설", "keynote", "keynotes"],
  previews: ["프리뷰", "트랙프리뷰", "미리보기", "preview", "previews"],
  specials: ["특별세션", "특별", "special"],
  people: ["연사", "발표자", "스피커", "사람", "사람들", "speaker", "speakers", "presenter", "presenters", "people", "person"],
  tracks: ["트랙", "track", "tracks"],
  budget: ["예산", "돈", "비용", "총액", "금액", "투자", "투입", "budget", "money", "cost", "investment", "invest", "funding", "fund", "spend", "spending"],
  remediation: ["재발방지", "재발방지대책", "재발방지책", "재발", "대책", "개선", "개선사항", "조치", "remediation", "measures", "measure", "improvements", "improvement", "prevention", "recurrence", "follow-ups", "action items"],
  event: ["행사", "컨퍼런스", "콘퍼런스", "conference", "event", "개발자컨퍼런스"],
  rooms: ["룸", "방", "rooms", "halls"],
};

/** Session kinds the category words filter by (the schedule's `type`, or the pack's kind). */
export const CATEGORY_KIND: Partial<Record<Category, string>> = { keynotes: "keynote", previews: "preview", specials: "special", talks: "talk" };

/** Words that point back at what the conversation was about ("그 사람", "it"). */
export const POINTERS = new Set([
  "그", "그거", "그것", "그건", "그게", "그걸", "그분", "그사람", "그녀", "걔", "이거", "이것", "저거", "거기", "그때", "해당", "그중", "그중에", "그중에서", "둘다", "각각",
  "he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "that", "those", "these", "there", "this",
]);

/** Words that start a follow-up that keeps the last aspect: "그럼 이확영은?", "and Ko Woo-chan?". */
export const CONTINUATIONS = new Set(["그럼", "그러면", "그리고", "또", "and", "what about", "how about", "also"]);

/** Words that make a question about now and next (against the bot's clock). */
export const NOW_WORDS = new Set(["지금", "현재", "now", "currently", "right now", "진행중", "happening"]);
export const NEXT_WORDS = new Set(["다음", "다음에", "next", "upcoming", "이따", "곧"]);
export const TODAY_WORDS = new Set(["오늘", "today", "tonight", "오늘밤"]);
export const TOMORROW_WORDS = new Set(["내일", "tomorrow"]);

/** Yes/no: a question made of a claim and one of these (or an English auxiliary first) asks whether it holds. */
export const YES_NO_WORDS = new Set([
  "맞아", "맞지", "맞죠", "맞나", "맞나요", "맞나여", "맞습니까", "맞아요", "맞음", "맞냐", "맞니", "맞는지", "아니야", "아니지", "아닌가", "아니었나", "아니에요", "아닌가요", "아냐",
  "있어", "있지", "있죠", "있나", "있나요", "있어요", "있습니까", "있냐", "있니", "없어", "없나", "없나요", "없지",
  "했어", "했지", "했나", "했나요", "했어요", "했죠", "했습니까", "했냐", "했던가", "했니", "한거", "한건가", "한게",
  "right", "correct", "true", "isn't", "wasn't", "aren't", "didn't",
]);
export const ENGLISH_AUXILIARIES = new Set(["is", "are", "was", "were", "did", "does", "do", "has", "have", "had", "can", "will", "isn't", "wasn't", "didn't"]);

/** Verbs of asking, saying and doing (the stem before 하다/되다, or the whole word): never the topic. */
const GENERIC_PREDICATES = [
  "알려", "알려줘", "알려주세요", "알려줄래", "알려주실래요", "알려주시겠어요", "알려주시기", "알고", "알수", "알", "궁금", "보여", "보여줘", "말해", "말해줘", "말했", "말한",
  "설명", "소개", "요약", "정리", "공개", "공개된", "공개됐", "진행", "발표", "시작", "종료", "참여", "참석", "담당", "부탁", "추천", "확인", "나와", "나온", "나왔", "나오", "열린", "열렸", "열리", "열어",
  "했", "하는", "한", "할", "해", "해요", "합니다", "했어요", "했습니다", "된", "됐", "되는", "돼", "되나", "있", "있는", "있었", "없", "없는", "이었", "였", "이야", "입니다",
  "뽑아줘", "찾아줘", "줘", "주세요", "좀", "부탁해", "부탁드려요", "가르쳐", "물어", "얘기한", "얘기했", "언급", "다룬", "다루는", "다뤄", "쓴", "쓰는", "쓰이", "쓸", "썼", "맡", "맡은",
  "가능", "필요", "기억", "생각", "뭐였", "뭐였지", "뭐였더라", "였지", "였더라", "더라", "건가", "건지", "거야", "거예요", "건데",
  "tell", "show", "give", "list", "know", "want", "like", "need", "say", "said", "says", "talk", "talked", "mention", "mentioned", "present", "presented", "presents", "gave", "give", "given", "do", "did", "done",
  "please", "pls", "plz", "could", "would", "can", "may", "might", "remind", "wonder", "curious", "find", "look", "see", "get", "got", "go", "going", "happen", "happened", "held", "hold", "run", "ran",
];

const CUES = new Map<string, Aspect>();
for (const [aspect, words] of Object.entries(ASPECT_WORDS) as [Aspect, readonly string[]][]) for (const w of words) if (!CUES.has(w)) CUES.set(w, aspect);
const CATEGORIES = new Map<string, Category>();
for (const [category, words] of Object.entries(CATEGORY_WORDS) as [Category, readonly string[]][]) for (const w of words) if (!CATEGORIES.has(w)) CATEGORIES.set(w, category);

const STOPWORDS = new Set([...stopwords.ko, ...stopwords.en, ...GENERIC_PREDICATES].map((w) => w.toLowerCase()));

/** The aspect a word (or a phrase such as "how many") asks for. */
export const aspectOf = (word: string): Aspect | undefined => CUES.get(word);
export const categoryOf = (word: string): Category | undefined => CATEGORIES.get(word);
/** A word that carries nothing: a stopword (stopwords-iso's Korean and English lists) or a verb of asking. */
export const isStopword = (word: string): boolean => STOPWORDS.has(word);

/** Every cue and category word with more than one token, longest first: matched on the text before it is cut into words. */
export const PHRASES: readonly string[] = [...CUES.keys(), ...CATEGORIES.keys()].filter((w) => w.includes(" ")).sort((a, b) => b.length - a.length);

/** Every single-word cue and category, for finding them inside words written without spaces ("이채영키노트언제야"). */
export const GLUED_WORDS: readonly string[] = [...CUES.keys(), ...CATEGORIES.keys()].filter((w) => !w.includes(" ") && /[\uac00-\ud7a3]/.test(w) && w.length >= 2);
