/**
 * Commonly confused words, each with the contexts in which the written word
 * cannot be right. A rule's pattern must capture the wrong word in the named
 * group `w`; everything else in it is context. Rules are deliberately narrow:
 * a confusion is hinted only where the surrounding words settle it.
 */
export interface ConfusableRule {
  /** Regular-expression source (matched case-insensitively) with a `(?<w>…)` group. */
  pattern: string;
  /** The intended word for the captured one (its case is adapted on use). */
  to: string;
}

/** One pair of confused words and the contexts that decide between them. */
export interface ConfusablePair {
  id: string;
  /** Why the written word is wrong here, for the hint's message. */
  note: string;
  rules: readonly ConfusableRule[];
}

// Reused context fragments.
const DET = "(?:the|its|his|her|their|our|a|an|this|that)";
const MODAL = "(?:to|will|would|could|might|may|must|shall|should|did|didn['’]t|not|cannot|can['’]t|never)";
const LOSABLE =
  "(?:the|their|his|her|its|our|power|control|face|ground|support|influence|faith|territory|popularity|credibility|authority|legitimacy|momentum|hope|interest|office|everything)";

/** The everyday pairs. Add a pair only with contexts that make the other word certain. */
export const CONFUSABLE_PAIRS: readonly ConfusablePair[] = [
  {
    id: "course-coarse",
    note: "“coarse” means rough; a path or direction is a “course”",
    rules: [
      { pattern: String.raw`\b(?<w>coarse)(?=\s+of\b)`, to: "course" },
      { pattern: String.raw`\bof\s+(?<w>coarse)\b`, to: "course" },
      {
        pattern: String.raw`\b(?:chang(?:e|es|ed|ing)|alter(?:s|ed|ing)?|revers(?:e|es|ed|ing)|chart(?:s|ed|ing)?|steer(?:s|ed|ing)?|stay(?:s|ed|ing)?|shap(?:e|es|ed|ing))\s+${DET}\s+(?<w>coarse)\b`,
        to: "course",
      },
    ],
  },
  {
    id: "lose-loose",
    note: "“loose” means slack; to be deprived of something is to “lose” it",
    rules: [
      { pattern: String.raw`\b${MODAL}\s+(?<w>loose)\s+(?=${LOSABLE}\b)`, to: "lose" },
      { pattern: String.raw`\b(?<w>loosing)\s+(?=${LOSABLE}\b)`, to: "losing" },
      { pattern: String.raw`\b(?:a|an|very|rather|fairly|quite|increasingly)\s+(?<w>lose)\b`, to: "loose" },
    ],
  },
  {
    id: "principal-principle",
    note: "a “principle” is a rule or belief; “principal” means main",
    rules: [
      // Not before a noun: "in principal cities" is right.
      {
        pattern: String.raw`\bin\s+(?<w>principal)(?=\s*[,.;:)]|\s+(?:at\s+least|though|but|if|it|he|she|they|this|the|a|an)\b)`,
        to: "principle",
      },
      {
        pattern: String.raw`\b(?<w>principals)\s+(?=of\s+(?:Marxism|Leninism|communism|socialism|democracy|liberalism|capitalism|the\s+revolution|equality|justice|freedom|liberty|self-determination|government|law)\b)`,
        to: "principles",
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
    rules: [
      {
        pattern: String.raw`\b(?:an|the|no|little|great|significant|major|profound|lasting|devastating|immediate|positive|negative|adverse|chilling|desired|opposite|full|real|direct|dramatic|huge|limited|similar)\s+(?<w>affects?)(?=\s+(?:on|upon|of)\b)`,
        to: "effect",
      },
      {
        pattern: String.raw`\b(?:take|takes|took|taken|taking|(?:came|come|comes|coming|put|puts|putting)\s+into|in)\s+(?<w>affect)\b`,
        to: "effect",
      },
    ],
  },
  {
    // "Life was harder then." is right: a comparison needs something after "then".
    id: "than-then",
    note: "comparisons take “than”; “then” is about time",
    rules: [
      {
        pattern: String.raw`\b(?:more|less|rather|better|worse|greater|fewer|larger|smaller|higher|lower|other|stronger|weaker|bigger|faster|slower|harsher|milder|wider|broader|deeper|bolder|braver|clearer|closer|easier|harder|safer|richer|poorer|tougher|wiser|quicker|louder|stricter|bloodier|crueller|crueler|weightier)\s+(?<w>then)\b(?=\s+(?!than\b)[\p{L}\d])`,
        to: "than",
      },
      { pattern: String.raw`\b(?:since|until|till|by|back|from)\s+(?<w>than)\b`, to: "then" },
    ],
  },
  {
    id: "its-its",
    note: "“it’s” means “it is”; the possessive is “its”",
    rules: [
      { pattern: String.raw`\b(?<w>it['’]s)\s+(?=own\b)`, to: "its" },
      { pattern: String.raw`\b(?<w>its)\s+(?=(?:not|been|a|an|the)\b)`, to: "it’s" },
    ],
  },
  {
    id: "their-there",
    note: "“there” is a place or “there is”; belonging to them is “their”",
    rules: [
      {
        pattern: String.raw`\b(?<w>their)\s+(?=(?:is|are|was|were|(?:had|has|have)\s+been|(?:will|would)\s+be|seemed|seems|appeared|remained|existed)\b)`,
        to: "there",
      },
      {
        pattern: String.raw`\b(?:of|in|to|for|with|by|from|on|against|at|into|under|about|through|lost|gained|kept|defended|strengthened|consolidated|increased|abandoned|betrayed)\s+(?<w>there)\s+(?=(?:own|leaders?|leadership|arm(?:y|ies)|governments?|polic(?:y|ies)|power|rule|people|party|countr(?:y|ies)|homes|lives|families|lands?|rights|demands|support(?:ers)?|ideology|members|officers|troops|comrades|enemies|rivals|positions?|authority|influence)\b)`,
        to: "their",
      },
    ],
  },
  {
    id: "led-lead",
    note: "the past tense of “lead” is “led”",
    rules: [
      {
        pattern: String.raw`\b(?:had|has|have|having)\s+(?<w>lead)\s+(?=(?:to|the|a|an|his|her|their|its|many|some|him|them|directly)\b)`,
        to: "led",
      },
      { pattern: String.raw`\b(?:was|were|been|being)\s+(?<w>lead)\s+(?=by\b)`, to: "led" },
    ],
  },
  {
    id: "complement-compliment",
    note: "to “compliment” is to praise; to complete or go well with is to “complement”",
    rules: [
      {
        pattern: String.raw`\b(?<w>compliment(?:s|ed|ing)?)\s+(?=(?:${DET}\s+)?(?:polic(?:y|ies)|strateg(?:y|ies)|programm?es?|reforms?|plans?|efforts?|campaigns?|arm(?:y|ies)|forces|industry|agriculture|economy|measures)\b)`,
        to: "complement",
      },
      {
        pattern: String.raw`\b(?<w>complimentary)\s+(?=(?:roles?|aspects?|goals?|policies|strategies|approaches|forces|parts|skills|interests)\b)`,
        to: "complementary",
      },
    ],
  },
  {
    id: "accept-except",
    note: "“except” means “but”; to agree to something is to “accept” it",
    rules: [
      {
        pattern: String.raw`\b(?:to|would|could|will|not|didn['’]t)\s+(?<w>except)\s+(?=(?:${DET}\s+)?(?:offers?|proposals?|terms|invitation|surrender|resignation|responsibility|treaty|peace|demands|plan|conditions|ultimatum|reforms|authority|leadership|results?|outcome|defeat)\b)`,
        to: "accept",
      },
    ],
  },
];
