/**
 * Commonly confused words, each with the contexts in which the written word
 * cannot be right. A rule's pattern must capture the wrong word in the named
 * group `w`; everything else in it is context. Rules are deliberately narrow:
 * a confusion is hinted only where the surrounding words settle it. Every
 * pattern is checked by eslint-plugin-regexp for super-linear backtracking,
 * and tests/unit/stalls runs them on crafted worst cases.
 */
export interface ConfusableRule {
  /** Regular-expression source with a `(?<w>…)` group; matched case-insensitively unless `isCaseSensitive`. */
  pattern: string;
  /** The intended word for the captured one (its case is adapted on use). */
  to: string;
  /** For rules that need a capital to mean a name ("Zapata lead the"). */
  isCaseSensitive?: boolean;
}

/** One pair of confused words and the contexts that decide between them. */
export interface ConfusablePair {
  id: string;
  /** Why the written word is wrong here, for the hint's message. */
  note: string;
  /**
   * The written words the rules can capture, lower case with a straight
   * apostrophe. A block without any of them skips the pair's rules, so most
   * blocks cost one word scan instead of a pass per rule.
   */
  words: readonly string[];
  rules: readonly ConfusableRule[];
}

// Reused context fragments.
export const DET = "(?:the|its|his|her|their|our|a|an|this|that)";
const MODAL = "(?:to|will|would|could|might|may|must|shall|should|did|didn['’]t|not|cannot|can['’]t|never)";
const LOSABLE =
  "(?:the|their|his|her|its|our|a|an|power|control|face|ground|support|influence|faith|territory|popularity|credibility|authority|legitimacy|momentum|hope|interest|office|everything|wars?|battles?|elections?|lives|life|men|troops|land|money|votes|seats|colonies|heart|patience|confidence|respect|touch|sight|track)";
/** Things that belong to people: after a preposition or verb, "there" before one of these is "their". */
export const POSSESSED =
  "(?:own|tenants|servants|serfs|subjects|soldiers|sons|daughters|estates|horses|cattle|fields|goods|possessions|belongings|ancestors|descendants|followers|wages|crowns?|thrones?|kingdoms?|fortunes?|savings|weapons|leaders?|leadership|arm(?:y|ies)|governments?|polic(?:y|ies)|power|rule|people|party|countr(?:y|ies)|homes?|lives|families|lands?|rights|demands|support(?:ers)?|ideology|members|officers|troops|comrades|enemies|rivals|positions?|authority|influence|privileges?|wealth|freedoms?|independence|ideas?|children|wives|husbands|villages?|towns?|cities|crops|farms|property|money|taxes|votes?|voices?|weapons|guns|ships|fleets?|kings?|queens?|rulers?|masters?|owners?|slaves|workers|allies|cause|goals?|aims?|plans?|religion|faith|culture|language|traditions?|customs|jobs|debts?|loyalty|empires?|colon(?:y|ies)|capital|territor(?:y|ies)|borders?|neighbou?rs?|friends?|struggle|revolution|movement|victory|defeat|lords?)";
/** Nouns a thing can own, for "it's" read as "its": "it's effect was…". */
const OWNED =
  "(?:effects?|impact|influence|power|army|armies|government|leaders?|people|population|economy|capital|borders?|size|role|importance|purpose|aim|goal|success|failure|collapse|fall|end|rise|history|origins?|name|members|rulers?|king|queen|strength|weakness|territory|land|wealth|position|constitution|polic(?:y|ies)|share|troops|navy|fleet|workers|citizens|colonies|empire|decline|legacy|meaning|value|cost|result|results|army's)";

/** The everyday pairs. Add a pair only with contexts that make the other word certain. */
export const CONFUSABLE_PAIRS: readonly ConfusablePair[] = [
  {
    id: "course-coarse",
    note: "“coarse” means rough; a path or direction is a “course”",
    words: ["coarse"],
    rules: [
      { pattern: String.raw`\b(?<w>coarse)(?=\s+of\b)`, to: "course" },
      // "Of coarse," as a sentence adverb, or before a clause; "rations of coarse bread" is right.
      {
        pattern: String.raw`(?:^|[.!?;:,(]\s*|\b(?:and|but|so|matter)\s+)of\s+(?<w>coarse)\b(?=\s*[,.;:!?]|\s+(?:not|the|he|she|they|it|we|this|there|that|his|her|their|many|most|some)\b)`,
        to: "course",
      },
      {
        pattern: String.raw`\b(?:chang(?:e|es|ed|ing)|alter(?:s|ed|ing)?|revers(?:e|es|ed|ing)|chart(?:s|ed|ing)?|steer(?:s|ed|ing)?|stay(?:s|ed|ing)?|shap(?:e|es|ed|ing))\s+${DET}\s+(?<w>coarse)\b`,
        to: "course",
      },
    ],
  },
  {
    id: "lose-loose",
    note: "“loose” means slack; to be deprived of something is to “lose” it",
    words: ["loose", "loosing", "lose"],
    rules: [
      { pattern: String.raw`\b(?<w>loosing)\b(?!\s+(?:the\s+)?(?:arrows?|dogs|hounds|bolts?)\b)`, to: "losing" },
      { pattern: String.raw`\b${MODAL}\s+(?<w>loose)\s+(?=${LOSABLE}\b)`, to: "lose" },
      { pattern: String.raw`\b(?<w>loosing)\s+(?=${LOSABLE}\b)`, to: "losing" },
      { pattern: String.raw`\b(?:a|an|very|rather|fairly|quite|increasingly)\s+(?<w>lose)\b`, to: "loose" },
      {
        pattern: String.raw`\b(?:broke|break|breaks|breaking|cut|turned|on\s+the)\s+(?<w>lose)(?=\s*[.,;:!?)]|\s+(?:and|from|in|upon|again|across|through)\b)`,
        to: "loose",
      },
    ],
  },
  {
    id: "principal-principle",
    note: "a “principle” is a rule or belief; “principal” means main",
    words: ["principal", "principals", "principle"],
    rules: [
      // Not before a noun: "in principal cities" is right.
      {
        pattern: String.raw`\bin\s+(?<w>principal)(?=\s*[,.;:)]|\s+(?:at\s+least|though|but|if|it|he|she|they|this|the|a|an)\b)`,
        to: "principle",
      },
      { pattern: String.raw`\b(?:on|of|matter\s+of|question\s+of)\s+(?<w>principal)(?=\s*[,.;:)!?]|\s+(?:and|or|alone|rather)\b)`, to: "principle" },
      // "the principal of popular sovereignty": an abstract noun (…ty, …ism, …ion) after "of" is a principle, never a person.
      {
        pattern: String.raw`\b(?<w>principals?)\s+of\s+(?=(?:(?:the|popular|national|equal|free|individual|human|natural|divine|collective|religious|political|economic|social|universal|absolute|limited|representative|self)[\s-])?[\p{L}]+(?:ty|ism|ion|ence|ance|dom|hood|ment|cy)\b)`,
        to: "principle",
      },
      {
        pattern: String.raw`\b(?<w>principle)\s+(?=(?:reasons?|causes?|aims?|goals?|architects?|authors?|figures?|sources?|opponents?|rivals?|leaders?|advis[eo]rs?|targets?|factors?|beneficiar(?:y|ies)|objectives?|motives?|concerns?|characters?|cit(?:y|ies)|ports?|all(?:y|ies)|enem(?:y|ies))\b)`,
        to: "principal",
      },
    ],
  },
  {
    id: "effect-affect",
    note: "“affect” is the verb; the result of something is its “effect”",
    words: ["affect", "affects", "effect", "effects", "effected"],
    rules: [
      { pattern: String.raw`\ban\s+(?<w>affect)\b`, to: "effect" },
      {
        pattern: String.raw`\b(?<w>effected)\s+(?=(?:him|her|them|us|me|everyone|everybody|people|millions|thousands|ordinary|many|most|the\s+(?:people|poor|peasants|workers|economy|lives|population|country|whole))\b)`,
        to: "affected",
      },
      {
        pattern: String.raw`\b(?:an|the|no|little|great|significant|major|profound|lasting|devastating|immediate|positive|negative|adverse|chilling|desired|opposite|full|real|direct|dramatic|huge|big|large|strong|deep|powerful|serious|enormous|similar|limited|this|that|its|their|his|her|whose)\s+(?<w>affects?)(?=\s+(?:on|upon|of|was|were|is|are)\b)`,
        to: "effect",
      },
      {
        pattern: String.raw`\b(?:had|has|have|having)\s+(?:(?:a|an|no|little|some|any|much|great|big|huge|major|real|lasting|profound|strong|serious|similar|opposite|positive|negative|deep|dramatic|significant|powerful|immediate|the|same|enormous)\s+){1,3}(?<w>affects?)\b`,
        to: "effect",
      },
      {
        pattern: String.raw`\b(?:take|takes|took|taken|taking|(?:came|come|comes|coming|put|puts|putting)\s+into|in)\s+(?<w>affect)\b`,
        to: "effect",
      },
      {
        pattern: String.raw`\b(?:greatly|deeply|badly|directly|seriously|strongly|negatively|adversely|personally|hardly|barely)\s+(?<w>effected)\b`,
        to: "affected",
      },
      { pattern: String.raw`\b(?:was|were|been|being|be)\s+(?<w>effected)\s+(?=by\b)`, to: "affected" },
      {
        pattern: String.raw`\b(?:to|would|could|might|did|not)\s+(?<w>effect)\s+(?=(?:him|her|them|us|me|everyone|people|millions|thousands|ordinary)\b)`,
        to: "affect",
      },
    ],
  },
  {
    // "Life was harder then." is right: a comparison needs something after "then".
    id: "than-then",
    note: "comparisons take “than”; “then” is about time",
    words: ["then", "than"],
    rules: [
      { pattern: String.raw`\band\s+(?<w>than)\s+(?=(?:the|he|she|they|it|we|a|an|his|her|their)\b)`, to: "then" },
      {
        pattern: String.raw`\b(?:more|less|rather|better|worse|greater|fewer|larger|smaller|higher|lower|other|stronger|weaker|bigger|faster|slower|harsher|milder|wider|broader|deeper|bolder|braver|clearer|closer|easier|harder|safer|richer|poorer|tougher|wiser|quicker|louder|stricter|bloodier|crueller|crueler|weightier)\s+(?<w>then)\b(?=\s+(?!than\b)[\p{L}\d])`,
        to: "than",
      },
      // "more interested in stability then in justice": a comparison over up to three words, no comma or joining word between.
      {
        pattern: String.raw`\b(?:more|less|rather|fewer)\s+(?:(?!(?:and|but|or|so|until|since|when|after|before|because|which|who|that|then|than)\b)[\p{L}'’-]+\s+){1,3}(?<w>then)\s+(?=(?:in|on|at|by|for|with|to|the|a|an|any|anyone|anything|ever|before|usual|expected|he|she|they|we|it|those|his|her|their|its)\b)`,
        to: "than",
      },
      { pattern: String.raw`\b(?:since|until|till|by|back|from)\s+(?<w>than)\b`, to: "then" },
      { pattern: String.raw`(?:^|[.!?;]\s+)(?<w>than)\s+(?=(?:the|he|she|they|it|we|in|on|after|came|began)\s)`, to: "then" },
    ],
  },
  {
    id: "its-its",
    note: "“it’s” means “it is”; the possessive is “its”",
    words: ["it's", "its"],
    rules: [
      {
        pattern: String.raw`\b(?:lost|gained|kept|regained|changed|increased|expanded|extended|reached|doubled|halved|strengthened|weakened|defended|abandoned|spent|raised|showed|proved|made|did|took|had|has|have|with|and|lose|gain|keep|change|increase|expand|extend|reach|defend|abandon|spend|raise|show|prove|make|do|take)\s+(?<w>it['’]s)\s+(?!(?:not|been|being|a|an|the|so|too|very|quite|clear|true|time|likely|unlikely|possible|impossible|hard|easy|important|over|just|only|also|still|worth|because|said|thought|believed|known|said|what|how|why|who|when|where|all|no|better|best|worse|right|wrong|going|getting|up|down|about|almost|probably|obvious|difficult|necessary|fair|unfair|true|there|here)\b)(?=\p{L})`,
        to: "its",
      },
      { pattern: String.raw`\b(?<w>it['’]s)\s+(?=own\b)`, to: "its" },
      { pattern: String.raw`\b(?<w>its)\s+(?=(?:not|been|a|an|the)\b)`, to: "it’s" },
      // "its hard to believe", "its clear that": an adjective and then "to" or "that" needs "it is".
      { pattern: String.raw`\b(?<w>its)\s+(?=(?:hard|easy|difficult|impossible|possible|important|clear|true|likely|unlikely|obvious|surprising|interesting|strange|necessary|worth)\s+(?:to\s+(?!(?:the|a|an|his|her|their|its)\b)\p{L}|that\b|noting\b))`, to: "it’s" },
      // After a preposition "it's" is never "it is": "in it's place".
      {
        pattern: String.raw`\b(?:of|in|to|for|from|with|by|into|onto|at|about|under|over|through|against|within|without|upon|during|behind|beyond|across|throughout)\s+(?<w>it['’]s)\s+(?!(?:not|been|being|a|an|the|so|too|very|quite|clear|true|time|likely|possible|hard|easy|important|worth|over|just|only|also|still)\b)(?=\p{L})`,
        to: "its",
      },
      // A thing's noun and then a verb: "It's effect on public opinion was enormous", "wanted it's share:".
      { pattern: String.raw`\b(?<w>it['’]s)\s+(?=${OWNED}(?:\s*[.,;:!?)]|\s+(?:was|were|is|are|had|has|on|of|in|would|could|will|did|became|grew|fell|came|lay|lasted|remained|and)\b))`, to: "its" },
    ],
  },
  {
    id: "their-there",
    note: "“there” is a place or “there is”; belonging to them is “their”",
    words: ["their", "there"],
    rules: [
      { pattern: String.raw`(?:^|[.!?;:]\s+)(?<w>there)\s+(?=${POSSESSED}\s+(?:was|were|had|has|is|are|would|could|did|became|began|refused|wanted|tried|fought|lost|won|made)\b)`, to: "their" },
      { pattern: String.raw`\b(?<w>they['’]re)\s+(?=own\b)`, to: "their" },
      {
        pattern: String.raw`\b(?<w>their)\s+(?=(?:is|are|was|were|(?:had|has|have)\s+been|(?:will|would)\s+be|seemed|seems|appeared|remained|existed)\b)`,
        to: "there",
      },
      {
        pattern: String.raw`\b(?:of|in|to|for|with|by|from|on|against|at|into|under|about|through|up|lost|gained|kept|defended|strengthened|consolidated|increased|abandoned|betrayed|gave|give|giving|protect|protected|protecting|left|leave|leaving|sold|sell|selling|lost|lose|losing|risked|defend|defending|keep|keeps|kept|keeping|find|found|take|took|make|made|raise|raised|pay|paid|feed|fed|save|saved|hold|held|bring|brought|buy|bought|rule|ruled|control|controlled|tax|taxed|arm|armed|free|freed|send|sent|seize|seized|burn|burned|burnt|destroy|destroyed|abandon|abandoning|feed|feeding|support|supported|protect)\s+(?<w>there)\s+(?=${POSSESSED}\b)`,
        to: "their",
      },
    ],
  },
  {
    id: "led-lead",
    note: "the past tense of “lead” is “led”",
    words: ["lead"],
    rules: [
      { pattern: String.raw`\b(?:this|it|he|she)\s+(?<w>lead)\s+(?=to\b)`, to: "led" },
      {
        pattern: String.raw`\b(?:had|has|have|having)\s+(?<w>lead)\s+(?=(?:to|the|a|an|his|her|their|its|many|some|him|them|directly)\b)`,
        to: "led",
      },
      { pattern: String.raw`\b(?:was|were|been|being)\s+(?<w>lead)\s+(?=by\b)`, to: "led" },
      { pattern: String.raw`\b(?:he|she)\s+(?<w>lead)\s+(?=(?:the|a|an|his|her|their|its|them|him|an?)\b)`, to: "led" },
      // A name (a capital mid-sentence) cannot "lead" in the singular: "Zapata lead the peasants", "which Mountbatten lead,".
      {
        pattern: String.raw`(?<=[\p{Ll},;]\s)\p{Lu}\p{Ll}+\s+(?<w>lead)(?=\s*[,.;]|\s+(?:the|a|an|his|her|their|its|them|him)\s)`,
        to: "led",
        isCaseSensitive: true,
      },
      // After a suffix of a name: "Martin Luther King Jr. lead the boycott".
      { pattern: String.raw`\b(?:Jr|Sr)\.?\s+(?<w>lead)(?=\s+(?:the|a|an|his|her|their|its|them|him)\s)`, to: "led", isCaseSensitive: true },
      // At a sentence start too, for a singular name ("Washington lead the army"); a plural ("Soldiers lead") may be present tense.
      {
        pattern: String.raw`(?:^|(?<=[.!?]\s))(?!(?:People|Men|Women|Children|Police|They|We|You|I)\s)\p{Lu}\p{Ll}*[^\Ws]\s+(?<w>lead)(?=\s+(?:the|a|an|his|her|their|its|them|him)\s)`,
        to: "led",
        isCaseSensitive: true,
      },
    ],
  },
  {
    id: "complement-compliment",
    note: "to “compliment” is to praise; to complete or go well with is to “complement”",
    words: ["compliment", "compliments", "complimented", "complimenting", "complimentary", "complement", "complements", "complemented"],
    rules: [
      {
        pattern: String.raw`\b(?<w>compliment(?:s|ed|ing)?)\s+(?=(?:${DET}\s+)?(?:polic(?:y|ies)|strateg(?:y|ies)|programm?es?|reforms?|plans?|efforts?|campaigns?|arm(?:y|ies)|forces|industry|agriculture|economy|measures)\b)`,
        to: "complement",
      },
      { pattern: String.raw`\b(?<w>compliments?|complimenting)\s+(?=(?:each\s+other|one\s+another)\b)`, to: "complement" },
      {
        pattern: String.raw`\b(?:perfect|natural|useful|ideal|necessary|valuable|important|welcome|effective|vital|essential)\s+(?<w>compliments?)\s+(?=to\b)`,
        to: "complement",
      },
      {
        pattern: String.raw`\b(?<w>complimentary)\s+(?=(?:roles?|aspects?|goals?|policies|strategies|approaches|forces|parts|skills|interests)\b)`,
        to: "complementary",
      },
      {
        pattern: String.raw`\b(?:paid|pay|pays|paying)\s+(?:(?:him|her|them|us|me)\s+)?(?:(?:a|the|many|several|great|high|rare|huge|backhanded|lavish)\s+){0,2}(?<w>complements?)\b`,
        to: "compliment",
      },
      { pattern: String.raw`\b(?<w>complemented)\s+(?=(?:him|her|them|me|us)\s+(?:on|for)\b)`, to: "complimented" },
    ],
  },
  {
    id: "accept-except",
    note: "“except” means “but”; to agree to something is to “accept” it",
    words: ["except", "excepted", "accept"],
    rules: [
      // After a modal or "not", "except" is a verb, and the verb is "accept": "could not except taxation".
      {
        pattern: String.raw`\b(?:would|could|will|did|didn['’]t|cannot|can['’]t|never|must|should|refused\s+to|refuse\s+to|agreed\s+to)\s+(?:not\s+)?(?<w>except)\b(?!\s+(?:for|that|when|where|if|in|on|at|by|from|as)\b)`,
        to: "accept",
      },
      { pattern: String.raw`\b(?:nothing|little|everyone|everybody|anything)\s+(?<w>accept)\s+(?=(?:to|pray|wait|hope|flee|run|fight|watch)\b)`, to: "except" },
      {
        pattern: String.raw`\b(?:to|would|could|will|not|didn['’]t)\s+(?<w>except)\s+(?=(?:${DET}\s+)?(?:offers?|proposals?|terms|invitation|surrender|resignation|responsibility|treaty|peace|demands|plan|conditions|ultimatum|reforms|authority|leadership|results?|outcome|defeat)\b)`,
        to: "accept",
      },
      {
        pattern: String.raw`\b(?:refused|refuse|refuses|agreed|agree|agrees|forced|willing|unwilling|ready|reluctant|obliged|decided|chose|wanted|able|unable|pressured|persuaded|compelled|determined|prepared)\s+to\s+(?<w>except)\b`,
        to: "accept",
      },
      {
        pattern: String.raw`\b(?<w>excepted)\s+(?=(?:${DET}\s+)?(?:offers?|proposals?|terms|invitation|surrender|resignation|treaty|peace|demands|plan|conditions|ultimatum|reforms|crown|throne|title|post|position|role|result|outcome|defeat|help|aid)\b)`,
        to: "accepted",
      },
      { pattern: String.raw`\b(?:everyone|everybody|everything|nobody|anyone|nothing|no\s+one)\s+(?<w>accept)\s+(?=(?:the|a|an|for|his|her|their|those|them|him)\b)`, to: "except" },
      { pattern: String.raw`\b(?<w>accept)\s+for\s+(?=(?:the|a|an|his|her|their|one|two|some|those|this|that)\b)`, to: "except" },
    ],
  },
];
