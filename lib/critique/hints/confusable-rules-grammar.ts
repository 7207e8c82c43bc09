import type { ConfusablePair } from "./confusable-rules";

/**
 * Pairs decided by grammar rather than by the topic's words: the written word
 * cannot stand where it stands. "there" followed by a noun and a verb (", there
 * cavalry charged") has no verb of its own to introduce, so it is "their";
 * "it's collapse was" would read "it is collapse was"; "could here" has no verb. The noun is
 * never looked up in a list: it is whatever word is not one of the closed
 * classes that can follow (FUNCTION_OR_ADVERB) and is not an adverb in -ly.
 * Same promise as CONFUSABLE_PAIRS: only contexts in which the other word is
 * near-certain.
 */

/** Closed-class words and common adverbs: what may follow "there" or "it's" without making them possessive. */
const FUNCTION_OR_ADVERB =
  "(?:the|a|an|this|that|these|those|he|she|it|they|we|you|i|his|her|its|their|our|my|your|some|any|no|every|each|all|both|many|most|several|few|more|less|much|one|two|three|four|five|once|twice|then|soon|also|still|now|too|again|already|never|always|often|first|later|even|only|just|alone|together|ever|today|instead|anyway|however|either|neither|yet|so|as|hard|well|long|late|early|afterwards|sometimes|perhaps|indeed|thus|therefore|hence|almost|quite|rather|meanwhile|not|and|or|but|nor|in|on|at|by|for|from|to|with|into|onto|of|about|after|before|since|until|till|during|under|over|through|across|along|around|near|behind|beyond|beside|between|among|against|without|within|upon|toward|towards|who|which|what|where|when|why|how|whose|whom|is|are|was|were|be|been|being|has|had|have|will|would|could|might|may|must|shall|should|can|did|does|do|remained|followed|seemed|appeared|came|arose|lived|stood|existed|began|went|grew|lay|developed|emerged)";
/** A verb in the past, the tense of a history essay: common irregular ones, or any word in -ed. */
const PAST_VERB =
  "(?:was|were|had|did|made|took|lost|won|fought|became|began|went|came|grew|fell|rose|stood|held|left|gave|kept|brought|built|sent|saw|knew|told|broke|drove|swept|ran|spread|led|met|paid|sold|spent|wrote|struck|bore|\\p{Ll}+ed)";
/** Verbs that take an object: after one of them, "there" and "they're" stand where the object's "their" belongs. */
const OBJECT_VERB =
  "(?:lost|lose|loses|losing|fought|fight|fighting|made|make|making|kept|keep|keeping|left|leave|leaving|gave|give|giving|sold|sell|selling|paid|pay|paying|spent|spend|risked|risk|sacrificed|sacrifice|defended|defend|protected|protect|abandoned|abandon|burned|burnt|burn|destroyed|destroy|raised|raise|fed|feed|saved|save|changed|change|took|take|won|win|gained|gain|forced|force|pushed|push|seized|seize|sent|send|moved|move|packed|pack|sold|lost|buried|bury)";
/** Prepositions: "of they're" is never "of they are". */
const PREPOSITION = "(?:of|in|to|for|from|with|by|on|at|into|against|about|under|through|over|without|within|upon|during)";
/** Verbs of movement, after which "threw" can only be "through". */
const MOTION_VERB =
  "(?:spread|spreads|spreading|went|go|goes|going|gone|came|come|comes|coming|passed|pass|passes|passing|moved|move|moves|moving|marched|march|marching|swept|sweep|sweeping|ran|run|runs|running|travell?ed|travell?ing|broke|break|breaking|cut|walked|walk|rode|ride|sailed|sail|flowed|flow|poured|pour|fought|fight|pushed|push|lived|live|struggled|struggle|raced|rushed|drove|drive|flew|fly|smuggled|carried|shipped|made\\s+(?:it|their\\s+way|his\\s+way|her\\s+way)|all|halfway|right|straight)";

export const GRAMMAR_CONFUSABLE_PAIRS: readonly ConfusablePair[] = [
  {
    id: "their-there-grammar",
    note: "“there” is a place or “there is”; belonging to them is “their”",
    words: ["there", "they're"],
    rules: [
      // "At Sedan, there cavalry charged": a noun and its verb after "there", which then introduces nothing.
      {
        pattern: String.raw`(?:^|[.!?;:,]\s+)(?<w>[Tt]here)\s+(?=(?!${FUNCTION_OR_ADVERB}\b)(?!\p{Ll}+ly\b)\p{Ll}+\s+${PAST_VERB}\b)`,
        to: "their",
        isCaseSensitive: true,
      },
      // "risked there necks in", "leave they're farms with": after a verb that takes an object.
      {
        pattern: String.raw`\b${OBJECT_VERB}\s+(?<w>there|they['’]re)\s+(?=(?!${FUNCTION_OR_ADVERB}\b)(?!\p{Ll}+ly\b)\p{Ll}+(?:\s*[.,;:!?)]|\s+(?:in|into|to|on|at|from|through|with|and|for|across|over|under|behind|during)\b))`,
        to: "their",
        isCaseSensitive: true,
      },
      { pattern: String.raw`\b${PREPOSITION}\s+(?<w>they['’]re)\s+(?=\p{Ll})`, to: "their", isCaseSensitive: true },
    ],
  },
  {
    id: "its-grammar",
    note: "“it’s” means “it is”; the possessive is “its”",
    words: ["it's"],
    rules: [
      // "it's collapse was sudden": "it is collapse was" has two verbs.
      {
        pattern: String.raw`\b(?<w>[Ii]t['’]s)\s+(?=(?!${FUNCTION_OR_ADVERB}\b)(?!\p{Ll}+(?:ly|ing)\b)\p{Ll}+\s+(?:was|were|had|has|became|remained|would|could|did|grew|fell|lasted|proved|seemed)\b)`,
        to: "its",
        isCaseSensitive: true,
      },
    ],
  },
  {
    id: "whose-grammar",
    note: "“who’s” means “who is”; belonging to whom is “whose”",
    words: ["who's"],
    rules: [
      // "the monk, who's teaching inspired…": a noun in -ing and then a past verb; "who is teaching inspired" has two verbs.
      { pattern: String.raw`\b(?<w>who['’]s)\s+(?=(?!being\b)\p{Ll}+ing\s+(?!being\b)${PAST_VERB}\b)`, to: "whose", isCaseSensitive: true },
    ],
  },
  {
    id: "whether-weather-grammar",
    note: "“weather” is rain and sun; a choice between alternatives is “whether”",
    words: ["weather"],
    rules: [
      // "unsure weather they would come": a clause with its own subject follows; the noun "weather" would need a
      // determiner or an adjective before it ("the weather they faced"), and the verb an infinitive ("to weather it").
      {
        pattern: String.raw`(?<!\b(?:the|a|an|this|that|such|any|bad|good|cold|hot|warm|wet|dry|harsh|severe|stormy|poor|fine|winter|summer|freezing|mild|foul|fair|to|could|would|can|will|might|must|should|did|not|and)\s)\b(?<w>weather)\s+(?=(?:he|she|they|we|it|I|or)\b)`,
        to: "whether",
      },
    ],
  },
  {
    id: "its-it-is-grammar",
    note: "“its” is the possessive; “it is” is written “it’s”",
    words: ["its"],
    rules: [
      // "Its clear that…", "Its likely to…": an adjective that takes a clause or an infinitive after a bare "its".
      {
        pattern: String.raw`(?:^|(?<=[.!?;:,]\s))(?<w>[Ii]ts)\s+(?=(?:clear|likely|unlikely|true|possible|impossible|obvious|important|hard|easy|difficult|necessary|unclear|certain|fair|wrong|right|surprising|interesting|ironic|no\s+wonder|worth)\s+(?:that|to|how|why|whether)\b)`,
        to: "it’s",
        isCaseSensitive: true,
      },
    ],
  },
  {
    id: "where-were",
    note: "“were” is the past of “are”; a place is introduced by “where”",
    words: ["were"],
    rules: [
      // "the monastery, were he wrote…": after a comma, "were" with a subject and its own past verb is "where";
      // a verb that ends its clause is the inversion of a condition ("the ministers, were they asked, said nothing").
      {
        pattern: String.raw`,\s+(?<w>were)\s+(?=(?:he|she|they|we|(?:the|his|her|their)\s+\p{Ll}+)\s+(?!(?:to|not|also|all|both|only)\b)(?:\p{Ll}+ed|wrote|lived|died|spent|met|fought|made|kept|held|built|stood|found|taught|gave|spoke|ruled|grew|fell|lay|hid)\b(?!\s*[,;:.!?]))`,
        to: "where",
        isCaseSensitive: true,
      },
    ],
  },
  {
    id: "hear-here",
    note: "“here” is a place; to listen is to “hear”",
    words: ["here"],
    rules: [
      {
        pattern: String.raw`\b(?:wanted|want|wants|loved|love|loves|liked|like|likes|able|unable|came|come|began|begin|refused|hoped|expected|gathered|waited|longed|eager|glad|shocked|surprised|pleased|used)\s+to\s+(?<w>here)\b(?!\s*[.,;:!?)])`,
        to: "hear",
      },
      { pattern: String.raw`\b(?:could|would|can|cannot|couldn['’]t|can['’]t|didn['’]t|did\s+not)\s+(?<w>here)\s+(?=(?:the|a|an|his|her|their|its|about|of|from|what|that|him|them|it|any|some)\b)`, to: "hear" },
    ],
  },
  {
    id: "buy-by",
    note: "“by” is a preposition; to pay for something is to “buy” it",
    words: ["by"],
    rules: [
      // "could not afford to by bread": "to" before a verb, and "by" is none; not "by law", "by 1900", "by-election".
      {
        pattern: String.raw`\b(?:afford|able|unable|money|enough|wanted|want|tried|try|forced|allowed|needed|need|refused|used|went)\s+to\s+(?<w>by)\s+(?!(?:\d|the\s+end|then|now|force|means|law|far|way|hand|themselves|himself|herself|itself)\b)(?=\p{L})`,
        to: "buy",
      },
      {
        pattern: String.raw`\b(?:could|would|can|cannot|couldn['’]t|can['’]t|didn['’]t|did\s+not|could\s+not)\s+(?<w>by)\s+(?=(?:food|bread|grain|land|goods|clothes|weapons|arms|shares|slaves|(?:enough|more|any|new)\s+\p{Ll}+)\b)`,
        to: "buy",
      },
    ],
  },
  {
    id: "which-witch",
    note: "a “witch” casts spells; the relative pronoun is “which”",
    words: ["witch"],
    rules: [
      {
        pattern: String.raw`(?:,\s+|\b(?:in|of|by|with|from|during|after|through|on|at|for)\s+)(?<w>witch)\s+(?=(?:made|meant|led|caused|became|gave|left|forced|showed|helped|angered|shocked|the|he|she|they|we|his|their|its|time|case|point)\b)`,
        to: "which",
      },
    ],
  },
  {
    id: "knew-new",
    note: "“new” means recent; the past of “know” is “knew”",
    words: ["new"],
    rules: [
      {
        pattern: String.raw`\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|who|everyone|nobody|[A-Z]\p{Ll}+s)\s+(?<w>new)\s+(?=(?:the|that|how|what|where|when|why|his|her|their|its|it|him|them|nothing|little|enough|exactly)\b)`,
        to: "knew",
        isCaseSensitive: true,
      },
    ],
  },
  {
    id: "through-threw",
    note: "“threw” is the past of “throw”; across or from end to end is “through”",
    words: ["threw"],
    rules: [{ pattern: String.raw`\b${MOTION_VERB}\s+(?<w>threw)\b(?!\s*[.,;:!?)])`, to: "through" }],
  },
  {
    id: "sight-site",
    note: "a “site” is a place; what is seen is a “sight”",
    words: ["site"],
    rules: [
      { pattern: String.raw`\b(?:at\s+first|out\s+of|lost|lose|losing|caught|catch|catching)\s+(?<w>site)\b`, to: "sight" },
      { pattern: String.raw`\b(?<w>site)\s+(?=to\s+(?:behold|see)\b)`, to: "sight" },
    ],
  },
  {
    id: "cannon-canon",
    note: "a “canon” is a rule, a list of works or a churchman; the gun is a “cannon”",
    words: ["canon", "canons"],
    rules: [
      { pattern: String.raw`\b(?:fired|fire|firing|guns|muskets|horses|artillery|rifles|bronze|siege|field)\s+(?:and\s+)?(?<w>canons?)\b(?!\s+(?:law|of)\b)`, to: "cannon" },
      { pattern: String.raw`\b(?<w>canons?)\s+(?=(?:fired|boomed|roared|terrified|pounded|shelled|bombarded|balls?|shots?|fire)\b)`, to: "cannon" },
    ],
  },
  {
    id: "accepted-excepted",
    note: "“excepted” means left out; to agree to something is to have “accepted” it",
    words: ["excepted"],
    rules: [{ pattern: String.raw`\b(?<w>excepted)\s+(?=(?:them|it|him|her)\b(?![^.]{0,30}\bfrom\b))`, to: "accepted" }],
  },
];
