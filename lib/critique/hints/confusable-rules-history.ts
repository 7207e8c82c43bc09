import type { ConfusablePair } from "./confusable-rules";

/**
 * Pairs met mostly in history and politics writing (tenets, dissent, the
 * reins of power, troop morale…). Same rules as CONFUSABLE_PAIRS: only
 * contexts in which the other word is near-certain.
 */
export const HISTORY_CONFUSABLE_PAIRS: readonly ConfusablePair[] = [
  {
    id: "were-where",
    note: "“where” asks or tells about a place; the past of “are” is “were”",
    words: ["where"],
    rules: [
      {
        pattern: String.raw`\b(?:they|we|you|who)\s+(?<w>where)\s+(?=(?:not|being|also|all|very|too|so|more|less|a|an|the|able|unable|forced|killed|sent|given|made|taken|allowed|often|still|now)\b)`,
        to: "were",
      },
    ],
  },
  {
    id: "rein-reign",
    note: "control is held by the “reins”; a “reign” is a monarch’s rule",
    words: ["reign", "reigns"],
    rules: [
      { pattern: String.raw`\bfree\s+(?<w>reign)\b`, to: "rein" },
      { pattern: String.raw`\b(?<w>reigns)\s+(?=of\s+(?:power|government|the\s+state|state|the\s+party|the\s+country)\b)`, to: "reins" },
    ],
  },
  {
    id: "morale-moral",
    note: "a group’s confidence is its “morale”; “moral” concerns right and wrong",
    words: ["moral"],
    rules: [
      {
        pattern: String.raw`\b(?:boost(?:s|ed|ing)?|rais(?:e|es|ed|ing)|sap(?:s|ped|ping)?|undermin(?:e|es|ed|ing)|maintain(?:s|ed|ing)?|lift(?:s|ed|ing)?|lower(?:s|ed|ing)?|destroy(?:s|ed|ing)?|shatter(?:s|ed|ing)?)\s+(?:the\s+)?(?:[\w'’]+\s+)?(?<w>moral)(?=\s*[.,;:)]|\s+(?:of|was|were|fell|collapsed|declined|remained|among)\b)`,
        to: "morale",
      },
    ],
  },
  {
    id: "dominant-dominate",
    note: "“dominate” is the verb; the adjective is “dominant”",
    words: ["dominate"],
    rules: [
      {
        pattern: String.raw`\b(?:the|a|an|its|his|her|their|most)\s+(?<w>dominate)\s+(?=(?:powers?|forces?|party|figures?|position|role|faction|group|class|ideology|state|partner|personality)\b)`,
        to: "dominant",
      },
    ],
  },
  {
    id: "preceding-proceeding",
    note: "what came before is “preceding”; “proceeding” means going on",
    words: ["proceeding"],
    rules: [
      {
        pattern: String.raw`\bthe\s+(?<w>proceeding)\s+(?=(?:years?|decades?|months?|period|days?|weeks?|century|centuries|era|chapter|section|paragraph|winter|summer)\b)`,
        to: "preceding",
      },
    ],
  },
  {
    id: "dissent-descent",
    note: "disagreement is “dissent”; a “descent” is a way down or ancestry",
    words: ["descent"],
    rules: [
      { pattern: String.raw`\b(?:political|internal|public|popular|intellectual|religious|open|growing|widespread|suppress(?:ed)?|crush(?:ed)?|tolerat(?:e|ed))\s+(?<w>descent)\b(?!\s+(?:from|into|of|to)\b)`, to: "dissent" },
      { pattern: String.raw`\b(?<w>descent)\s+(?=(?:within|among|against)\b)`, to: "dissent" },
    ],
  },
  {
    id: "advice-advise",
    note: "“advise” is the verb; what is given is “advice”",
    words: ["advice", "advise"],
    rules: [
      { pattern: String.raw`\b(?:to|would|could|will|should)\s+(?<w>advice)\s+(?=(?:the|him|her|them|his|their|against|that)\b)`, to: "advise" },
      { pattern: String.raw`\b(?:his|her|their|the|military|economic|expert|legal)\s+(?<w>advise)\b(?!\s+(?:and|or)\b)`, to: "advice" },
    ],
  },
  {
    id: "tenet-tenant",
    note: "a principle of a doctrine is a “tenet”; a “tenant” rents a home",
    words: ["tenant", "tenants"],
    rules: [
      { pattern: String.raw`\b(?:central|key|basic|core|fundamental|main)\s+(?<w>tenants?)\b`, to: "tenet" },
      { pattern: String.raw`\b(?<w>tenants?)\s+(?=of\s+(?:Marxism|Leninism|communism|socialism|Stalinism|liberalism|fascism|Nazism|ideology|faith|the\s+(?:faith|ideology|doctrine))\b)`, to: "tenet" },
    ],
  },
  {
    id: "misc-history",
    note: "a commonly confused word in history writing",
    words: ["capitol", "breech", "hoard", "bare"],
    rules: [
      { pattern: String.raw`\b(?<w>capitol)\s+(?=(?:of|city)\b)`, to: "capital" },
      { pattern: String.raw`\b(?<w>breech)\s+(?=of\s+(?:the\s+)?(?:treaty|agreement|contract|trust|peace|promise|faith|law|armistice|pact)\b)`, to: "breach" },
      { pattern: String.raw`\b(?:Mongol|Golden|Tatar|Tartar)\s+(?<w>Hoard)\b`, to: "Horde" },
      { pattern: String.raw`\b(?<w>bare)\s+(?=the\s+brunt\b)`, to: "bear" },
    ],
  },
];
