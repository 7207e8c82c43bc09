import type { ConfusablePair } from "./confusable-rules";

// Word-class contexts: what stands before a word tells a noun from a verb or an adjective.
/** Before a verb's bare form: "to", a modal, "not". */
const BEFORE_VERB = "(?:to|would|could|will|can|cannot|can['’]t|might|must|shall|should|did|didn['’]t|not|never)";
/** The end of a clause after the word: punctuation or a joining word. */
const CLAUSE_END = String.raw`(?=\s*[.,;:!?)]|\s+(?:and|but|or|so|while|when|again)\b)`;

/**
 * The everyday pairs students confuse beyond the first lists (advice/advise,
 * breath/breathe, personal/personnel, hole/whole, reign/rein, wander/wonder,
 * desert/dessert, moral/morale, peace/piece, council/counsel,
 * elicit/illicit, stationary/stationery, allusion/illusion, bare/bear,
 * brake/break, precede/proceed, sole/soul, waive/wave). Each rule reads the
 * word's class off the words around it (a determiner before it asks for a
 * noun, "to" or a modal for a verb, a noun after it for an adjective) and
 * fires only where the written word cannot have that class, or where a fixed
 * construction settles it ("of course", "as a whole", "torn to pieces").
 */
export const EVERYDAY_CONFUSABLE_PAIRS: readonly ConfusablePair[] = [
  {
    id: "except-accept-subject",
    note: "“except” means “but”; to agree to something is to “accept” it",
    words: ["accept"],
    // After "every country" or "each state" a verb would need its -s ("accepts"): a bare "accept" there is "except".
    rules: [{ pattern: String.raw`\b(?:[Ee]very|[Ee]ach)\s+\p{L}+\s+(?<w>accept)\s+(?=(?:for\s+)?\p{Lu})`, to: "except", isCaseSensitive: true }],
  },
  {
    id: "principles-of-rule",
    note: "a “principle” is a rule or belief; “principals” are heads or chief people",
    words: ["principals", "principal"],
    rules: [
      {
        pattern: String.raw`\b(?<w>principals?)\s+(?=of\s+(?:his|her|their|its|the|this|that)\s+(?:rule|reign|government|faith|religion|polic(?:y|ies)|thought|teaching|philosophy|movement|revolution|constitution|state|empire|economy|ideology|doctrine|party)\b)`,
        to: "principle",
      },
    ],
  },
  {
    id: "sight-site-seen",
    note: "what is seen is a “sight”; a “site” is a place",
    words: ["site"],
    rules: [
      {
        pattern: String.raw`\b(?:incredible|amazing|terrible|horrible|dreadful|grim|pitiful|sorry|welcome|familiar|wonderful|astonishing|extraordinary|frightening|shocking|sad|heartbreaking|terrifying|unforgettable)\s+(?<w>site)\b(?!\s+(?:for|of|where|to|in|on)\b)`,
        to: "sight",
      },
    ],
  },
  {
    id: "advice-advise-class",
    note: "“advise” is the verb; what is given or taken is “advice”",
    words: ["advise", "advice"],
    rules: [
      { pattern: String.raw`\b(?:for|of|some|any|much|no|good|bad|sound|wise|poor|little|such|took|take|takes|taking|ignored|ignore|ignoring|followed|follow|following|gave|give|gives|giving|sought|seek|seeking|asked\s+for|ask\s+for)\s+(?<w>advise)\b(?!\s+(?:him|her|them|us|me|you|the|that|against|on|whether)\b)`, to: "advice" },
      { pattern: String.raw`\b(?:he|she|they|we|I)\s+(?<w>advice)\s+(?=(?:him|her|them|us|me|the|that|against)\b)`, to: "advise" },
    ],
  },
  {
    id: "breath-breathe",
    note: "“breath” is the noun; the verb is “breathe”",
    words: ["breath", "breathe"],
    rules: [
      { pattern: String.raw`\b(?:${BEFORE_VERB}|barely|hardly|could\s+not)\s+(?<w>breath)(?=\s*[.,;:!?)]|\s+(?:again|freely|easily|properly|normally|in|out|the\s+air|fresh)\b)`, to: "breathe" },
      { pattern: String.raw`\b(?:a|his|her|their|my|our|last|deep|fresh|of|catch\s+(?:his|her|their|its|my|our)|held\s+(?:his|her|their|its|my|our)|hold\s+(?:his|her|their|its|my|our)|under\s+(?:his|her|their))\s+(?<w>breathe)\b`, to: "breath" },
    ],
  },
  {
    id: "personal-personnel",
    note: "staff and soldiers are “personnel”; “personal” means of one person",
    words: ["personal", "personnel"],
    rules: [
      { pattern: String.raw`\b(?:military|army|naval|navy|medical|security|trained|enemy|embassy|civilian|far\s+more|many\s+more|fewer|extra|additional|enough|its)\s+(?<w>personal)\b(?=\s*[.,;:!?)]|\s+(?:were|was|from|who|had|and|to\s+(?!(?:him|her|them|me|us|you|the|a|his|their)\b)\p{Ll}))`, to: "personnel" },
      { pattern: String.raw`\b(?<w>personnel)\s+(?=(?:life|lives|letters?|diary|diaries|friends?|friendship|relationships?|rule|loyalty|ambitions?|belongings|fortune|rivalry|feud|hatred|charm|courage|opinions?|affairs?|freedom|liberty|property|appearance|experience|reasons?|gain|glory|power|wealth)\b)`, to: "personal" },
    ],
  },
  {
    id: "hole-whole",
    note: "“whole” means entire; a “hole” is a gap",
    words: ["hole", "whole"],
    rules: [
      { pattern: String.raw`\b(?:the|a|this|that|his|her|their|its|our)\s+(?<w>hole)\s+(?=(?:generations?|country|nation|world|empire|population|army|family|continent|region|city|town|village|war|period|century|decade|year|story|system|process|society|people|class|community|kingdom|state|coast|island|peninsula|front|regiment|fleet|economy|movement|revolution|time|day|life|thing)\b)`, to: "whole" },
      { pattern: String.raw`\bas\s+a\s+(?<w>hole)\b`, to: "whole" },
      { pattern: String.raw`\bon\s+the\s+(?<w>hole)(?=\s*,)`, to: "whole" },
      { pattern: String.raw`\ba\s+(?<w>whole)\s+(?=in\s+(?:the|a|an|his|her|their|its)\b)`, to: "hole" },
    ],
  },
  {
    id: "reign-rein-class",
    note: "a monarch’s rule is a “reign”; “reins” steer a horse",
    words: ["rein", "reined", "reigns", "reign"],
    rules: [
      { pattern: String.raw`\b(?:the|his|her|their|its)\s+(?:(?:long|short|brief|early|late|whole|troubled|peaceful)\s+)?(?<w>rein)\s+(?=of\b)`, to: "reign" },
      { pattern: String.raw`\b(?:during|under|in|throughout)\s+(?:the|his|her|their|its)\s+(?:(?:long|short|brief|early|late|whole|troubled|peaceful)\s+)?(?<w>rein)\b`, to: "reign" },
      { pattern: String.raw`\b(?:king|queen|emperor|empress|sultan|tsar|czar|shah|pharaoh|monarch|who)\s+(?<w>reined)\s+(?=(?:from|for|until|over|as)\b)`, to: "reigned" },
      { pattern: String.raw`\b(?:tight|loose|short)\s+(?<w>reigns?)\b`, to: "rein" },
    ],
  },
  {
    id: "wander-wonder",
    note: "to roam is to “wander”; to ask oneself is to “wonder”",
    words: ["wonder", "wondered", "wondering", "wonders", "wander", "wandered", "wandering"],
    rules: [
      { pattern: String.raw`\b(?<w>wonder(?:ed|ing|s)?)\s+(?=(?:across|through|around|along|into|off|away|aimlessly|the\s+(?:streets|countryside|roads|land))\b)`, to: "wander" },
      { pattern: String.raw`\b(?:no|small|little)\s+(?<w>wander)\b`, to: "wonder" },
      { pattern: String.raw`\b(?<w>wander(?:ed|ing|s)?)\s+(?=(?:if|whether|why|how|what)\b)`, to: "wonder" },
    ],
  },
  {
    id: "desert-dessert",
    note: "to abandon is to “desert”, and a dry land is a “desert”; a “dessert” is a sweet course",
    words: ["dessert", "desserted", "desserting", "dessertion", "desserters", "desserter", "dessertions"],
    rules: [
      { pattern: String.raw`\b(?<w>dessert(?:ed|ing))\b`, to: "desert" },
      { pattern: String.raw`\b(?<w>desserters?)\b`, to: "deserter" },
      { pattern: String.raw`\b(?<w>dessertions?)\b`, to: "desertion" },
      { pattern: String.raw`\b(?:${BEFORE_VERB}|who|they|he|she|began\s+to|started\s+to)\s+(?<w>dessert)\s+(?=(?:the|their|his|her|its|our|them|him|en\s+masse)\b)`, to: "desert" },
      { pattern: String.raw`\b(?:Sahara|Gobi|Kalahari|Namib|Arabian|Syrian|Negev|Sinai|Atacama|Libyan|Thar|Taklamakan|Western)\s+(?<w>dessert)\b`, to: "desert" },
      { pattern: String.raw`\b(?:the|a|vast|hot|open|empty|dry|sandy|harsh)\s+(?<w>dessert)\s+(?=(?:sands?|storms?|heat|tribes?|campaign|routes?|oasis|caravans?|warfare|nomads?|regions?)\b)`, to: "desert" },
    ],
  },
  {
    id: "morale-moral-class",
    note: "a group’s fighting spirit is its “morale”; a “moral” is a lesson",
    words: ["moral", "morale"],
    rules: [
      { pattern: String.raw`\b(?<w>moral)\s+(?=(?:of|among)\s+(?:(?:the|his|her|their|its)\s+)?(?:armies|army|troops|soldiers|men|sailors|navy|population|civilians|workers|nation|garrison|defenders|regiments?|crews?|forces|rebels|citizens)\b)`, to: "morale" },
      { pattern: String.raw`\b(?:army|troop|military|civilian|national|low|high|poor|flagging|sinking|falling)\s+(?<w>moral)(?=\s*[.,;:!?)]|\s+(?:was|were|fell|sank|collapsed|improved|rose|remained|declined|dropped|broke)\b)`, to: "morale" },
      { pattern: String.raw`\b(?<w>morale)\s+(?=(?:duty|obligations?|values|principles?|code|authority|standards?|philosophy|compass|outrage|responsibility|dilemma|lesson|grounds?|high\s+ground)\b)`, to: "moral" },
    ],
  },
  {
    id: "pieces-peaces",
    note: "parts are “pieces”; “peace” is the end of war and has no plural in this sense",
    words: ["peaces", "peace"],
    rules: [
      { pattern: String.raw`\b(?:to|into|in|many|several|small|two|three|few|broken|all\s+the)\s+(?<w>peaces)\b`, to: "pieces" },
      { pattern: String.raw`\b(?<w>peace)\s+(?=by\s+piece\b)`, to: "piece" },
    ],
  },
  {
    id: "council-counsel",
    note: "a “council” is a body that meets; “counsel” is advice or a lawyer",
    words: ["counsel", "council", "councilled"],
    rules: [
      { pattern: String.raw`\b(?:city|town|village|county|district|regional|privy|war|revolutionary|national|executive|security|legislative|grand|supreme|ecumenical|church|local|municipal|tribal|regency|the\s+state)\s+(?<w>counsel)\b`, to: "council" },
      { pattern: String.raw`\b(?:the|a)\s+(?<w>counsel)\s+(?=(?:met|voted|decided|ruled|declared|members?|meeting|chamber|elected|was\s+(?:formed|created|set\s+up|dissolved|elected|summoned))\b)`, to: "council" },
      { pattern: String.raw`\b(?<w>Counsel)\s+(?=of\s+(?:Trent|Nicaea|Constance|Chalcedon|Clermont|Ten|Europe|the\s+Indies)\b)`, to: "Council" },
      { pattern: String.raw`\b(?:keep|keeps|kept|keeping)\s+(?:his|her|their|its|my|our)\s+own\s+(?<w>council)\b`, to: "counsel" },
      { pattern: String.raw`\b(?:wise|sound|legal|spiritual)\s+(?<w>council)\b`, to: "counsel" },
      { pattern: String.raw`\b${BEFORE_VERB}\s+(?<w>council)\s+(?=(?:him|her|them|us|me|against|patience|caution)\b)`, to: "counsel" },
    ],
  },
  {
    id: "elicit-illicit",
    note: "“illicit” means forbidden; to “elicit” is to draw out",
    words: ["elicit", "illicit", "illicited"],
    rules: [
      { pattern: String.raw`\b(?:an?|the|this|that|their|his|her|its|such)\s+(?<w>elicit)\s+(?=\p{L})`, to: "illicit" },
      { pattern: String.raw`\b(?<w>elicit)\s+(?=(?:trade|trading|drugs?|affairs?|goods|liquor|alcohol|traffic|activit(?:y|ies)|market|smuggling|gambling|relationships?)\b)`, to: "illicit" },
      { pattern: String.raw`\b(?<w>illicited)\b`, to: "elicited" },
      { pattern: String.raw`\b(?:${BEFORE_VERB}|failed\s+to|tried\s+to)\s+(?<w>illicit)\s+(?=(?:a|an|the|some|any|his|her|their|sympathy|support|information|responses?|reactions?|confessions?)\b)`, to: "elicit" },
    ],
  },
  {
    id: "stationary-stationery",
    note: "“stationary” means not moving; “stationery” is writing paper",
    words: ["stationery", "stationary"],
    rules: [
      { pattern: String.raw`\b(?:remained|remain|remains|stayed|stay|stays|kept|stood|became|become|almost|largely|nearly|completely|fairly|was|were)\s+(?<w>stationery)\b(?!\s+(?:shops?|and|of)\b)`, to: "stationary" },
      { pattern: String.raw`\b(?<w>stationery)\s+(?=(?:fronts?|armies|army|troops|targets?|positions?|lines?|warfare|population|engines?|guns?|phase)\b)`, to: "stationary" },
      { pattern: String.raw`\b(?<w>stationary)\s+(?=(?:shops?|stores?|suppliers?|and\s+(?:ink|paper|pens|envelopes))\b)`, to: "stationery" },
      { pattern: String.raw`\b(?:letterhead|official|office|headed|writing|printed|embossed|hotel)\s+(?<w>stationary)${CLAUSE_END}`, to: "stationery" },
    ],
  },
  {
    id: "allusion-illusion",
    note: "a false impression is an “illusion”; an “allusion” is a passing reference",
    words: ["allusion", "allusions", "illusion", "illusions"],
    rules: [
      { pattern: String.raw`\b(?<w>allusions?)\s+(?=(?:of|that)\b)`, to: "illusion" },
      { pattern: String.raw`\b(?:under\s+(?:the|an|no)|optical|mere|pure|dangerous|false|comforting|lost\s+(?:all|their|his|her|any)|shattered\s+the|dispel(?:led)?\s+the)\s+(?<w>allusions?)\b(?!\s+to\b)`, to: "illusion" },
      { pattern: String.raw`\b(?:made|makes|make|making|biblical|classical|literary|direct|veiled|frequent|obvious|historical)\s+(?:(?:a|an|clear|direct|veiled|obvious|biblical|classical|literary)\s+)?(?<w>illusions?)\s+(?=to\s+(?:the|a|an|his|her|their)\b)`, to: "allusion" },
    ],
  },
  {
    id: "bear-bare",
    note: "to carry or endure is to “bear”; “bare” means uncovered",
    words: ["bare", "bear"],
    rules: [
      { pattern: String.raw`\b(?:${BEFORE_VERB}|had\s+to)\s+(?<w>bare)\s+(?=(?:arms|witness|fruit|responsibility|children|the\s+(?:cost|burden|weight|blame|consequences|pain|strain|loss)))`, to: "bear" },
      { pattern: String.raw`\b(?:the|his|her|their|its)\s+(?<w>bear)\s+(?=(?:minimum|essentials|necessities|hands|feet|floor|walls?|bones|facts|rations?)\b)`, to: "bare" },
      { pattern: String.raw`\b(?<w>bear)(?=foot(?:ed)?\b|[\s-](?:foot(?:ed)?|handed|headed)\b)`, to: "bare" },
    ],
  },
  {
    id: "break-brake",
    note: "to “break” is to smash or end; a “brake” slows something down",
    words: ["brake", "brakes", "break", "breaks"],
    rules: [
      { pattern: String.raw`\b(?:${BEFORE_VERB}|tried\s+to|began\s+to|they|he|she|we)\s+(?<w>brake)\s+(?=(?:away|free|out|through|ranks|ties|relations|promises?|the\s+(?:siege|blockade|deadlock|stalemate|line|lines|treaty|law|promise|news|record|power|strike|will|union|resistance|silence|rules?))\b)`, to: "break" },
      { pattern: String.raw`\b(?:war|fighting|revolt|rebellion|riots?|fire|plague|epidemic|violence|revolution|mutiny|strikes?)\s+(?:would\s+|had\s+|could\s+)?(?<w>brakes?)\s+(?=out\b)`, to: "break" },
      { pattern: String.raw`\b(?:clean|complete|decisive|final|sharp|lucky)\s+(?<w>brake)\b`, to: "break" },
      { pattern: String.raw`\b(?:put|puts|putting|applied|apply|applying|slammed|hit|hitting)\s+(?:the|a|its|their|his|her)\s+(?<w>breaks?)\s+(?=on\b)`, to: "brake" },
    ],
  },
  {
    id: "precede-proceed",
    note: "to come before is to “precede”; to go on is to “proceed”",
    words: ["preceded", "precede", "precedes", "preceding", "proceeded", "proceed", "proceeds", "proceeding"],
    rules: [
      { pattern: String.raw`\b(?<w>preceded)\s+(?=to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those)\b)\p{L})`, to: "proceeded" },
      { pattern: String.raw`\b(?<w>precedes?)\s+(?=to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those)\b)\p{L})`, to: "proceed" },
      { pattern: String.raw`\b(?:was|were|is|are|been|being|be)\s+(?<w>proceeded)\s+(?=by\b)`, to: "preceded" },
      { pattern: String.raw`\b(?:which|that|who|years|decades|months|events|war|wars|crisis)\s+(?<w>proceed(?:ed|s)?)\s+(?=(?:it|them|him|her|the\s+(?:war|revolution|crisis|invasion|collapse|election|treaty|reforms?))\b)`, to: "precede" },
    ],
  },
  {
    id: "sole-soul",
    note: "“sole” means only; a “soul” is a person’s spirit",
    words: ["soul", "sole"],
    rules: [
      { pattern: String.raw`\b(?:the|his|her|their|its|a)\s+(?<w>soul)\s+(?=(?:ruler|purpose|aim|goal|reason|survivors?|heir|owner|authority|source|responsibility|representative|candidate|exception|remaining|right|control|possession|objective|means|motive|member|supplier|producer|exporter|party|judge|arbiter|commander|master|sovereign)\b)`, to: "sole" },
      { pattern: String.raw`\b(?:every|not\s+a|a\s+single|living|human|lost|immortal|kindred|brave|body\s+and|heart\s+and)\s+(?<w>sole)\b(?=\s*[.,;:!?)]|\s+(?:of|was|in|to|who|would|could|knew|left|survived|came|dared)\b)`, to: "soul" },
    ],
  },
  {
    id: "waive-wave",
    note: "to give up a right is to “waive” it; a “wave” is a surge or a greeting",
    words: ["wave", "waved", "waves", "waving", "waive", "waives", "waived", "waiving"],
    rules: [
      { pattern: String.raw`\b(?<w>wave[ds]?|waving)\s+(?=(?:(?:the|their|his|her|its|all|any)\s+)?(?:rights?|fees?|claims?|debts?|requirements?|tariffs?|immunity|objections?|restrictions|penalt(?:y|ies)|charges)\b)`, to: "waive" },
      { pattern: String.raw`\b(?:a|the|new|first|second|third|great|huge|massive|fresh|another|tidal|crime|heat|strike|refugee)\s+(?<w>waives?)\b(?!\s+(?:the|his|her|their|its|all|any)\b)`, to: "wave" },
      { pattern: String.raw`\b(?<w>waiv(?:e|ed|es|ing))\s+(?=(?:flags?|banners?|goodbye|farewell|at\b|to\s+the\s+crowds?|(?:their|his|her)\s+(?:hands?|arms|hats?|flags?|swords?)))`, to: "wave" },
    ],
  },
];
