import type { Lexicon } from "../lexicon";
import {
  commonPrefix,
  createPlaceFinder,
  editDistance,
  isCapitalized,
  isInflection,
  isSpellingVariant,
  makeHint,
  markQuoted,
  matchCase,
  quoted,
  timesWord,
  tokenize,
} from "../text-tools";
import type { WordToken } from "../text-tools";
import type { Hint, HintContext, HintEvidence } from "../types";
import { createTermIndex, MAX_TERM_LENGTH } from "./term-index";

/** Every spelling of one word (lower-case, no diacritics or hyphens) in the text, title and glossary. */
interface Form {
  norm: string;
  /** Occurrences in the text (title and glossary are not text), in order. */
  tokens: WordToken[];
  /** Mid-sentence occurrences by case: a capital there marks a name; at a sentence start it says nothing. */
  capMid: number;
  lowerMid: number;
  /** How it is written mid-sentence most often, else anywhere. */
  surface: string;
  inHeading: boolean;
  titleSurface?: string;
  glossarySurface?: string;
  /** Cached answer of the word list. */
  known?: boolean;
}

/** Shorter words collide too often; four-letter ones only by two swapped letters. */
const MIN_LENGTH = 4;
/** From this length two edits are accepted, when one of them adds or drops a letter ("Kruschev"/"Khrushchev"). */
const TWO_EDIT_LENGTH = 8;
/** One edit from five letters on (a dropped, added or changed letter, or two swapped). */
const ONE_EDIT_LENGTH = 5;
/** A changed letter (not an added, dropped or swapped one) only from this length. */
const SUBSTITUTION_LENGTH = 6;
/** A dictionary word is hinted only against a title or glossary term at least this long, one letter added, dropped or swapped. */
const REAL_WORD_TERM_LENGTH = 8;

/** In a tie with nothing else to go on, the spelling written first wins only from this length (the longer of the two). */
const TIE_BY_ORDER_LENGTH = 6;

/** Confidence by what the other spelling rests on; a second edit costs SECOND_EDIT_PENALTY. */
const CONFIDENCE = { key: 0.8, knownMoreOften: 0.75, moreOften: 0.7, tie: 0.6, firstWritten: 0.55, realWord: 0.65 } as const;
const SECOND_EDIT_PENALTY = 0.1;

/** Why one spelling is taken for a slip of another. */
type Reason = "title" | "glossary" | "knownMoreOften" | "moreOften" | "knownTie" | "doubledLetter" | "heading" | "firstWritten" | "realWord";

interface Verdict {
  to: Form;
  distance: number;
  reason: Reason;
}

/**
 * Hints at a name or term spelled two ways in one text, at the rarer
 * spelling: "Honeker" beside "Honecker", "Louvreture" beside the title's
 * "Louverture", "revoluton" beside "Revolution", "Desalinization" beside the
 * title's "DeStalinization". A spelling is hinted only when the word list
 * does not know it (so "resolution" beside "revolution" is left alone) and a
 * spelling one edit away (two, with a letter added or dropped, from eight
 * letters on) wins: it is in the title or the teacher's glossary, or the text
 * writes it more often, or as often and the word list knows it. Capitals must
 * agree mid-sentence; plurals, inflections and British/American spellings
 * are never slips. Without a word list, only capitalized names are policed.
 */
export function findTermDrift(context: HintContext): Hint[] {
  const forms = collectForms(context);
  const list = [...forms.values()].filter((f) => f.norm.length >= MIN_LENGTH && f.norm.length <= MAX_TERM_LENGTH);
  const keys = list.filter(isKeyForm);
  // Every spelling can win against an unknown one; only key terms can win against a known word.
  const index = createTermIndex(
    list.map((f) => f.norm),
    (at) => isKeyForm(list[at]) || list[at].capMid > 0 || list[at].inHeading,
  );
  const keyIndex = createTermIndex(keys.map((f) => f.norm));
  const placeOf = createPlaceFinder(context.segments);
  const hints: Hint[] = [];
  list.forEach((form) => {
    if (form.tokens.length === 0 || isKeyForm(form)) return;
    const [candidates, pool] = isKnown(form, context.lexicon) ? [keyIndex.candidates(form.norm), keys] : [index.candidates(form.norm), list];
    let best: Verdict | null = null;
    for (const at of candidates) {
      const other = pool[at];
      if (other === form) continue;
      const verdict = judge(form, other, context.lexicon);
      if (verdict && (!best || isBetter(verdict, best))) best = verdict;
    }
    if (best) for (const token of form.tokens) hints.push(hintFor(context, token, form, best, placeOf));
  });
  return hints;
}

/** The text's words by spelling, with the title's and the glossary's words added as key spellings. */
function collectForms(context: HintContext): Map<string, Form> {
  const forms = new Map<string, Form>();
  const formOf = (w: WordToken): Form => {
    let form = forms.get(w.norm);
    if (!form) {
      form = { norm: w.norm, tokens: [], capMid: 0, lowerMid: 0, surface: w.raw, inHeading: false };
      forms.set(w.norm, form);
    }
    return form;
  };
  // How each form is written mid-sentence; a map per form only for the few written more than one way.
  const firstMid = new Map<Form, string>();
  const midSurfaces = new Map<Form, Map<string, number>>();
  for (const segment of context.segments) {
    const tokens = tokenize(segment);
    const quoted = markQuoted(segment, tokens);
    for (const [k, w] of tokens.entries()) {
      if (quoted[k]) continue;
      const form = formOf(w);
      form.tokens.push(w);
      if (segment.type === "heading") {
        form.inHeading = true;
      } else if (!w.sentenceInitial) {
        if (isCapitalized(w.raw)) form.capMid++;
        else form.lowerMid++;
        const first = firstMid.get(form);
        if (first === undefined) firstMid.set(form, w.raw);
        const counts = midSurfaces.get(form);
        if (counts) counts.set(w.raw, (counts.get(w.raw) ?? 0) + 1);
        else if (first !== undefined && first !== w.raw) {
          const seen = form.capMid + form.lowerMid - 1;
          midSurfaces.set(form, new Map([[first, seen], [w.raw, 1]]));
        }
      }
    }
  }
  for (const [form, raw] of firstMid) form.surface = raw;
  for (const [form, counts] of midSurfaces) form.surface = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const keyWords = (text: string) => tokenize({ type: "heading", start: 0, end: text.length, text });
  for (const w of keyWords(context.title)) formOf(w).titleSurface ??= w.raw;
  const { glossary } = context;
  for (const entry of [...glossary.terms, ...glossary.people.map((p) => p.name)]) {
    for (const w of keyWords(entry)) formOf(w).glossarySurface ??= w.raw;
  }
  return forms;
}

/**
 * Whether `form` is a slip for `other`, and why; null when it is not. The
 * rules, in order: length and edit budget, same first letter, not an
 * inflection or a British/American variant, capitals that agree, and an
 * `other` that wins (see findTermDrift).
 */
function judge(form: Form, other: Form, lexicon: Lexicon | undefined): Verdict | null {
  const a = form.norm;
  const b = other.norm;
  const isSwapAtStart = a[0] === b[1] && a[1] === b[0];
  if (a[0] !== b[0] && !isSwapAtStart) return null;
  // One spelling the other plus an ending is another form ("August"/"Augusto"), unless a doubled letter lost its twin ("Congres").
  const isDoubleDropped = isDroppedDoubleLetter(a, b);
  const isEndingAdded = (a.startsWith(b) || b.startsWith(a)) && !isDoubleDropped;
  if ((isInflection(a, b) && !isDoubleDropped) || isSpellingVariant(a, b) || isEndingAdded) return null;
  // A foreign spelling keeps its accents on purpose ("María", "Independência"); a slip does not add them.
  if (hasAccents(form.surface) !== hasAccents(other.glossarySurface ?? other.titleSurface ?? other.surface)) return null;
  const budget = a.length >= TWO_EDIT_LENGTH ? 2 : 1;
  const distance = editDistance(a, b, budget);
  if (distance > budget) return null;
  const isSubstitutionFree = a.length !== b.length || isTransposition(a, b);
  if (a.length < ONE_EDIT_LENGTH && !isTransposition(a, b)) return null;
  // A changed letter in a short name usually makes another name ("Maria"/"Marta").
  if (!isSubstitutionFree && a.length < SUBSTITUTION_LENGTH) return null;
  // Two edits only with a letter added or dropped: two changed letters usually make another name ("Heinrich"/"Heydrich");
  // two edits in the last letters make another form of the word ("Porfirio"/"Porfiriato").
  if (distance === 2 && (a.length === b.length || commonPrefix(a, b) >= Math.min(a.length, b.length) - 2)) return null;
  if (!capitalsAgree(form, other)) return null;

  const isKey = other.titleSurface !== undefined || other.glossarySurface !== undefined;
  if (isKnown(form, lexicon)) {
    // A real word is a slip only of a long key term, by an added, dropped or swapped letter ("Desalinization").
    const isLongKey = isKey && b.length >= REAL_WORD_TERM_LENGTH && distance === 1 && isSubstitutionFree;
    return isLongKey ? { to: other, distance, reason: "realWord" } : null;
  }
  if (other.glossarySurface !== undefined) return { to: other, distance, reason: "glossary" };
  if (other.titleSurface !== undefined) return { to: other, distance, reason: "title" };
  const [mine, theirs] = [form.tokens.length, other.tokens.length];
  const isOtherKnown = isKnown(other, lexicon);
  if (theirs > mine) return { to: other, distance, reason: isOtherKnown ? "knownMoreOften" : "moreOften" };
  if (theirs < mine) return null;
  // As often, the word list breaks the tie: for ordinary words always; for names only by an added, dropped or swapped
  // letter ("Avingon"/"Avignon"), since two names a changed letter apart are usually two names.
  if (isOtherKnown && (!isNameForm(form) || isSubstitutionFree)) return { to: other, distance, reason: "knownTie" };
  if (isDroppedDoubleLetter(a, b)) return { to: other, distance, reason: "doubledLetter" };
  if (other.inHeading && !form.inHeading) return { to: other, distance, reason: "heading" };
  // Still a tie: the spelling written first, where the text introduces the name, is the careful one, and a later
  // one a letter added, dropped or swapped away is the slip ("Fatehpur Sikri" … "Fatehpur Sikiri"). A changed letter
  // only in a long name: two short names a changed letter apart, each written once, are usually two people ("Njinga",
  // "Nzinga"); from eight letters on, one changed letter is a slip ("Stresemann" … "Stresemenn").
  const isOrderTieEdit = isSubstitutionFree ? Math.max(a.length, b.length) >= TIE_BY_ORDER_LENGTH : a.length >= TWO_EDIT_LENGTH && !isSuffixChange(a, b);
  // A heading's spelling is never the slip of the body's: headings are written with care, and the rule above prefers them.
  if (distance === 1 && isOrderTieEdit && !form.inHeading && other.tokens[0].start < form.tokens[0].start) {
    return { to: other, distance, reason: "firstWritten" };
  }
  return null;
}

const REASON_RANK: Readonly<Record<Reason, number>> = {
  glossary: 0,
  title: 1,
  realWord: 2,
  knownMoreOften: 3,
  moreOften: 4,
  knownTie: 5,
  heading: 6,
  doubledLetter: 7,
  firstWritten: 8,
};

/** Fewer edits first, then the stronger reason, then the more frequent spelling, then alphabetical (stable output). */
function isBetter(a: Verdict, b: Verdict): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  if (REASON_RANK[a.reason] !== REASON_RANK[b.reason]) return REASON_RANK[a.reason] < REASON_RANK[b.reason];
  if (a.to.tokens.length !== b.to.tokens.length) return a.to.tokens.length > b.to.tokens.length;
  return a.to.norm < b.to.norm;
}

/** True when the word has letters with diacritics ("María"). */
function hasAccents(word: string): boolean {
  return word.normalize("NFD") !== word;
}

/**
 * True when the word list knows the spelling as the text writes it. Without
 * a word list, lower-case words count as known and names as unknown, so
 * only names are compared.
 */
function isKnown(form: Form, lexicon: Lexicon | undefined): boolean {
  if (form.tokens.length === 0) return true;
  if (!lexicon) return !(form.capMid > 0 && form.lowerMid === 0);
  form.known ??= lexicon.isWord(form.surface);
  return form.known;
}

/** A spelling from the title or the teacher's glossary. */
function isKeyForm(form: Form): boolean {
  return form.titleSurface !== undefined || form.glossarySurface !== undefined;
}

/** Mid-sentence capitals must match: a name is not a slip of an ordinary word. Title and glossary words match either. */
function capitalsAgree(form: Form, other: Form): boolean {
  if (other.titleSurface !== undefined || other.glossarySurface !== undefined) return true;
  const isName = (f: Form) => f.capMid > 0 && f.lowerMid === 0;
  const isLower = (f: Form) => f.lowerMid > 0 && f.capMid === 0;
  return !((isName(form) && isLower(other)) || (isLower(form) && isName(other)));
}

/** Endings one changed letter apart that make another word, not a slip ("Stalinism"/"Stalinist"). */
const SUFFIXES_APART = new Set(["ism", "ist", "ian", "ean", "ant", "ent", "ance", "ence", "able", "ible", "ary", "ery", "ory", "ic", "id", "al", "an"]);

/** True when two same-length words differ in one letter that changes one ending into another ("-ism"/"-ist"). */
function isSuffixChange(a: string, b: string): boolean {
  const i = commonPrefix(a, b);
  for (let from = Math.max(0, i - 3); from <= i; from++) {
    if (SUFFIXES_APART.has(a.slice(from)) && SUFFIXES_APART.has(b.slice(from))) return true;
  }
  return false;
}

/** True when the words differ by two neighbouring letters swapped. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const i = commonPrefix(a, b);
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** True when `a` is `b` with one letter of a doubled pair dropped ("Desalines" from "Dessalines"): a classic slip. */
function isDroppedDoubleLetter(a: string, b: string): boolean {
  if (b.length !== a.length + 1) return false;
  const i = commonPrefix(a, b);
  return i > 0 && b[i] === b[i - 1] && a.slice(i) === b.slice(i + 1);
}

/** One hint on one occurrence, with the other spelling and where it stands as evidence. */
function hintFor(context: HintContext, token: WordToken, form: Form, verdict: Verdict, placeOf: (offset: number) => string): Hint {
  const { to, distance, reason } = verdict;
  const target = to.glossarySurface ?? (to.tokens.length > 0 ? to.surface : (to.titleSurface ?? to.surface));
  const letters = distance === 1 ? "one letter" : "two letters";
  const where = reason === "glossary" ? "in the teacher’s glossary" : reason === "title" || reason === "realWord" ? "in the title" : "elsewhere in this text";
  const evidence: HintEvidence[] = [];
  if (to.glossarySurface !== undefined) evidence.push({ source: "glossary", note: `The teacher’s glossary spells it “${to.glossarySurface}”.` });
  if (to.titleSurface !== undefined) evidence.push({ source: "title", note: `The title writes “${to.titleSurface}”.` });
  if (to.tokens.length > 0) {
    const first = to.tokens[0];
    const comparison = to.tokens.length === form.tokens.length ? "as often as" : "against";
    evidence.push({
      source: "text",
      note: `This text writes “${to.surface}” ${timesWord(to.tokens.length)} (first ${placeOf(first.start)}), ${comparison} “${form.surface}” ${timesWord(form.tokens.length)}.`,
      span: { start: first.start, end: first.end },
    });
  }
  if (reason !== "realWord" && context.lexicon) {
    const otherKnown = to.known === true ? `; “${target}” is` : "";
    evidence.push({ source: "word-list", note: `“${token.raw}” is not in the English word list${otherKnown}.` });
  }
  if (reason === "doubledLetter") evidence.push({ source: "rule", note: "Dropping one letter of a doubled pair is a common slip." });
  if (reason === "firstWritten") {
    evidence.push({ source: "rule", note: `Each is written as often; “${to.surface}” comes first, where the text introduces it, and a later copy is the likelier slip.` });
  }
  const confidence =
    (reason === "glossary" || reason === "title"
      ? CONFIDENCE.key
      : reason === "realWord"
        ? CONFIDENCE.realWord
        : reason === "knownMoreOften"
          ? CONFIDENCE.knownMoreOften
          : reason === "moreOften"
            ? CONFIDENCE.moreOften
            : reason === "firstWritten"
              ? CONFIDENCE.firstWritten
              : CONFIDENCE.tie) - (distance - 1) * SECOND_EDIT_PENALTY;
  return makeHint(context.text, {
    start: token.start,
    end: token.end,
    kind: "term-drift",
    category: "term_spelling",
    message: `${quoted(token.raw)} is ${letters} away from “${target}” ${where}; a misspelling of that ${isNameForm(to) ? "name" : "term"}?`,
    suggestion: suggestionFor(token, to, target),
    confidence,
    evidence,
  });
}

/** A form written only with a capital mid-sentence, or a glossary person. */
function isNameForm(form: Form): boolean {
  return form.capMid > 0 && form.lowerMid === 0;
}

/** The other spelling in the case of the occurrence: lower case for an ordinary word, as written for a name. */
function suggestionFor(token: WordToken, to: Form, target: string): string {
  if (isCapitalized(token.raw)) return matchCase(token.raw, target);
  return isNameForm(to) ? target : target.toLowerCase();
}

