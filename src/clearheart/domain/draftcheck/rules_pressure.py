"""Rules for pressure: ultimatums, threats, guilt trips and reassurance-seeking (our wording).

"If you don't … I'm leaving" is an ultimatum; "if you don't mind, I'm leaving at five" is
not, so the endings that make a sentence ordinary ("leaving at", "done with work") cancel
the match.
"""

from __future__ import annotations

from clearheart.domain.draftcheck.rulebook import Rule, rule
from clearheart.domain.draftcheck.rules_blame import PLAY

_ENDING = (
    r"(?:done|leaving|leave|gone|over|out|finished|through|breaking\s+up|break\s+up|"
    r"moving\s+out|walking\s+(?:out|away)|walk\s+(?:out|away)|end(?:ing)?\s+(?:it|this|things|us)|"
    r"never\s+(?:speak|talk|text|see|call)|block(?:ing)?\s+(?:you|u|your)|"
    r"not\s+coming\s+back|won'?t\s+be\s+(?:here|around|waiting)|find\s+someone\s+(?:else|who)|"
    r"(?:want|need|file\s+for)\s+a\s+divorce|divorce|stop\s+trying|coming\s+over|"
    r"don'?t\s+(?:say|text|call|talk|speak|bother)\b[^.!?\n]{0,30}?\b(?:ever\s+)?again|"
    r"don'?t\s+bother(?:\s+(?:coming|calling|texting|ever|at\s+all|again))?|"
    r"take\s+that\s+as\s+(?:your|an|my)\s+answer|(?:never|not)\s+(?:talk|speak|text)\w*\s+to\s+"
    r"(?:you|u|me)\s+(?:ever\s+)?again|you\s+can\s+(?:sleep|find|go|get\s+out|leave|pack))"
)
"""How a conditional ends when it is an ultimatum."""

_ORDINARY_ENDING = (
    r"\s*(?:at|for|to|in|by|around|early|soon|now|tonight|tomorrow|today|after|before|"
    r"with\s+(?:work|my|the|dinner|lunch|it\s+(?:now|for)|school|class|that\s+(?:book|show)|"
    r"eating|packing|cleaning|shopping)|of\s+(?:milk|bread|coffee|town|the)|here\b|there\b|"
    r"the\s+(?:door|house|office|key)|without\s+(?:you|u)\s+(?:to|for)|\d)\b|\s*(?:🎉|🥳|🙌|yay)"
)

_ULTIMATUM: tuple[Rule, ...] = (
    rule(
        "ultimatum.if-then",
        "ultimatum",
        r"(?:if\s+I\s+(?:don'?t|do\s+not)\s+(?:hear|get)\s+|if\s+<you>\s+(?:(?:still|ever|even|"
        r"just|really)\s+)?)(?:don'?t|do\s+not|won'?t|can'?t|"
        r"cannot|aren'?t|are\s+not|keep|go|leave|walk|say|text|call|see|talk|choose|pick|lie|"
        r"cheat|do\s+(?:this|that)|ignore|miss|forget|cancel|come\s+home|stay|would\s+rather|"
        r"from|back|an?\s+(?:answer|reply))"
        r"\b[^.!?\n]{0,90}?(?:then\s+|,\s*)?(?:<im>|I'?ll|I\s+will|we'?re|we\s+are|it'?s|"
        r"this\s+is|then|"
        r"that'?s|I|we|<ill>)\s+(?:so\s+|just\s+|really\s+|completely\s+|officially\s+|"
        r"gonna\s+be\s+|going\s+to\s+be\s+|gonna\s+|going\s+to\s+|be\s+)*" + _ENDING + r"\b",
        unless_after=_ORDINARY_ENDING,
        unless_before=r"\bjoke|\bjk",
    ),
    rule(
        "ultimatum.or-else",
        "ultimatum",
        r"or\s+(?:else(?=\s*[.!?]|\s*$|,?\s+(?:I'?ll|I'?m|you'?ll))|(?:<im>|we'?re|it'?s|I'?ll|"
        r"we'?ll|I)\s+"
        r"(?:so\s+|just\s+|really\s+|gonna\s+|going\s+to\s+)*" + _ENDING + r"|don'?t\s+bother\s+"
        r"(?:coming|calling|texting|coming\s+back|coming\s+home))\b",
        unless_after=_ORDINARY_ENDING,
    ),
    rule(
        "ultimatum.choose",
        "ultimatum",
        r"(?:it'?s|its|either)\s+(?:either\s+)?me\s+or\s+(?:him|her|them|your|the|that|this|my|"
        r"work|those)\b|choose\s+(?:between\s+)?(?:me|us)\s+or\b|(?:choose|pick|"
        r"decide)[:,]?\s+me\s+or\b|"
        r"(?:this\s+is|it'?s|its|that\s+was|that'?s)\s+(?:your\s+)?(?:very\s+)?(?:last|final)\s+"
        r"(?:chance|warning|time)\b|(?:one|1)\s+more\s+(?:time|chance|excuse|strike|lie)\b"
        r"[^.!?\n]{0,40}?\b(?:and|&)\s+(?:I'?m|we'?re|it'?s|I'?ll|that'?s|you'?re)\b|"
        r"<you>\s+have\s+(?:(?:until|till)\s+\S+(?:\s+(?:pm|am|tonight|o'?clock))?|\d+\s+(?:hours?|"
        r"minutes?|days?|mins?)|one\s+(?:hour|day|week))\s+(?:to\s+(?:decide|choose|answer|"
        r"reply|respond|"
        r"call|fix|make\s+up)|or\b|before\s+I)|<im>\s+giving\s+(?:you|u)\s+(?:until|till|"
        r"one\s+more|"
        r"\d+|a\s+(?:week|day|month)|(?:one|two|three)\s+(?:days?|weeks?|hours?))\b|"
        r"after\s+that,?\s+(?:I'?m\s+(?:done|gone|out)|I\s+(?:stop|leave|walk)|we'?re\s+(?:done|"
        r"over))|"
        r"<you>\s+can\s+either\b[^.!?\n]{0,60}?\bor\s+(?:you\s+can\s+(?:sleep|find|go|get\s+out|"
        r"leave|"
        r"pack)|I'?ll|I'?m|we'?re)|I'?ll\s+take\s+that\s+as\s+(?:your|an|my)\s+answer|"
        r"(?:<you>\s+(?:have|need|better)\s+to\s+|<you>\s+better\s+)(?:choose|decide)\s+"
        r"(?:now|today|tonight|right\s+now|between)|don'?t\s+(?:bother\s+)?(?:come|coming)\s+"
        r"(?:home|back)\b",
        unless_after=r"\s*(?:for (?:dinner|tea|lunch)|before|until|till|if (?:it'?s|"
        r"you'?re) (?:too|late))|"
        r"\s*(?:to (?:check|order|buy|see)|I promise|lol|😂)",
        unless_anywhere=PLAY,
    ),
    rule(
        "ultimatum.were-done",
        "ultimatum",
        r"(?:we'?re|we\s+are|it'?s|this\s+is|us\s+is|this\s+relationship\s+is)\s+(?:so\s+|"
        r"really\s+|"
        r"officially\s+|completely\s+|totally\s+)*(?:done|over|finished|through)\b|"
        r"<im>\s+(?:so\s+|just\s+|actually\s+|officially\s+|completely\s+|absolutely\s+|really\s+)*"
        r"(?:done|finished|through)(?:\s+with\s+(?:you|u|us|this(?=\s*[.!?]|\s*$)|it\s+all|"
        r"all\s+of\s+"
        r"this|this\s+relationship|trying|waiting|being\s+\w+))?\b(?!\s+with\b)|"
        r"<im>\s+(?:leaving|breaking\s+up\s+with)\s+(?:you|u)\b|<ill>\s+(?:leave|break\s+up\s+with|"
        r"divorce)\s+(?:you|u)\b|(?:maybe\s+)?we\s+should\s+(?:just\s+)?(?:break\s+up|"
        r"end\s+(?:it|this|"
        r"things)|split\s+up|call\s+it\s+quits)|I\s+want\s+a\s+divorce|<im>\s+(?:moving|packing)\s+"
        r"(?:out|my\s+(?:things|stuff|bags))\b",
        unless_after=_ORDINARY_ENDING + r"|\s*(?:cooking|baking|eating|with\s+(?:the|that|my)\b)|"
        r"\s*(?:!+\s*)?(?:see|heading|on\s+my\s+way|omw|wbu|hbu|how\s+about\s+you|"
        r"what\s+about\s+you|"
        r"can'?t\s+wait|finally|woo)",
        needs_context=True,
    ),
    rule(
        "ultimatum.over-if",
        "ultimatum",
        r"(?:we'?re|we\s+are|it'?s|this\s+is|this\s+relationship\s+is|us\s+is|<im>)\s+(?:so\s+|"
        r"officially\s+|completely\s+)?(?:done|over|finished|through|gone|out\s+of\s+here)\s+if\s+"
        r"<you>\b",
    ),
    rule(
        "ultimatum.leaving-you",
        "ultimatum",
        r"<im>\s+(?:leaving|breaking\s+up\s+with|divorcing)\s+(?:you|u)\b|"
        r"<ill>\s+(?:leave|break\s+up\s+with|divorce)\s+(?:you|u)\b(?!\s+(?:a|some|the|"
        r"alone\s+to))|"
        r"<im>\s+(?:so\s+)?done\s+with\s+(?:you|u|us|this\s+relationship)\b|"
        r"I\s+want\s+a\s+divorce|(?:maybe\s+)?we\s+should\s+(?:just\s+)?(?:break\s+up|split\s+up)",
        unless_anywhere=r"🎉|🥳|\byay\b|\bwoo+",
    ),
)

_THREAT: tuple[Rule, ...] = (
    rule(
        "threat.regret",
        "threat",
        r"<you>'?ll\s+(?:regret|be\s+sorry|pay\s+for)|<you>\s+will\s+(?:regret|be\s+sorry|pay)|"
        r"<ill>\s+make\s+(?:you|u|sure\s+you)\s+(?:pay|regret|sorry|suffer)|watch\s+what\s+happens|"
        r"<you>\s+don'?t\s+want\s+to\s+(?:see|know)\s+what\s+(?:I|happens)|"
        r"(?:better\s+)?watch\s+your\s+back|<you>'?d\s+better\s+(?:watch|be\s+careful)|"
        r"I\s+know\s+where\s+(?:you|u|she|he|they)\s+(?:live|lives|work|works)|"
        r"<ill>\s+(?:find|come\s+for|get|destroy|ruin)\s+(?:you|u|your|her|him)\b|"
        r"<ill>\s+make\s+(?:your|ur)\s+life\s+(?:a\s+)?(?:living\s+)?(?:hell|miserable|a\s+misery)|"
        r"<ill>\s+make\s+sure\s+(?:nobody|no\s+one|everyone|you\s+(?:never|lose|regret))|"
        r"I\s+(?:still\s+)?have\s+(?:the|those|your|all\s+the|our)\s+(?:screenshots|photos|pics|"
        r"pictures|messages|texts|videos|receipts|nudes)|don'?t\s+make\s+me\s+(?:use|show|send|"
        r"post|"
        r"do\s+(?:it|this|something)|come\s+(?:over|there))|"
        r"wait\s+(?:till|until)\s+(?:everyone|everybody|your\s+\w+)\s+(?:sees?|finds?\s+out|hears?|"
        r"knows?|reads?)|(?:would|it'?d)\s+be\s+a\s+shame\s+if\s+(?:something|anything)|"
        r"I\s+know\s+where\s+(?:you|u)\s+(?:are|'?ll\s+be|will\s+be)|don'?t\s+think\s+I\s+won'?t|"
        r"(?:you|u)\s+have\s+no\s+idea\s+what\s+I'?(?:ll|m\s+capable)|don'?t\s+(?:test|"
        r"push)\s+me\b|"
        r"<ill>\s+(?:tell|show)\s+(?:your|ur)\s+\w+\s+(?:everything|what\s+you|about\s+(?:you|us|"
        r"what))|in\s+front\s+of\s+(?:your|ur)\s+(?:flatmates|friends|family|parents|boss|"
        r"colleagues|kids|mum|mom)|"
        r"<you>'?ll\s+never\s+see\s+(?:the\s+kids|your\s+(?:kids|children|son|daughter|dog)|"
        r"them)\s+"
        r"again|<ill>\s+(?:take|keep)\s+the\s+(?:kids|children|dog|house)",
        unless_after=r"\s*(?:it|this)\s+(?:lol|😂)|\s*(?:if you don'?t try|later|tomorrow)",
        unless_before=r"\bnot saying|\bI hope",
    ),
    rule(
        "threat.expose",
        "threat",
        r"<ill>\s+(?:tell|show|send|post|forward|share|text|email|message|call)\s+(?:everyone|"
        r"everybody|the\s+whole\s+(?:world|internet|family|office)|all\s+your|your\s+(?:boss|wife|"
        r"husband|work|job|parents|family|friends|ex|girlfriend|boyfriend)|what\s+you\s+did|"
        r"(?:the|your|those|these|our)\s+(?:pics|photos|pictures|screenshots|messages|texts|"
        r"videos?|"
        r"nudes)|the\s+truth\s+about)\b|<ill>\s+expose\b|<ill>\s+(?:post|leak|share)\s+"
        r"(?:them|it|everything)\b|everyone\s+(?:will|is\s+going\s+to|is\s+gonna)\s+(?:know|see)\b",
        unless_after=r"\s*(?:happy|hi|hello|congrat|the good news|we said hi|about the party|"
        r"at\s+the|"
        r"you\s+said|that\s+you\s+(?:said|say|send|love))",
    ),
    rule(
        "threat.harm",
        "threat",
        r"(?:kill|hurt|cut|harm)\s+myself\b|end\s+(?:it\s+all|my\s+life|my\s+own\s+life)|"
        r"I\s+(?:don'?t|do\s+not)\s+want\s+to\s+(?:live|be\s+alive|be\s+here\s+anymore|exist|"
        r"wake\s+up)|"
        r"(?:I'?d|I\s+would)\s+be\s+better\s+off\s+dead|better\s+off\s+without\s+me|"
        r"(?:nobody|no\s+one)\s+would\s+(?:miss|care\s+if)\s+(?:me|I)|"
        r"<you>'?ll\s+be\s+sorry\s+when\s+I'?m\s+(?:gone|dead)|suicid\w*",
        unless_after=r"\s*(?:laughing|with (?:laughter|kindness))",
    ),
    rule(
        "threat.harm-others",
        "threat",
        r"<ill>\s+(?:hurt|kill|hit|beat|smash|burn|end|strangle)\s+(?:you|u|him|her|them|your)\b",
        unless_anywhere=PLAY,
    ),
)

_GUILT: tuple[Rule, ...] = (
    rule(
        "guilt.after-everything",
        "guilt_trip",
        r"after\s+(?:everything|all|all\s+that|all\s+the\s+things|all\s+these\s+years)\s+(?:I'?ve|"
        r"I\s+have|I|I\s+did|I'?ve\s+done|we'?ve\s+been\s+through)\b|"
        r"after\s+all\s+I\s+(?:do|did|give|gave|sacrificed)|"
        r"I\s+(?:do|did)\s+(?:everything|so\s+much|all\s+of\s+this|all\s+this)\s+for\s+(?:you|u)\b|"
        r"I\s+gave\s+up\s+(?:everything|so\s+much|my\s+\w+)\s+for\s+(?:you|u)\b|I\s+sacrificed\b|"
        r"(?:is|was)\s+this\s+how\s+you\s+(?:repay|thank|treat)\s+me",
        unless_after=r"\s*(?:is\s+(?:set|ready|done|booked|packed)|set\b)",
    ),
    rule(
        "guilt.dont-matter",
        "guilt_trip",
        r"I\s+guess\s+I\s+(?:don'?t|do\s+not|just\s+don'?t)\s+matter|I\s+guess\s+I'?m\s+(?:not|"
        r"just\s+"
        r"not)\s+(?:important|a\s+priority|worth|enough)|I\s+(?:clearly\s+|obviously\s+)?"
        r"(?:don'?t|do\s+not)\s+matter(?:\s+to\s+(?:you|u|anyone))?|"
        r"(?:clearly|obviously|apparently|I\s+guess)\s+I'?m\s+not\s+(?:important|a\s+priority|"
        r"worth\s+(?:it|your\s+time)|enough)|(?:nobody|no\s+one)\s+(?:cares|"
        r"ever\s+cares)\s+about\s+me|"
        r"I'?m\s+(?:always|the\s+only\s+one)\s+(?:the\s+one\s+)?who\s+(?:tries|cares|makes|plans|"
        r"reaches|texts|apologi[sz]es|gives)|I'?m\s+the\s+only\s+one\s+(?:who|that)\s+\w+|"
        r"(?:I\s+)?hope\s+(?:you'?re|ur|you\s+are)\s+happy\s+now|"
        r"don'?t\s+worry\s+about\s+me,?\s+I'?ll\s+(?:just|be)|I'?ll\s+just\s+(?:sit\s+here|"
        r"be\s+alone|"
        r"wait\s+(?:here|then|forever|like\s+always)|do\s+(?:it|everything)\s+myself|"
        r"stay\s+home\s+alone)|"
        r"(?:fine|ok|okay),?\s+I'?ll\s+just\s+\w+|<you>\s+(?:obviously|clearly)\s+(?:don'?t\s+care|"
        r"have\s+better\s+things)|(?:must|it\s+must)\s+be\s+nice\s+to\s+have\s+(?:someone|"
        r"a\s+partner)|"
        r"do\s+I\s+(?:even\s+)?matter\s+to\s+(?:you|u)|I\s+always\s+have\s+to\s+(?:be\s+the\s+one|"
        r"ask|beg|remind)|I\s+guess\s+(?:your|ur)\s+\w+\s+(?:is|are)\s+more\s+important|"
        r"<you>'?d\s+(?:be\s+(?:better\s+off|happier)|rather\s+be)\s+(?:without\s+me|"
        r"with\s+anyone)|"
        r"think\s+about\s+how\s+that\s+makes\s+me\s+feel|"
        r"see\s+what\s+you'?(?:ve)?\s+(?:done|made\s+me)|not\s+that\s+(?:you|u)\s+(?:care|cared|"
        r"noticed|asked|would\s+(?:care|notice|know))|(?:are|r)\s+(?:you|u)\s+happy\s+now|"
        r"(?:crying|in\s+tears|can'?t\s+sleep|can'?t\s+eat|sick)\s+because\s+of\s+(?:you|u)\b|"
        r"I'?m\s+(?:so\s+|just\s+|really\s+)?easy\s+to\s+(?:let\s+down|forget|ignore|leave|"
        r"replace)|"
        r"I\s+must\s+be\s+(?:really\s+|so\s+|very\s+)?(?:easy\s+to\s+(?:forget|ignore)|"
        r"nothing\s+to\s+you|"
        r"invisible|unimportant|worthless\s+to\s+you)|"
        r"I\s+gave\s+up\s+(?:my|everything|so\s+much)\b[^.!?\n]{0,40}?(?:for\s+(?:you|u)\b|"
        r"and\s+this\s+is)|"
        r"this\s+is\s+how\s+(?:you|u)\s+(?:treat|repay|thank)\s+me|"
        r"<youre>\s+(?:probably\s+)?(?:glad|happy|relieved)\s+(?:that\s+)?I'?m\s+(?:upset|gone|"
        r"hurt|"
        r"sad|crying)|I\s+(?:skipped|cancelled|canceled|gave\s+up|missed|"
        r"turned\s+down)\b[^.!?\n]{0,40}?"
        r"\b(?:to\s+wait|waiting|for\s+(?:you|u|this|your))|just\s+so\s+(?:you|"
        r"u)\s+know\s*[.!]*\s*$|"
        r"if\s+(?:you|u)\s+(?:really|actually|truly|even)\s+(?:loved|cared\s+about|cared|respected|"
        r"wanted)\s+me|I\s+would\s+never\s+(?:do|treat)\s+(?:this|that|you)\b[^.!?\n]{0,20}?"
        r"(?:to\s+you|like\s+this)|everyone\s+else'?s\s+(?:partner|boyfriend|girlfriend|husband|"
        r"wife)",
        unless_after=r"\s*(?:lol|haha|😂)|\s*(?:to\s+)?(?:tonight|tomorrow|for\s+(?:a|the)\s+"
        r"(?:bit|minute|night)|until\s+you|till\s+you|here\s+for\s+you|at\s+the)",
    ),
)

_REASSURANCE: tuple[Rule, ...] = (
    rule(
        "reassure.love-me",
        "reassurance_seeking",
        r"(?:do|did)\s+(?:you|u)\s+(?:still\s+|even\s+|really\s+|actually\s+)*(?:love|want|like|"
        r"care\s+about|miss|need)\s+me\b|(?:do|did)\s+<you>\s+still\s+want\s+(?:this|us|to\s+be\s+"
        r"with\s+me)|(?:you|u)\s+still\s+love\s+me,?\s+right|"
        r"tell\s+me\s+(?:that\s+)?(?:you\s+still|"
        r"we'?re|we\s+are|you\s+love|you'?re\s+not|everything'?s|it'?s\s+(?:ok|okay|fine))|"
        r"promise\s+(?:me\s+)?(?:you'?re|you\s+are|you\s+won'?t|we'?re|you'?ll\s+never|"
        r"you\s+still)|(?:are|r)\s+(?:you|u)\s+(?:going\s+to|gonna)\s+leave\s+me|"
        r"(?:are|r)\s+(?:you|u)\s+(?:leaving|breaking\s+up\s+with)\s+me|please\s+don'?t\s+leave\b|"
        r"(?:you'?re|you\s+are)\s+not\s+(?:leaving|going\s+to\s+leave|mad|angry|upset|"
        r"done\s+with\s+me)"
        r"[^.!?\n]{0,20}?,?\s*(?:right|are\s+you)\s*\?|do\s+I\s+mean\s+anything\s+to\s+(?:you|u)",
        unless_after=r"\s*(?:to\s+(?:come|bring|pick|get|grab|join|cook|call|book)|there|at\s+the|"
        r"for\s+(?:the|dinner|lunch|this|that)|on\s+(?:the|your))\b|\s*(?:cuddles|pizza)",
    ),
    rule(
        "reassure.are-we-ok",
        "reassurance_seeking",
        r"(?:are|r)\s+(?:we|us)\s+(?:still\s+)?(?:ok|okay|good|alright|all\s+right|fine|"
        r"ok\s+now)\b|"
        r"(?:are|r)\s+(?:you|u)\s+(?:still\s+)?(?:mad|angry|upset|annoyed|pissed|cross|done)\s+"
        r"(?:at|with)\s+me\b|(?:are|r)\s+(?:you|u)\s+(?:still\s+)?(?:mad|angry|upset|pissed)\s*\?|"
        r"did\s+I\s+do\s+something(?:\s+wrong)?\s*\?|what\s+did\s+I\s+do(?:\s+wrong)?\s*\?|"
        r"is\s+(?:it|this)\s+(?:something\s+I\s+did|because\s+of\s+me|my\s+fault)\s*\?|"
        r"is\s+everything\s+(?:ok|okay|alright|fine|good)\s+(?:between\s+us|with\s+us)|"
        r"is\s+(?:there\s+)?something\s+wrong\s+(?:between\s+us|with\s+us)|"
        r"(?:are|r)\s+(?:you|u)\s+(?:ignoring|avoiding)\s+me|"
        r"(?:are|r)\s+(?:you|u)\s+(?:still\s+)?(?:there|awake|alive)\s*\?+|"
        r"why\s+(?:aren'?t|won'?t|don'?t|arent|wont|dont|are\s+you\s+not|haven'?t)\s+(?:you|u)\s+"
        r"(?:answering|replying|responding|picking\s+up|texting\s+(?:me\s+)?back|answer|reply|"
        r"respond|pick\s+up|text\s+(?:me\s+)?back|answered|replied|responded|called|"
        r"talking\s+to\s+me)|(?:hello|helloo+|hey|hi|babe|baby)\s*\?{2,}|"
        r"I\s+need\s+to\s+know\s+(?:if\s+|that\s+|where\s+|what\s+)?(?:you|we|we'?re|you'?re)\b|"
        r"I\s+need\s+you\s+to\s+(?:tell\s+me|answer|reply|respond|say|promise)|just\s+tell\s+me\s+"
        r"(?:if|what|whether|the\s+truth|something)",
        unless_after=r"\s*(?:for|to|with|on|if\s+we|about\s+the|at\s+the|that\s+I'?m\s+late|yet)\b|"
        r"\s*(?:\?\s*)?(?:haha|lol|😂)|"
        r"\s*(?:\?\s*)?(?:it'?s\s+(?:ok|fine)|no\s+worries|all\s+good|just\s+checking)",
        unless_before=r"\bnot sure|\bif",
    ),
    rule(
        "reassure.pressing",
        "reassurance_seeking",
        r"so\s+I\s+know\s+(?:you'?re|we'?re|you\s+are|we\s+are)"
        r"\s+(?:not\s+)?(?:ok|okay|fine|angry|mad|upset|alright|good|still)|"
        r"(?:you|u)\s+still\s+(?:like|love|want)\s+me(?:\s+though)?\s*\?|"
        r"(?:are|r)\s+(?:you|u)\s+(?:still\s+)?(?:happy|ok|okay|good|alright)\s+with\s+(?:me|us)|"
        r"(?:you'?d|you\s+would)\s+tell\s+me\s+if\b|right\s*\?+\s*right\s*\?+|"
        r"(?:just\s+)?checking\s+(?:that\s+|if\s+)?(?:we'?re|you'?re|"
        r"we\s+are)\s+(?:still\s+)?(?:ok|okay|"
        r"good|alright|fine)|we'?re\s+still\s+(?:ok|okay|good|alright)\s*\?|"
        r"(?:checked|refreshed|looked\s+at|re-?read|reread)\b[^.!?\n]{0,40}?\b(?:\d+|so\s+many|"
        r"a\s+hundred|"
        r"a\s+million|a\s+thousand)\s+times|(?:I'?m\s+)?sorry[,.!]*\s+(?:I'?m\s+)?sorry[,.!]*\s+"
        r"(?:I'?m\s+)?sorry|please\s+say\s+(?:yes|something|we'?re|you)|"
        r"please\s+(?:just\s+)?don'?t\s+be\s+(?:mad|angry|upset|cross|annoyed)\s+(?:at|with)\s+me|"
        r"I\s+(?:just\s+)?need\s+(?:you\s+)?to\s+(?:say|hear|know)\s+(?:it'?s\s+not|"
        r"that\s+(?:we|you|it)|"
        r"(?:we|you)'?re)",
        unless_after=r"\s*(?:for|to)\b|\s*(?:\?\s*)?(?:haha|lol|😂)",
        unless_before=r"\bnot sure|\bif",
    ),
    rule(
        "reassure.please-answer",
        "reassurance_seeking",
        r"please\s+(?:please\s+)*(?:just\s+)?(?:answer|reply|respond|text\s+(?:me\s+)?back|call\s+"
        r"(?:me\s+)?back|pick\s+up|talk\s+to\s+me|say\s+something|tell\s+me\s+something|"
        r"let\s+me\s+know\s+(?:we'?re|you'?re|if\s+we'?re|if\s+you'?re)\s+(?:ok|okay|fine|"
        r"alright))\b|"
        r"(?:just\s+)?answer\s+me\b|(?:just\s+)?(?:reply|respond)\s+to\s+me\b|"
        r"pick\s+up\s+(?:your|the|ur)\s+"
        r"phone|(?:why\s+)?(?:are|r)\s+(?:you|u)\s+(?:not|ignoring)\s+(?:answering|replying)",
        unless_after=r"\s*(?:when|whenever|if|no\s+rush|at\s+your|once|after|in\s+the|"
        r"by\s+(?:the|friday|"
        r"monday|tomorrow))|\s*(?:the|this|my|that)\s+(?:question|email|survey|form|door)\b",
    ),
)

RULES: tuple[Rule, ...] = _ULTIMATUM + _THREAT + _GUILT + _REASSURANCE
