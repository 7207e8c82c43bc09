import type { ConfusablePair } from "./confusable-rules";

/**
 * More everyday pairs (past/passed, whether/weather, quite/quiet,
 * role/roll, peace/piece, whose/who's). Same rules as CONFUSABLE_PAIRS: only
 * contexts in which the other word is near-certain.
 */
export const MORE_CONFUSABLE_PAIRS: readonly ConfusablePair[] = [
  {
    id: "passed-past",
    note: "the verb is “passed”; “past” is time gone by",
    words: ["past"],
    rules: [
      { pattern: String.raw`\b(?:years|months|weeks|days|decades|time|hours)\s+(?<w>past)\s+(?=(?:quickly|slowly|by|without|before|until)\b)`, to: "passed" },
      { pattern: String.raw`\b(?:he|she|they|we|army|armies|troops|soldiers|refugees|ships|trains|caravans)\s+(?<w>past)\s+(?=(?:through|over|under|into|across|along|away)\b)`, to: "passed" },
      { pattern: String.raw`\b(?:had|has|have|having)\s+(?<w>past)\s+(?=(?:the|a|an|laws?|legislation|resolutions?|decrees?|measures?|through|away)\b)`, to: "passed" },
      // "As the months past," "when the danger past": time going by is the verb.
      {
        pattern: String.raw`\b(?:as|when|while|once|after|before|until)\s+(?:the\s+)?(?:(?:first|next|following|few|long|many|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:years?|months?|weeks?|days?|decades?|hours?|centuries|century|time|winter|summer|war|crisis|danger|storm|moment|deadline|threat)\s+(?<w>past)\b(?!\s+(?:the|a|an|them|him|her|us|it)\b)`,
        to: "passed",
      },
      { pattern: String.raw`\b(?:years|months|weeks|days|decades|centuries|time)\s+(?:that|which)\s+(?<w>past)\b`, to: "passed" },
      // "Cavour past away": going past is never "away", so after any subject it is the verb.
      { pattern: String.raw`\b(?<!\b(?:went|go|goes|going|ran|run|walked|drove|rushed|hurried|marched|rode|sailed|flew)\s)(?<w>past)\s+(?=away\b)`, to: "passed" },
      {
        pattern: String.raw`\b(?:was|were|been|being)\s+(?<w>past)\s+(?=(?:into\s+law|unanimously|by\s+(?:the\s+)?(?:Congress|Parliament|Senate|House|Assembly|Diet|Duma|legislature|vote|majority)))`,
        to: "passed",
      },
      {
        pattern: String.raw`\b(?:Congress|Parliament|Senate|legislature|Assembly|Diet|Duma|government|he|she|they)\s+(?<w>past)\s+(?=(?:the|a|an|new|several|many)\s+(?:[\p{L}-]+\s+)?(?:laws?|acts?|bills?|resolutions?|decrees?|measures?|legislation|constitution|amendments?|reforms?)\b)`,
        to: "passed",
      },
    ],
  },
  {
    id: "whether-weather",
    note: "“weather” is rain and sun; a choice between alternatives is “whether”",
    words: ["weather", "whether"],
    rules: [
      { pattern: String.raw`\b(?<w>weather)\s+(?=or\s+not\b)`, to: "whether" },
      {
        pattern: String.raw`\b(?:unclear|uncertain|unsure|decide|decided|deciding|wondered|wonder|wondering|asked|ask|asking|debated|debate|doubtful|know|knew|known|doubt|doubted|question|questioned|sure|check|checked|choose|chose|consider|considered|argued|matter|matters|mattered|as\s+to)\s+(?<w>weather)\b(?!\s+(?:conditions?|was|were|is|had|forecasts?|reports?|turned|changed|became|got|grew)\b)`,
        to: "whether",
      },
      { pattern: String.raw`\b(?<w>weather)\s+(?=to\s+(?!the\b)\p{L})`, to: "whether" },
      {
        pattern: String.raw`\b(?:the|bad|good|cold|hot|warm|wet|dry|harsh|severe|stormy|poor|fine|winter|summer|freezing)\s+(?<w>whether)\b(?!\s+(?:or|to|they|he|she|it|we|the|a|an|this|that)\b)`,
        to: "weather",
      },
    ],
  },
  {
    id: "quite-quiet",
    note: "“quiet” means silent or calm; “quite” means fairly or completely",
    words: ["quiet", "quite"],
    rules: [
      { pattern: String.raw`\b(?<w>quiet)\s+(?=(?:a|an)\s+(?:few|lot|bit|number|while|long|large|small|big|different|significant|good|strong)\b)`, to: "quite" },
      {
        pattern: String.raw`(?<!\b(?:a|an|the|this|that|his|her|their|its|very|so|too|more|most|and)\s)\b(?<w>quiet)\s+(?=(?:different|similar|likely|unlikely|possible|impossible|sure|certain|clear|often|rare|common|important|successful|popular|powerful|strong|weak|difficult|hard|easy|simple|right|wrong|true|false|well|late|early|recently|quickly|slowly|suddenly|unusual|moderate|radical|limited|modest|remarkable|effective|surprising|serious|normal|new|sudden|obvious|brutal|violent|small|large|young|old)\b)`,
        to: "quite",
      },
      {
        pattern: String.raw`\b(?:was|were|is|are|be|been|being|remained|remain|remains|stayed|stay|stays|kept|keep|keeps|fell|went|grew|became|become|seemed|very|so|too|relatively|fairly|mostly|completely|strangely|unusually)\s+(?<w>quite)(?=\s*[.,;:!?)]|\s+(?:and|but|until|after|during|while|again|now|about)\b|\s+for\s+(?:a|the|many|several|some|years|months|days|weeks|decades)\b)`,
        to: "quiet",
      },
      {
        pattern: String.raw`\b(?:the|a|an|this|that)\s+(?<w>quite)\s+(?=(?:streets?|towns?|city|village|night|days?|years|period|time|life|voice|man|woman|moment|room|countryside|revolution|diplomacy|resistance|corner|place|majority)\b)`,
        to: "quiet",
      },
    ],
  },
  {
    id: "role-roll",
    note: "a part played is a “role”; a “roll” is a list or a turn",
    words: ["roll", "role", "roles"],
    rules: [
      {
        pattern: String.raw`\b(?:key|major|important|central|leading|significant|vital|crucial|pivotal|decisive|minor|prominent|dominant|influential|big|large|small|huge|great|active|special|similar|different|new|traditional|supporting|dual|double|limited|main)\s+(?<w>roll)\b(?!\s+call)`,
        to: "role",
      },
      { pattern: String.raw`\b(?:play|plays|played|playing)\s+(?:(?:a|an|the|his|her|their|its|no|some|any)\s+)?(?:[\p{L}-]+\s+)?(?<w>roll)\b(?!\s+call)`, to: "role" },
      { pattern: String.raw`\b(?<w>role)\s+(?=call\b)`, to: "roll" },
      { pattern: String.raw`\b(?:voting|electoral|honou?r)\s+(?<w>roles)\b`, to: "rolls" },
    ],
  },
  {
    id: "peace-piece",
    note: "no war is “peace”; a part of something is a “piece”",
    words: ["piece", "peace"],
    rules: [
      { pattern: String.raw`\bthe\s+(?<w>piece)\s+(?=(?:was|had\s+been|had)\s+(?:signed|broken|agreed|kept|restored|made|concluded|shattered)\b)`, to: "peace" },
      {
        pattern: String.raw`\b(?<w>piece)\s+(?=(?:treat(?:y|ies)|talks|conference|negotiations?|settlement|agreement|process|deal|terms|offer|plan|movement|accord|conditions|proposals?|envoy|delegation|mission|prize|keeping|keepers?|time|dividend|pact)\b)`,
        to: "peace",
      },
      {
        pattern: String.raw`\b(?:make|made|makes|making|sign|signed|signing|keep|kept|keeping|brought|bring|bringing|restore|restored|restoring|wanted|want|wants|sought|seek|seeks|negotiate|negotiated|at|in|for|lasting|world|permanent|separate|uneasy|fragile)\s+(?<w>piece)\b(?!\s+(?:of|by|together)\b)`,
        to: "peace",
      },
      { pattern: String.raw`\b(?:a|one|each|every|another|small|large|big|final|last)\s+(?<w>peace)\s+(?=of\b)(?!of\s+mind\b)`, to: "piece" },
    ],
  },
  {
    id: "whose-whos",
    note: "“who’s” means “who is”; belonging to whom is “whose”",
    words: ["who's", "whose"],
    rules: [
      // "a man who's army beat…": a noun (not -ly, -ing, -ed, -en) and then its verb.
      {
        pattern: String.raw`\b(?<w>who['’]s)\s+(?=(?!(?:been|going|gone|got|not|also|always|never|now|still|just|really|very|so|the|a|an|in|on|at|to|responsible|right|wrong|ready|able|about|here|there|sure|afraid|likely|known)\b)(?![\p{L}-]*(?:ly|ing|ed|en)\b)[\p{L}-]+\s+(?:was|were|is|are|had|has|beat|won|lost|led|fought|made|took|became|included|went|came|ran|grew|spread|fell|rose|stood|held|left|gave|kept|brought|built|sent|saw|knew|told|began|broke|drove|swept|[\p{L}]+ed)\b)`,
        to: "whose",
      },
      { pattern: String.raw`\b(?<w>whose)\s+(?=(?:going|coming|been|doing|leading|trying|not|never|always|still)\b)`, to: "who’s" },
    ],
  },
];
