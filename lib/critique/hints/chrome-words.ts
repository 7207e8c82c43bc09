/**
 * The vocabulary of essay-sharing pages' chrome: buttons, share bars,
 * citation widgets, counters, banners. A passage is chrome when it is short
 * and made of these words (see isChromePassage), so "Tweet Share Pin",
 * "Cite this essay: APA | MLA" or "Report this essay" need no list of their
 * own, and a sentence that merely uses a few of them ("historians cite…")
 * is prose.
 */

/** Words that only chrome uses as a passage of their own; one of them must be present. */
const STRONG = new Set([
  "share", "shares", "shared", "tweet", "pin", "facebook", "twitter", "email", "e-mail", "whatsapp", "linkedin", "reddit",
  "pinterest", "tumblr", "print", "cite", "citation", "apa", "mla", "download", "downloads", "report", "subscribe",
  "sign", "signup", "login", "log", "register", "join", "unlock", "preview", "cookies", "cookie", "advertisement",
  "sponsored", "click", "avatar", "bookmark", "save", "plagiarism", "more", "continue", "page", "pages", "words",
  "count", "views", "likes", "rating", "stars", "votes", "submitted", "premium", "upgrade", "comments", "flag",
  "copyright", "newsletter", "helpful", "feedback", "plagiarism-free", "hire", "consent", "plagiarized", "plagiarised",
]);

/** Further words chrome is made of, which also occur in prose. */
const CHROME = new Set([
  ...STRONG,
  "harvard", "chicago", "ieee", "pdf", "doc", "docx", "accept", "decline", "privacy", "policy", "terms", "ad", "ads",
  "author", "authors", "list", "menu", "show", "hide", "reading", "read", "next", "previous", "prev", "word", "rated",
  "rate", "star", "essay", "essays", "document", "documents", "paper", "papers", "sample", "samples", "free", "custom",
  "written", "writer", "writers", "order", "copy", "link", "comment", "reply", "related", "similar", "topics", "tags",
  "category", "student", "students", "grade", "top", "back", "home", "search", "full", "whole", "rest", "text", "view",
  "access", "members", "member", "account", "total", "length", "sources", "min", "minutes", "content", "up", "out", "in",
  "help", "need", "want", "unlimited", "online", "site", "website", "expert", "experts", "service",
  "use", "uses", "improve", "experience", "browsing", "browse", "continuing", "agree", "settings", "manage", "preferences",
  "analytics", "personalise", "personalize", "ok", "got", "learn", "yes", "no", "thanks", "reviews", "review", "verified",
  "guarantee", "deadline", "price", "prices", "pricing", "per", "started", "start", "try", "trial", "follow", "contact",
  "rights", "reserved", "ratings", "other", "users", "people", "found", "useful", "average", "sitemap", "faq", "about",
  // A cookie banner's own words ("to give you the best experience possible", "we'll assume you're on board").
  "give", "best", "possible", "assume", "board", "ensure", "happy", "necessary", "functional", "reject", "allow",
]);

/** Words that carry no meaning of their own here ("Share this", "Sign up to view the whole essay"). */
const NEUTRAL = new Set([
  "this", "the", "a", "an", "to", "of", "for", "you", "your", "our", "it", "on", "with", "and", "or", "by", "is", "are",
  "was", "be", "get", "here", "now", "me", "my", "we", "us", "all", "at", "from", "s",
  // Contractions of the words above: a pronoun or "do"/"will" and a particle, no meaning of their own.
  "don't", "don’t", "we'll", "we’ll", "you're", "you’re", "we're", "we’re", "you'll", "you’ll", "it's", "it’s", "can't", "can’t",
]);

/** Chrome is short: a button, a bar, a banner of a sentence or two. */
const MAX_WORDS = 25;

// Words (letters, inner apostrophes or hyphens) and numbers ("1,843", "4.5").
const TOKEN = /\p{L}+(?:['’-]\p{L}+)*|\d[\d,.]*/gu;

/**
 * True when the passage is made of chrome words: at least one that only
 * chrome uses as a passage, at least three quarters of its meaningful words
 * from the vocabulary, and at most MAX_WORDS words; or, for a whole block,
 * two or more meaningful words and all of them chrome. Numbers are neutral
 * ("Page 2 of 3", "Words: 1,843").
 */
export function isChromePassage(passage: string, { isWholeBlock = false } = {}): boolean {
  let words = 0;
  let meaningful = 0;
  let chrome = 0;
  let hasStrong = false;
  // A title quoted inside chrome ("Get your custom essay on “How the Revolution Changed Britain”") is a slot, not its words.
  for (const m of withoutQuotedTitles(passage).matchAll(TOKEN)) {
    if (++words > MAX_WORDS) return false;
    const word = m[0].toLowerCase().replace(/['’]s$/, "");
    if (/^\d/.test(word) || NEUTRAL.has(word)) continue;
    meaningful++;
    if (CHROME.has(word)) chrome++;
    if (STRONG.has(word)) hasStrong = true;
  }
  // A block of its own made only of chrome words ("Related essays") needs no telltale word.
  if (isWholeBlock && meaningful >= 2 && chrome === meaningful) return true;
  return hasStrong && meaningful > 0 && chrome >= meaningful * 0.75;
}

/** The passage with quoted stretches in the middle of it blanked out; a passage that is all quotation stays as it is. */
function withoutQuotedTitles(passage: string): string {
  const blanked = passage.replace(/“[^“”]{1,120}”|"[^"]{1,120}"/gu, " ");
  return /\p{L}/u.test(blanked) ? blanked : passage;
}

/** True when every meaningful word of a short passage is a chrome word ("Harvard", "MLA"): chrome only beside other chrome. */
export function isChromeVocabulary(passage: string): boolean {
  let words = 0;
  let meaningful = 0;
  for (const m of passage.matchAll(TOKEN)) {
    if (++words > MAX_WORDS) return false;
    const word = m[0].toLowerCase().replace(/['’]s$/, "");
    if (/^\d/.test(word) || NEUTRAL.has(word)) continue;
    meaningful++;
    if (!CHROME.has(word)) return false;
  }
  return meaningful > 0;
}

/** Small words a title or a list of names keeps in lower case ("Fall of the Berlin Wall"). */
const TITLE_SMALL = new Set(["of", "the", "a", "an", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "de", "la", "le", "du", "von", "van", "al", "el", "vs"]);
/** A title or a list of names is short. */
const MAX_TITLE_WORDS = 15;
/** Arrows and guillemets around a pager's links ("« Previous", "Next »"). */
const PAGER_MARKS = new Set([..."«‹<←»›>→ \t"]);

/** The passage without a pager's arrows at either end; by hand, as a pattern anchored at the end restarts at every mark. */
function withoutPagerMarks(passage: string): string {
  let from = 0;
  let to = passage.length;
  while (from < to && PAGER_MARKS.has(passage[from])) from++;
  while (to > from && PAGER_MARKS.has(passage[to - 1])) to--;
  return passage.slice(from, to);
}
const URL = /\bhttps?:\/\/\S|\bwww\.[\p{L}\d-]+\.\p{L}/u;

/**
 * True for a chrome label, a colon and a title or a list: "Read more: How
 * the Treaty of Versailles Was Made", "Tags: Weimar Republic, Stresemann",
 * "« Previous: The Congress of Berlin", "Cite this essay: … Retrieved from
 * https://…". The label must be chrome words only (isChromeVocabulary), and
 * what follows either a title or a list (every word capitalised but for a
 * title's small words, no sentence inside) or a web address. A sentence with
 * a colon ("The result: millions starved") has a label that is not chrome.
 */
export function isLabelledChrome(passage: string): boolean {
  const text = withoutPagerMarks(passage);
  const colon = text.indexOf(":");
  if (colon <= 0 || colon > 40) return isTopicLink(text);
  const label = text.slice(0, colon);
  const rest = text.slice(colon + 1).trim();
  if (rest === "" || !isChromeVocabulary(label)) return false;
  return URL.test(rest) || isShortList(rest) || isTitle(rest);
}

/**
 * "More essays on Weimar", "Read more essays about The Dawes Plan": chrome
 * (isChromePassage, so with a telltale word), "on" or "about", then a title.
 */
function isTopicLink(text: string): boolean {
  const m = /^(?<label>[^:]{3,40}?) (?:on|about) (?=\p{Lu})/u.exec(text);
  return m?.groups !== undefined && isChromePassage(m.groups.label) && isTitle(text.slice(m[0].length));
}

/** Every word capitalised but for a title's small words, a few words at most, and no sentence inside. */
function isTitle(rest: string): boolean {
  let words = 0;
  for (const m of rest.matchAll(TOKEN)) {
    if (++words > MAX_TITLE_WORDS) return false;
    const word = m[0];
    if (/^\d/.test(word) || TITLE_SMALL.has(word) || /^\p{Lu}/u.test(word)) continue;
    return false;
  }
  // A title may end in a full stop; a second sentence inside is prose.
  return words > 0 && !/[.!?]\s+\S/u.test(rest);
}

/** At least three comma-separated items of a few words each, and nothing else: a list of tags or topics. */
function isShortList(text: string): boolean {
  if (/[.!?;:]/u.test(text.replace(/[.!?]$/u, ""))) return false;
  const items = text.split(",").map((item) => item.trim());
  return items.length >= 3 && items.every((item) => /^[\p{L}\d'’-]+(?: [\p{L}\d'’-]+){0,3}$/u.test(item));
}

// "Posted by webmaster on 12 June 2018", "Published on 4 May 2019", "Last updated: 12/03/2020".
const BYLINE_HEAD = /^(?:posted|published|updated|last updated|submitted|written)(?: by [^:]{1,40})?$/iu;
const MONTH = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/iu;

/**
 * True for a page's byline standing as a block: "Posted by webmaster on 12
 * June 2018", "Published on 4 May 2019", "Posted on 14 February 2021 by
 * HistoryHelp". A verb of posting, an optional author,
 * "on" (or a colon) and then only a date: a month name and numbers, nothing
 * else. "Published in 1848, the Manifesto…" is a sentence, not a byline.
 */
export function isByline(passage: string): boolean {
  const text = passage.trim();
  if (text.length > 80) return false;
  // The date first and the author after it: "Posted on 14 February 2021 by HistoryHelp".
  const by = / by [^\s:]{1,40}(?: [^\s:]{1,40})?$/u.exec(text);
  if (by && by.index > 0 && isByline(text.slice(0, by.index))) return true;
  const lower = text.toLowerCase();
  const on = lower.lastIndexOf(" on ");
  const colon = lower.lastIndexOf(":");
  const at = Math.max(on, colon);
  if (at <= 0 || !BYLINE_HEAD.test(text.slice(0, at).trim())) return false;
  const date = text.slice(at + (at === colon ? 1 : 4)).trim();
  return /\d/u.test(date) && date.replace(MONTH, "").replace(/[\d\s,./-]/gu, "") === "";
}

/** Breadcrumb separators: "Home > Essays > History". */
const CRUMB = /\s[>»›/]\s/u;
/** A breadcrumb has at least this many steps. */
const MIN_CRUMBS = 3;

/**
 * True for a site's breadcrumb trail standing as a block: "Home > Essays >
 * History > Early Modern Europe". Three steps or more between ">", "»", "›"
 * or "/", each a short title (capitalised words), the first of them chrome
 * words ("Home", "Essays"). "1848 > 1830" or a sentence with a slash is not one.
 */
export function isBreadcrumb(passage: string): boolean {
  const text = passage.trim();
  if (text.length > 200) return false;
  const steps = text.split(CRUMB).map((step) => step.trim());
  return steps.length >= MIN_CRUMBS && isChromeVocabulary(steps[0]) && steps.every((step) => step !== "" && isTitle(step) && step.split(/\s+/u).length <= 5);
}
