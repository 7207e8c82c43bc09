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
  "copyright", "newsletter", "helpful", "feedback", "plagiarism-free", "hire", "consent",
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
]);

/** Words that carry no meaning of their own here ("Share this", "Sign up to view the whole essay"). */
const NEUTRAL = new Set([
  "this", "the", "a", "an", "to", "of", "for", "you", "your", "our", "it", "on", "with", "and", "or", "by", "is", "are",
  "was", "be", "get", "here", "now", "me", "my", "we", "us", "all", "at", "from", "s",
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
  for (const m of passage.matchAll(TOKEN)) {
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
