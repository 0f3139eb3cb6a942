"""The crisis rule tables: what suicide and self-harm sound like, and what undoes a match.

Patterns only, as strings with macros (<im>, <dont>, <drug>, …) that crisis.py expands and
compiles; the reading itself (whose words, a denial, a joke, a page) is in crisis.py, and the
rules for being hurt right now are there too. Every pattern is linear: no nested unbounded
repeats, and every gap is bounded.
"""

from __future__ import annotations

from typing import Literal

CrisisKind = Literal["suicide", "self_harm", "hurt_now"]
CRISIS_KINDS: tuple[CrisisKind, ...] = ("suicide", "self_harm", "hurt_now")

RULES: tuple[tuple[CrisisKind, str, str], ...] = (
    # --- suicide: saying it ---
    ("suicide", "kill myself", r"(?:kill|off|end|top|hang|drown|shoot|poison|gas|"
     r"unalive)\s+my\s*self(?!\s+(?:laughing|with\s+laughter|at\s+the\s+gym|working|"
     r"over\s+(?:this|it|work)|trying|to\s+(?:get|finish|make)))|\bkms\b|unalive"),
    ("suicide", "suicide", r"suicid(?:e|al)(?!s)(?!\s+(?:squad|prevention|hotline|line|drills?))|"
     r"suicides?\s+(?:note|attempt)"),
    ("suicide", "end my life", r"(?:end|ending|ended|finish|finishing|take|taking|took|"
     r"stop)\s+my\s+(?:own\s+)?life|end(?:ing)?\s+(?:it\s+all|everything|it\s+for\s+good|"
     r"it\s+forever)|thinking\s+(?:every\s+day\s+)?<to>\s+(?:finish|end|die|jump|kill)"),
    ("suicide", "end it", r"end(?:ing)?\s+it\b(?!\s+(?:with|between|off|early|here|there|"
     r"now\s+with))"),
    ("suicide", "it all to end", r"(?:need|want|wish|like)\w*\s+(?:it|this|everything|the\s+pain|"
     r"it\s+all)\s+<to>\s+(?:just\s+)?(?:end|stop)\b[.,\s]{0,3}(?:for\s+good|forever|permanently|"
     r"for\s+ever)|too\s+tired\s+(?:to\s+)?(?:keep\s+)?(?:living|go\s+on|live)\b|"
     r"rest\s+(?:forever|for\s+good)|(?:died|dead)\s+inside\b[^\n]{0,60}(?:official|for\s+real|"
     r"finish|properly)|hop\w+\s+(?:that\s+)?my\s+heart\s+(?:\w+\s+)?(?:stops|gives\s+out)|"
     r"(?:it\s+all|all\s+of\s+(?:it|this)|everything|my\s+life|life)\s+<to>\s+(?:be\s+over|end|"
     r"stop)\b(?![^.!?\n]{0,10}\bfor\s+a)|(?:want|wish)\s+that\s+(?:everything|all|it\s+all|"
     r"my\s+life)\s+(?:finish|end|stop)|(?:everything|all|"
     r"my\s+life)\s+(?:to\s+)?finish(?:es)?\s+for\s+me"),
    # --- suicide: wishing not to be ---
    ("suicide", "want to die", r"(?:want|wanted|wanna|wish|wished|wishing|need|needed|ready|"
     r"like)\s+(?:<to>\s+)?<adv>(?:die|be\s+dead|not\s+(?:to\s+)?(?:be\s+)?(?:here|alive|exist|"
     r"around)|stop\s+existing(?!\s+(?:on|in|at|for\s+a))|not\s+exist|disappear\s+(?:for\s+good|"
     r"forever|for\s+ever|permanently|and\s+never)|be\s+gone\s+for\s+good)\b|(?:want|wish|"
     r"thing\s+<i>\s+\w*\s*want)\s+is\s+(?:<to>\s+)?(?:not\s+(?:to\s+)?be\s+(?:here|alive|"
     r"around)|die|be\s+dead)"),
    ("suicide", "rather be dead", r"better\s+(?:that|if)\s+<i>\s+(?:am\s+|was\s+|were\s+|"
     r"'m\s+)?(?:dead|die|gone|not\s+here)|(?:wish|hope)\s+<i>\s+(?:could|would|"
     r"'d)\s+<adv>(?:die|not\s+wake|never\s+wake|disappear\s+forever|sleep\s+forever|"
     r"stop\s+existing|fall\s+asleep\s+and\s+(?:not|never))|(?:rather|"
     r"better\s+off)\s+(?:be\s+)?(?:dead|die|not\s+(?:be\s+)?(?:here|alive|exist))|"
     r"wish\s+<i>\s+(?:was|were|'d\s+been)\s+(?:dead|never\s+born)|wish\s+<i>(?:'d|"
     r"\s+had)?\s+never\s+(?:been\s+born|existed|woken)|(?:done|finished)\s+(?:with|w)\s+(?:life|"
     r"living|being\s+alive|existing|this\s+(?:life|world))\b|(?:sleep|sleeping)\s+(?:forever|"
     r"for\s+ever|for\s+good)|eternal\s+sleep|(?:except|other\s+than|besides|apart\s+from|"
     r"but)\s+(?:dying|death|to\s+die|ending\s+it|suicide|killing\s+myself)|(?:picturing|"
     r"imagining|planning|thinking\s+about)\s+my\s+(?:own\s+)?funeral|ceas(?:e|ed|"
     r"ing)\s+to\s+exist"),
    ("suicide", "don't want to live", r"(?:<dont>|no\s+longer|not|never)\s+<adv>(?:want|wanna|"
     r"wish|wanting)\s+(?:<to>\s+)?(?:live(?!\s+like\s+this)|be\s+alive|exist|wake\s+up|"
     r"be\s+here\s+any\s*more(?![^\n]{0,40}\b(?:with\s+(?:him|her|them|you)|relationship|"
     r"marriage|job|city|town))|be\s+around\s+any\s*more|go\s+on|keep\s+going|"
     r"carry\s+on)(?!\s+(?:with|in|at|near|there|like\s+(?:that|him|her)|together|alone\s+with))"),
    ("suicide", "never wake up", r"(?:sleep|asleep)\s+(?:\w+\s+){0,3}?(?:and|"
     r"&)\s+(?:<to>\s+)?(?:never|not|don't)\s+(?:<to>\s+)?(?:have\s+to\s+)"
     r"?(?:wake\b(?![^.!?\n]{0,12}\b(?:until|till|til|before))|(?:feel|hurt|"
     r"think)\s+(?:\w+\s+){0,2}again)|hope\s+<i>\s+(?:<dont>|never|<wont>)\s+wake|(?:never|"
     r"not)\s+wake\s+up\s+(?:again|at\s+all|ever)"),
    ("suicide", "no point going on", r"(?:no|any|the)\s+(?:point|reason|"
     r"use)\s+(?:for\s+me\s+)?(?:of|in|to|for)\s+(?:go(?:ing)?\s+on|liv(?:e|ing)|being\s+alive|"
     r"be\s+alive|carry(?:ing)?\s+on|keep(?:ing)?\s+going|being\s+here|wak(?:e|ing)\s+up)|"
     r"(?:<dont>|<cant>)\s+see\s+(?:the|any)\s+point\s*(?:any\s*more|in\s+(?:anything|living|"
     r"going\s+on|any\s+of\s+(?:it|this)|life|being\s+here|trying))\s*(?:[.!?,;]|$)"),
    ("suicide", "can't go on living", r"<cant>\s+(?:keep|go\s+on|carry\s+on)\s+(?:living|"
     r"being\s+alive|existing)|<cant>\s+(?:go\s+on|do\s+this|take\s+(?:it|"
     r"this))\s+any\s*more\b[^.!?\n]{0,20}(?:i'm\s+done|goodbye|sorry)|<cant>\s+(?:go\s+on|"
     r"do\s+this|take\s+(?:it|this))\s+any\s*more\b[^\n]{0,30}(?:i'm\s+done|goodbye)|(?:life|"
     r"living)\s+(?:isn't|is\s+not|ain't)\s+worth|(?:tired|sick)\s+of\s+(?:being\s+alive|living|"
     r"life|existing)\b(?!\x27|\s+(?:out|in|with|like|at|here|there|on|under|from|off|alone|"
     r"together|s\b))"),
    # --- suicide: feeling a burden ---
    ("suicide", "better off without me", r"(?:better|happier|fine|free|freer|lighter|easier|"
     r"more\s+happy|safer|okay|ok)\s+(?:off\s+|place\s+)?<without>\s*me\b|(?:world|everyone|"
     r"every1|they|you|he|she|family)\s+(?:would|will|wd|'d)\s+(?:\w+\s+){0,2}(?:miss|"
     r"notice)\s+me|(?:better|easier|happier|simpler|lighter|free|freer|kinder|peace|"
     r"relief)\b[^.!?\n]{0,40}\b(?:if|when|once)\s+<i>\s+(?:\w+\s+){0,2}?(?:(?:wasn't|weren't|"
     r"was\s+not|were\s+not)\s+(?:\w+\s+)?(?:here|around|alive|born)|didn't\s+exist|"
     r"ceased?\s+to\s+exist|disappeared\b(?!\s+(?:to|for|into|off|on|down)\b)|(?:was|were|am|"
     r"'m)\s+(?:gone|dead)|died|stopped\s+existing|no\s+longer\s+(?:here|around|alive|existed))"),
    ("suicide", "better life without me", r"(?:kids|children|family|everyone|they|he|she|"
     r"you)\s+(?:would|will|'d|could)\s+(?:have\s+)?(?:a\s+)?better\s+(?:life|"
     r"off)\s+(?:with\s+(?:a\s+)?(?:different|another|new)\s+(?:mum|mom|dad|mother|father|parent|"
     r"wife|husband|partner)|without\s+me)|(?:thinking|thought|planning|planned|worked\s+out|"
     r"figured\s+out|decided)\s+(?:about\s+)?how\s+(?:<i>'d|<i>\s+would|<i>\s+will|<i>'ll|"
     r"to)\s+do\s+it\b(?!\s+(?:differently|better|again|next\s+time|properly))|my\s+will\s+(?:is|"
     r"'s)\s+(?:written|done|sorted|made|signed)\b[^\n]{0,80}(?:sorted|afraid|goodbye|letters?|"
     r"ready)"),
    ("suicide", "nobody would miss me", r"(?:nobody|no\s+one|no1)\s+(?:would|will|wd|"
     r"'d)\s+(?:even\s+)?(?:miss\s+me|cry\s+for\s+me|mourn|care|notice)\b(?=\s*(?:[.,;!?]|$|"
     r"if\s+<i>\s+(?:\w+\s+)?(?:died|disappeared|wasn't|weren't|killed|didn't\s+wake|(?:was|were|"
     r"am|'m)\s+(?:gone|dead|dying|not\s+here))|(?:if|when)\s+<im>\s+(?:gone|dead|dying)|"
     r"that\s+<im>\s+gone))"),
    ("suicide", "a burden", r"(?:a|the|only|just)\s+(?:burden|problem)\s+(?:to|on|for|"
     r"in)\s+(?:everyone|every1|everybody|you|them|my\s+(?:family|kids|children|friends|loved|"
     r"parents)|the\s+people|everyone's)|<im>\s+(?:such\s+)?a\s+burden"),
    ("suicide", "once I'm gone", r"(?:if|when|once|after)\s+(?:<im>|<i>\s+was|<i>\s+were|"
     r"<i>)\s+(?:no\s+longer\s+(?:alive|here|around)|not\s+(?:alive|here|around)\s+any\s*more|"
     r"gone\s+for\s+good|out\s+of\s+the\s+picture|dead|died)|(?:out\s+of\s+the\s+picture|"
     r"rid\s+of\s+me|free\s+of\s+me)\s+(?:for\s+good|forever|permanently)|(?:when|after|"
     r"once)\s+<im>\s+gone\b(?!\s+(?:for|to|on|away|out|abroad|overseas))|(?:bc|because|cos|"
     r"cause)\s+<im>\s+gone"),
    ("suicide", "dying as an answer", r"(?:dying|death|dead)\s+(?:feels|seems|appears|would\s+be|"
     r"is)\s+(?:\w+\s+){0,3}(?:kindest|only|best|easiest|answer|resolution|solution|way\s+out|"
     r"relief)|(?:tracks|bridge|river|rope|pills|edge|ledge|roof|overpass|cliff|"
     r"sea)\b[^.!?\n]{0,60}(?:like\s+an?\s+answer|the\s+(?:only\s+)?(?:answer|way\s+out)|"
     r"an\s+(?:escape|option))"),
    ("suicide", "thinking about dying", r"(?:think|thinking|thought|thoughts)\s+(?:about|abt|"
     r"of)\s+(?:dying\b(?!\s+(?:alone|young|before|without|old))|my\s+(?:own\s+)?death|"
     r"ending\s+(?:it|my|things)|not\s+(?:being\s+here|existing|waking|turning\s+it\s+off)|"
     r"killing|suicide|jumping|stepping\s+off|sliding\s+under)|think\s+(?:about|"
     r"of)\s+is\s+(?:dying|death|killing|ending|not\s+being)|(?:about|of)\s+jumping\b(?!\s+(?:in|"
     r"into\s+the\s+pool|on|rope))|(?:think|thinking|thought)\s+(?:about|abt|"
     r"of)\s+(?:the\s+)?(?:bridge|tracks|river|ledge|roof|overpass|edge|cliff|rope|pills|"
     r"tablets)\b(?!\s+(?:we|that|where|in|on|near|at|by|from|they|he|she|i|and\s+(?:the|our)|"
     r"for)\b)|not\s+a\s+joke\s+this\s+time"),
    # --- suicide: plans and means ---
    ("suicide", "pills", r"(?:counted|count|counting|saved|saving|save|stockpil\w+|hoard\w*|"
     r"collect\w*)\s+(?:up\s+)?(?:the|my|all\s+(?:the|my))?\s*(?:\w+\s+)?<drug>|enough\s+<drug>|"
     r"<drug>\b[^.!?\n]{0,50}\benough\b(?!\s+for\s+(?:the|a)\s+(?:trip|week|month|holiday))|"
     r"took\s+(?:like\s+|about\s+|around\s+|over\s+)?(?:\d+|all|a\s+handful|a\s+bunch|"
     r"the\s+whole\s+\w+)\s+(?:of\s+)?(?:my\s+|the\s+)?(?:\w+\s+)?<drug>|take\s+all\s+(?:my|"
     r"the)\s+(?:\w+\s+)?<drug>|(?:take|swallow|took|swallowed)\s+(?:them|it|these|"
     r"those)\s+all\b|(?:took|swallowed|taken|take|swallow)\s+(?:a|the)\s+(?:whole\s+)?(?:packet|"
     r"bottle|box|handful|strip|pack)\s+of|(?:the|my)\s+<drug>\s+(?:are\s+|is\s+)?(?:ready|"
     r"lined\s+up|in\s+front\s+of\s+me|in\s+my\s+hand|next\s+to\s+me|counted)|"
     r"have\s+the\s+<drug>\s+ready|<drug>\s+(?:saved|stockpiled|hoarded|stashed|hidden)\b|"
     r"<drug>\b[^.!?\n]{0,40}\b(?:bedside|beside\s+me|next\s+to\s+me|lined\s+up|all\s+of\s+them)|"
     r"(?:vodka|whisky|wine|alcohol|drink)\b[^.!?\n]{0,30}<drug>|<drug>\b[^.!?\n]{0,30}(?:vodka|"
     r"whisky|wine|alcohol)"),
    ("suicide", "overdose", r"overdos\w*|\bod'd\b|lethal\s+dose|how\s+(?:much|"
     r"many)\s+(?:\w+\s+){0,2}(?:is|are|would\s+be)\s+enough\s+(?:for|to)\s+(?:die|kill)|"
     r"how\s+(?:much|many)\s+(?:of\s+(?:my|the)\s+)?<drug>\b[^.!?\n]{0,30}(?:take|enough|kill|"
     r"die|lethal)"),
    ("suicide", "the edge", r"(?:the|a)\s+noose|(?:have|got|bought|keep|kept|tied|tie)\s+(?:a|"
     r"the)\s+rope\b|(?:on|at|over)\s+the\s+edge\s+of\s+(?:the\s+)?(?:roof|bridge|cliff|platform|"
     r"building)|(?:standing|sitting|stood|sat)\s+on\s+(?:the|a)\s+(?:ledge|railing|parapet)|"
     r"<im>\s+(?:\w+\s+)?(?:on|at)\s+the\s+(?:bridge|roof|cliff)\b[^.!?\n]{0,30}(?:right\s+now|"
     r"\brn\b|again|looking\s+down)"),
    ("suicide", "jump", r"(?<!stop\s)(?<!quit\s)(?:jump|jumping|jumped|step|stepping|stepped|"
     r"throw\s+myself|throwing\s+myself|fall|falling)\s+(?:off|from|in\s+front\s+of|"
     r"under)\s+(?:the|a|that)\s+(?:bridge|roof|balcony|building|tracks|train|bus|ledge|cliff|"
     r"overpass|car\s+park|tower)|<to>\s+jump\b(?!\s+(?:in|on|into\s+the\s+pool|the\s+queue|rope|"
     r"start))"),
    ("suicide", "the drop", r"(?:how\s+(?:tall|high|deep|far\s+down)|the\s+fall\s+would|"
     r"whether\s+the\s+fall)\b(?![^.!?\n]{0,80}\b(?:homework|project|school|class|essay|"
     r"assignment|quiz|trip|holiday|climb|hike|visit))|(?:stood|standing|stand)\s+(?:there|on|at|"
     r"by|near)\b[^.!?\n]{0,50}(?:looking\s+down|\bjump|step\s+(?:off|back))|"
     r"step\s+back\s+from\s+the\s+edge"),
    ("suicide", "the place", r"(?:go|goes|went|going|walk\w*|drove|drive|driving|sat|sit|sitting|"
     r"stood|standing|stand)\s+(?:to|on|at|by|near|up\s+to|onto)\s+(?:the|"
     r"a)\s+(?:\w+\s+)?(?:bridge|edge|ledge|cliff|tracks|railway|roof|overpass|viaduct|"
     r"open\s+window|multi-?storey)\b[^.!?\n]{0,50}(?:every\s+night|for\s+(?:hours|ages|"
     r"an\s+hour|a\s+long\s+time)|look\w*\s+(?:at\s+the\s+water|down|over)|again|alone|"
     r"at\s+night|thinking|wonder\w*|how\s+easy)"),
    ("suicide", "the water", r"(?:slid|slide|sliding|slip|slipping|sink|sinking|go|"
     r"going)\s+under\b(?:\s+the\s+water)?\s+(?:and\s+)?(?:just\s+)?(?:stay|staying|"
     r"not\s+(?:come|coming))|picture\w*\s+myself\s+(?:in\s+it|in\s+the\s+(?:water|river|sea|"
     r"lake)|under|gone|dead|falling)|walk\w*\s+into\s+the\s+(?:sea|river|lake|water|waves)|"
     r"drown"),
    ("suicide", "the car", r"engine\s+running|not\s+turning\s+(?:it|the\s+engine)\s+off|"
     r"let\s+(?:the\s+wheel\s+go|go\s+of\s+the\s+wheel)|(?:drive|driving|crash|"
     r"swerve)\w*\s+(?:the\s+car\s+)?(?:into|off)\s+(?:a|the)\s+(?:tree|wall|bridge|cliff|lorry|"
     r"truck|river)|hop(?:e|ed|ing)\s+(?:\w+\s+){0,3}?(?:crash(?:es)?\b|hits?\s+me|(?:wouldn't|"
     r"won't|doesn't|didn't)\s+stop|<i>\s+(?:die|don't\s+make\s+it|don't\s+wake|get\s+hit|"
     r"never\s+come\s+back|crash))"),
    ("suicide", "means at hand", r"(?:knife|knives|blade|razor)s?\b[^.!?\n]{0,60}\bmy\s+"
     r"(?:wrists?|throat|neck)|(?:slit|slash|open)\w*\s+my\s+(?:wrists?|throat)|(?:quickest|"
     r"easiest|fastest|painless|least\s+painful|best)\s+way\s+<to>\s+(?:go|die|do\s+it|end\s+it|"
     r"kill)|not\s+(?:scared|afraid)\s+of\s+(?:dying|death)"),
    ("suicide", "how to do it", r"(?:plan|planning|planned|method|means|"
     r"way)\w*\s+(?:how\s+)?(?:<to>|i(?:'d|\s+would|\s+will)?)\s+(?:die|do\s+it|end\s+it|kill)|"
     r"(?:acquired|got|have)\s+the\s+means|(?:searching|searched|looked\s+up|googl\w+|"
     r"research\w*)\s+(?:in\s+(?:the\s+)?internet\s+|online\s+)?(?:\w+\s+){0,3}(?:lethal|"
     r"ways\s+<to>\s+die|painless|how\s+(?:much|many)\s+(?:\w+\s+){0,2}(?:enough|to\s+die)|"
     r"how\s+to\s+(?:die|kill))|enough\s+for\s+(?:to\s+)?die"),
    ("suicide", "past attempt", r"(?:tried|attempted|try|trying)\s+<to>\s+(?:kill\s+my\s*self|"
     r"end\s+(?:my\s+life|it(?:\s+all)?)|take\s+my\s+(?:own\s+)?life|off\s+myself|overdose|"
     r"take\s+all\s+my|hang|jump)|(?:my|a|last|previous|first|"
     r"suicide)\s+attempt\b(?!\s+(?:at\s+(?:baking|cooking|a\s+\w+)|to\s+(?:fix|make|learn)))"),
    # --- suicide: goodbyes and putting things in order ---
    ("suicide", "decided how it ends", r"(?:made|make|making)\s+(?:my|the|a|"
     r"up\s+my)\s+(?:decision|mind)\b[^.!?\n]{0,30}(?:how\s+it\s+ends|to\s+(?:die|end|"
     r"go\s+through))|<ive>\s+decided\s+how\s+(?:it|i|to)"),
    ("suicide", "goodbye", r"this\s+is\s+(?:my\s+)?goodbye(?!\s+for\s+now)|goodbye\s+(?:world|"
     r"forever|for\s+good|everyone\W*$)|bye\s+forever|(?:this\s+is|here's|"
     r"it's)\s+my\s+last\s+(?:message|text|post|entry|letter)(?!\s+(?:before|until|"
     r"for\s+(?:today|tonight|now|the)))|(?:when|by\s+the\s+time|if)\s+(?:you|u|anyone|"
     r"someone)\s+(?:find|read|see)s?\s+this(?![^.!?\n]{0,30}\b<im>\s+(?:in|at|hiding))|"
     r"(?:goodbye|farewell|suicide|last)\s+(?:letters?|notes?)\b|(?:nobody|no\s+one|someone|"
     r"who(?:ever)?)\s+(?:has|have|will\s+have|would\s+have|won't\s+have)\s+to\s+find\s+me|"
     r"for\s+whoever\s+(?:comes|finds|reads|gets\s+here)|(?:tidy|in\s+order|"
     r"sorted)\s+for\s+(?:whoever|when|after)|(?:space|peace|quiet|"
     r"freedom)\s+you\s+want,?\s+forever|none\s+of\s+(?:it|this)\s+(?:will|"
     r"is\s+going\s+to)(?:\s+matter)?\s*(?:[.!;]|$)|nothing\s+will\s+matter\s+(?:soon|"
     r"any\s*more)"),
    ("suicide", "letters written", r"(?:wrote|written|writing|left|prepared?|"
     r"finished)\s+(?:\w+\s+){0,3}?(?:letters?|notes?)\s+(?:for|to)\s+(?:each\s+of\s+my|everyone|"
     r"every1|every\s+one|my\s+(?:mum|mom|mother|dad|father|kids|children|family|sister|brother|"
     r"son|daughter|people|parents|friends)|people)|(?:letters?|notes?)\s+(?:are|"
     r"is)\s+(?:all\s+)?(?:written|ready|done)|prepare[d]?\s+everything\b[^.!?\n]{0,40}(?:letter|"
     r"note)"),
    ("suicide", "not here much longer", r"(?:not|<wont>|don't\s+(?:plan|intend|expect|"
     r"think)\s+(?:on|to)|do\s+not\s+(?:plan|intend|expect)\s+(?:on|to)|"
     r"don't\s+think\s+i'll)\s+(?:be|being)\s+(?:here|around|alive)\s+(?:much\s+longer|"
     r"for\s+(?:much\s+)?long|by\s+the\s+end|after|next|any\s*more)|(?:<wont>|not\s+going\s+to|"
     r"don't\s+think\s+i'll|i\s+doubt\s+i'll)\s+be\s+(?:writing|posting|texting|here|"
     r"around)\s+(?:\w+\s+){0,4}much\s+longer|<wont>\s+(?:have|need)\s+<to>\s+(?:deal\s+(?:with|"
     r"w)|worry\s+about|put\s+up\s+with|see|hear\s+from|look\s+after)\s+me\s+(?:much\s+longer|"
     r"for\s+long|any\s*more|again|soon)|while\s+<im>\s+still\s+(?:here|around|"
     r"alive)\b(?!\s+in\b)|(?:where|in\s+which)\s+<im>\s+not\s+(?:in\s+it|here|around|alive)|"
     r"(?:things|stuff|plans|anything)\s+<i>\s+<wont>\s+be\s+(?:here|around)\s+for|"
     r"<wont>\s+be\s+(?:here|around)\s+to\s+see"),
    ("suicide", "no more of me", r"never\s+have\s+<to>\s+(?:worry\s+about|deal\s+(?:with|w)|see|"
     r"hear\s+from|put\s+up\s+with|look\s+after)\s+me\s+again|last\s+time\s+(?:you'll|you\s+will|"
     r"anyone\s+will|you)\s+(?:ever\s+)?(?:hear\s+from|see)\s+me|"
     r"sorry\s+for\s+everything\b[^\n]{0,80}\b(?:goodbye|bye)\b|"
     r"\bgoodbye\b[^\n]{0,80}sorry\s+for\s+everything|(?:<wont>|"
     r"never)\s+(?:have\s+<to>\s+)?(?:see|hear\s+from)\s+me\s+again"),
    ("suicide", "won't need them", r"<wont>\s+(?:need|be\s+needing)\s+(?:them|it|these|those|"
     r"any\s+of\s+(?:it|this|them)|my\s+\w+)\s+(?:after|any\s*more|much\s+longer|where)|(?:don't|"
     r"do\s+not)\s+expect\s+to\s+need\s+(?:them|it|these|those)|giv(?:e|ing|"
     r"en)\s+(?:away\s+)?(?:all\s+)?(?:my\s+)?(?:things|stuff|belongings)\s+away|(?:started|been|"
     r"am|i'm)\s+(?:\w+\s+)?giving\s+(?:my\s+)?things\s+away"),
    ("suicide", "put things in order", r"who\s+gets\s+(?:the|my)\s+\w+(?![^.!?\n]{0,40}\b(?:while|"
     r"when)\s+<im>\s+(?:in|away|on|at))(?=[^.!?\n]{0,60}(?:passwords?|envelope|key|will\b|"
     r"letters?))|(?:left|leave)\s+(?:the|my)\s+passwords|tell\s+(?:my\s+\w+|"
     r"\w+)\s+<im>\s+sorry\s+and|(?:wrote|written|writing|left|leave|"
     r"leaving)\s+(?:down\s+)?(?:all\s+)?(?:my|the)\s+passwords\s+(?:for|with|to)|(?:affairs|"
     r"arrangements)\b[^.!?\n]{0,40}(?:in\s+order|my\s+death|when\s+<im>\s+gone|"
     r"after\s+<im>\s+gone)|my\s+death\b[^.!?\n]{0,30}\b(?:soon|expect|imminent)|(?:stopped|stop|"
     r"no\s+point(?:\s+in)?|no\s+reason\s+to|don't\s+bother)\s+(?:making|booking|"
     r"planning)\s+(?:plans|things|anything)(?!\s+(?:with|for\s+(?:us|him|her|them)))"),
    ("suicide", "saying goodbye", r"(?:saying|said|say)\s+(?:my\s+)?goodbyes?\s+to\s+(?:people|"
     r"everyone|every1|everybody|my\s+(?:family|friends|kids|children|mum|mom|dad|sister|"
     r"brother))"),
    ("suicide", "not existing", r"<i>\s+(?:\w+\s+)?(?:stopped|stop|stopping)"
     r"\s+existing\b(?!\s+(?:on|in|at|for\s+a))|(?:idea|thought)\s+of\s+(?:not\s+existing|"
     r"not\s+being\s+(?:here|alive|around)|dying\b(?!\s+(?:alone|young|before|without|old|"
     r"of\s+old))|being\s+dead)|(?:no\s+(?:wish|desire|will|reason)|(?:<dont>|don't)\s+(?:wish|"
     r"want))\s+<to>\s+(?:continue|go\s+on|keep|carry\s+on)\s+(?:living|existing|being\s+alive|"
     r"with\s+(?:my\s+)?life)|so\s+(?:they|nobody|no\s+one)\s+(?:wouldn't|won't|doesn't|"
     r"don't)\s+notice\s+how\s+many"),
    ("suicide", "killing me and I want it", r"killing\s+me\b[^.!?\n]{0,30}(?:want|wish|"
     r"hope)\s+it\s+(?:to|would|will)\b"),
    # --- self-harm ---
    ("self_harm", "hurt myself", r"(?:cut|cuts|cutting|burn|burns|burning|burned|burnt|hurt|hurts|"
     r"hurting|harm|harms|harming|hit|hits|hitting|punch|punching|punched|scratch|scratched|"
     r"scratching|bite|biting|bit|strike|striking|struck|stab|stabbing|carve|carving|carved|"
     r"injure|injuring|injured|punish|punishing|punished|starve|starving|pinch|pinching|slap|"
     r"slapping|bang|banging|mutilat\w+)\s+(?:my\s*self|my\s+(?:own\s+)?(?:body|"
     r"skin))(?!\s+on\s+(?:the|a|an|my)\s)|(?:take|took|taking|"
     r"takes)\s+it\s+out\s+on\s+(?:my\s+(?:own\s+)?(?:skin|body|<body>|self)|myself)|(?:hiding|"
     r"hid|hide|threw\s+away|throw\s+away|got\s+rid\s+of)\s+(?:the|my|"
     r"all\s+the)\s+(?:sharpeners?|blades?|razors?|knives|lighters?)\s+from\s+myself"),
    ("self_harm", "cut my arm", r"(?:cut|cutting|carv\w+|slash\w*|slic\w+|burn\w*|"
     r"etch\w*)\s+(?:\w+\s+){0,3}?(?:into\s+|on\s+|in\s+)?my\s+<body>(?!\s+(?:open\s+)?(?:on|"
     r"while|by|in|at)\s+(?:the|a|an|my|some|broken)\s)(?![^.!?\n]{0,40}\b(?:oven|kettle|iron|"
     r"sun|stove|pan|tray|grill))"),
    ("self_harm", "cutting again", r"(?:cut|cutting|burning|burned|harming)\s+again|(?:been|"
     r"started|start|stopped|stop|quit|keep|kept|am|is)\s+cutting(?:\s+myself)?(?=\s*(?:[.,;!?]|"
     r"$|again|for|since|and|but|when))|relapsed?\s+(?:w|with)\s+the\s+(?:blade|razor)|"
     r"<i>\s+(?:cut|burned|burnt)\s+(?:again|last\s+night|tonight|yesterday|today|"
     r"this\s+morning)\b(?!\x27|s\b)|(?:my|the)\s+cutting(?=\s*(?:[.,;!?]|$|again|is|has|got|"
     r"started))"),
    ("self_harm", "hair and marks", r"pull\w*\s+(?:out\s+)?(?:my\s+)?hair\s+(?:out\s+)"
     r"?(?:in\s+clumps|until|strand\w*)|did\s+it\s+again\b[^\n]{0,40}(?:razor(?!\s+(?:bumps?|"
     r"burn))|blade|cut|scissors|lighter)|(?:cuts|fresh\s+scars|burns)\s+(?:under|beneath|on|"
     r"all\s+over|up\s+and\s+down)\s+my\s+(?:sleeves|jumper|hoodie|"
     r"<body>)(?![^.!?\n]{0,40}\b(?:from|where|he|she|they|his|her)\b)"),
    ("self_harm", "self-harm", r"self[-\s]?(?:harm|injur|mutilat)\w*|\bsh\b\s+(?:again|urges?)|"
     r"self[-\s]?inflicted"),
    ("self_harm", "on purpose", r"(?:on\s+purpose|deliberately|intentionally)"
     r"(?=[^.!?\n]{0,80}(?:cut|burn|bled|blood|hurt|injur|harm|scratch|punch|hit|wall|knuckles|"
     r"<body>))|(?:cut|burn|bled|burned|burnt|hurt|injur\w+|harm\w*|scratch\w*|punch\w*|hit|"
     r"struck|<body>|hand|wall)\b[^.!?\n]{0,80}(?:on\s+purpose|deliberately|intentionally)"),
    ("self_harm", "I did it myself", r"(?:put|did|do|done|made|make)\s+(?:them|it|these|those|"
     r"that|this|the\s+marks|the\s+cuts)\s+(?:there\s+)?(?:all\s+)?(?:to\s+)"
     r"?my\s*self(?=[^.!?\n]{0,40}(?:[.,;!?]|$))|(?:what|the\s+things?)\s+(?:<ive>|i)\s+(?:do|"
     r"did|done|does|been\s+doing)\s+to\s+my\s+(?:<body>|body|self|hands)|"
     r"i\s+do\s+it\s+to\s+myself"),
    ("self_harm", "urges", r"(?:urges?|tempted|temptation)\s+(?:to|is|are|"
     r"of)\s+(?:\w+\s+){0,3}(?:cut|burn|hurt|harm|bleed)|(?:the\s+)?urges?\s+(?:are|r|is|were|"
     r"was)\s+(?:\w+\s+)?(?:bad|strong|loud|back|worse)|since\s+<i>\s+last\s+(?:hurt|cut|burned|"
     r"harmed|self)|(?:want|wanna|need|needed|wanted)\s+<to>\s+(?:cut|burn|hurt|harm|"
     r"punish)\s+(?:my\s*self|my\s+<body>)|(?:want|wanna|need|needed|wanted|craving|crave|"
     r"itching)\s+(?:<to>\s+)?(?:cut|self[-\s]?harm|sh)\b(?=\s*(?:so\s+bad|rn|right\s+now|"
     r"tonight|again|[.,;!?]|$))|(?:add|make)\s+(?:new|more|fresh)\s+(?:ones|cuts|scars|marks|"
     r"lines)"),
    ("self_harm", "blade", r"(?:blade|razor|lighter|cigarette|craft\s+knife|scissors|"
     r"straighteners|compass|sharpener)s?\b[^.!?\n]{0,70}(?:<body>|my\s+self|again|habit)|"
     r"<body>\b[^.!?\n]{0,50}(?:blade|razor|lighter|cigarette|craft\s+knife|straighteners)|"
     r"habit\s+with\s+the\s+(?:blade|razor)|(?:razor\s+)?blades?\b[^.!?\n]{0,60}(?:drawer|hidden|"
     r"hide|hid|keep|kept|for\s+(?:the\s+)?(?:bad|hard|worst)\s+(?:nights|days|times|moments)|"
     r"just\s+in\s+case)"),
    ("self_harm", "nails and walls", r"(?:dig|dug|digging|press|pressed|"
     r"pressing)\s+my\s+(?:finger)?nails\s+into|(?:scratch|scratched|scratching|"
     r"rubbed)\s+(?:my\s+)?(?:\w+\s+)?raw|(?:hit|hitting|bang|banged|banging|punch|punched|"
     r"punching|smash\w*)\s+my\s+(?:head|fists?|hands?)\s+(?:against|into)|(?:hit|hitting|bang|"
     r"banging|punch|punching|slap|slapping)\s+my\s+(?:own\s+)?(?:head|face|<body>)\s+with\s+my|"
     r"my\s+(?:<body>|knuckles|head)\b[^.!?\n]{0,40}until\s+(?:it|they|the\s+skin|i)\s+(?:bled|"
     r"bleed|bleeds|bleeding|split|bruised|broke|bruises?|marks?)|(?:scratch\w*|punch\w*|hit\w*|"
     r"bang\w*|bit|bite|biting)\s+(?:\w+\s+){0,3}?until\s+(?:blood|bleeding|it\s+bleeds?|raw|"
     r"(?:it|they|my\s+\w+)\s+(?:bled|split))"),
    ("self_harm", "scars and sleeves", r"(?:hide|hid|hiding|cover|covering|"
     r"conceal\w*)\s+(?:the\s+|my\s+)?(?:fresh\s+|new\s+)?(?:scars|cuts|marks|burns)|(?:fresh|"
     r"new)\s+(?:scars|cuts|marks|burns)\b(?![^.!?\n]{0,30}\bfrom\s+(?:the|my|his|her))|"
     r"(?:hoodie|jumper|sleeves|long\s+sleeves)\b[^.!?\n]{0,40}(?:bc|because|cos|"
     r"cause)\s+of\s+(?:my|what)\s+(?:<body>|scars|marks|cuts|i)|(?:put|wear\w*|kept)\s+(?:a\s+|"
     r"my\s+)?(?:jumper|hoodie|long\s+sleeves|sleeves)\s+(?:on\s+)?so\s+(?:he|she|they|no\s+one|"
     r"nobody)\s+(?:won't|wouldn't|doesn't|can't|don't)\s+see|(?:sleeves|hoodie|jumper|jacket|"
     r"cardigan|bracelets?|plasters?|bandages?)\b[^.!?\n]{0,40}so\s+(?:that\s+)?(?:he|she|they|"
     r"no\s+one|nobody|no1|people|my\s+\w+|\w+)\s+(?:(?:won't|wouldn't|doesn't|can't|don't|"
     r"cannot|never)\s+)?(?:see|sees|notice|notices|spot|spots|ask\s+about|asks\s+about)\s+(?:my|"
     r"the|what)\s+(?:\w+\s+)?(?:scars|marks|cuts|burns|<body>|bandages?|plasters?)|(?:never|"
     r"can't|cannot|don't)\s+(?:\w+\s+)?wear\s+(?:short\s+sleeves|t-?shirts|shorts)|"
     r"(?:long\s+sleeves|sleeves\s+down|hoodie|jumper)\b[^.!?\n]{0,30}(?:summer|july|august|"
     r"heatwave)"),
    ("self_harm", "plasters", r"(?:<im>|i've|<i>)\s+(?:running|ran|run)\s+(?:low|out)\s+(?:of|"
     r"on)\s+(?:plasters|bandages|band-?aids|gauze|steri-?strips)|my\s+<body>\s+(?:are|"
     r"is)\s+(?:\w+\s+)?(?:a\s+mess|covered\s+in\s+(?:cuts|scars|burns|marks)|cut\s+up)"),
    ("self_harm", "not an accident", r"(?:isn't|wasn't|is\s+not|was\s+not|not)\s+(?:because\s+of|"
     r"from|due\s+to)\s+(?:cooking|the\s+cat|an?\s+accident|the\s+kitchen|gardening)|"
     r"the\s+cat\s+scratched\s+me,?\s+which\s+(?:is|was)\s+a\s+lie"),
    ("self_harm", "pain helps", r"(?:give|gave|giving)\s+myself\s+(?:some|pain)|pain\s+(?:is|"
     r"was)\s+the\s+only\s+thing|(?:want|need|needed|wanted)\s+<to>\s+(?:feel|"
     r"see)\s+(?:\w+\s+)?(?:pain|blood|it\s+bleed)|deserve\s+(?:the\s+)?(?:pain|to\s+(?:hurt|"
     r"bleed))"),
    ("self_harm", "relapse", r"relaps\w*\b(?=[^.!?\n]{0,60}(?:cut|blade|razor|harm|burn|clean|"
     r"sh\b))|(?:<im>|i've\s+been|been)\s+clean\s+(?:for\s+)?(?:\w+\s+){0,2}(?:days|weeks|"
     r"months)\b(?=[^.!?\n]{0,120}(?:scissors|blade|razor|<body>|cut|burn))|clean\s+(?:from|"
     r"of)\s+(?:cutting|self[-\s]?harm\w*|sh\b|burning|hurting\s+myself)"),
)

ANYONE = frozenset({"goodbye", "dying as an answer"})
"""Rules whose words are the writer's whoever else the sentence names ("you'll have all the
space you want, forever")."""

ACCIDENT = (
    r"accident\w*|by\s+mistake|clumsy|shaving|chopping|cooking|baking|gardening|fell|falling|"
    r"slipped|tripped|gym|climbing|bike|cycling|skiing|football|rugby|hockey|training|lifting|"
    r"playing|running|broken\s+glass|tin\b|opening|diy|fence|thorns?|brambles?|doctor|stitches|"
    r"sharpen\w*|nicked|ouch|oops|rock|stone|nail|wire|ladder|skateboard|hiking|walking"
)
UNLESS: tuple[tuple[str, str], ...] = (
    ("end it", r"with\s+(?:him|her|them|you|\w+)\b|relationship|engagement|marriage|between\s+"
     r"us|things|break\w*\s+up|dump\w*|divorce|lease|call|meeting|contract|game|season|show|"
     r"series|chat|conversation|argument|fight|row|debate|match|job"),
    ("hurt myself", ACCIDENT),
    ("cut my arm", ACCIDENT),
    ("means at hand", ACCIDENT),
    ("no more of me", r"block\w*|number|contact|leaving\s+you|moving\s+on|we're\s+done|over\s+"
     r"between|break\w*\s+up|divorce|new\s+(?:job|life|place|city)"),
    ("not here much longer", r"mov\w+|lease|job|contract|shift|flight|trip|holiday|visa|office|"
     r"term|semester|train|bus|plane|taxi|battery|phone|signal|wifi|leaving|party|meeting|"
     r"visit\w*|stay\w*|dinner|lunch|christmas|birthday|weekend"),
    ("a burden", r"when\s+<im>\s+(?:sick|ill|injured|recovering|pregnant)"),
    ("the edge", r"holiday|sunset|sunrise|photos?|pictures?|view|walk\w*|hik\w+|climb\w*"),
    ("the place", r"holiday|sunset|sunrise|photos?|pictures?|view|dog|date|picnic|fishing|"
     r"festival|fireworks|friends|we\b|run\b|jog\w*|walk\s+home"),
    ("put things in order", r"in\s+case\s+<i>\s+forget|forget\w*|password\s+manager|holiday|"
     r"trip|travel\w*|hospital\s+stay|operation|surgery|with\s+(?:him|her|them)"),
    ("letters written", r"work|job|trip|holiday|school|birthday|christmas|thank\w*|pen\s*pals?|"
     r"santa|camp|travel\w*|moving|away\s+for|council|landlord|complain\w*|application"),
    ("saying goodbye", r"job|last\s+day|leaving\s+(?:do|party)|mov\w+|trip|holiday|team|office|"
     r"school|term|flight|wedding|party|for\s+(?:now|the\s+(?:summer|weekend|night))"),
    ("won't need them", r"now\s+(?:that\s+)?(?:<ive>|<i>\s+have|<im>)|new\s+(?:one|ones|phone|"
     r"glasses|job)|contacts|upgrad\w*|replac\w*|mov\w+|sold|selling|charity|older|grown|"
     r"decluttering|minimalis\w*"),
    ("scars and sleeves", r"sunburn\w*|sun\b|burn\s+(?:so\s+)?easily|pale|tan\b|air\s*con\w*|"
     r"cold|office|freez\w+|chilly|allerg\w+|eczema|mosquito\w*|bites|modest\w*|religio\w+|"
     r"style|fashion|surgery|operation|c-?section"),
    ("plasters", r"kids?|children|toddler|son|daughter|fall\w*|fell|roses?|brambles?|"
     r"garden\w*|cat\s+(?:scratch|keeps)"),
)
"""Rule by rule, words in the same sentence that give an everyday reading: "end it with him"."""
