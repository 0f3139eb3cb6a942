"""Rules for blame: criticism, contempt and sarcasm (our own wording).

Each rule is precise on purpose: a calm message flagged teaches a person to ignore the
check, so "you always" needs a complaint after it, and a playful insult among laughs and
hearts is left alone.
"""

from __future__ import annotations

from clearheart.domain.draftcheck.rulebook import Rule, rule

PLAY = (
    r"\blo+l\b|\blmao\b|\bha(?:ha)+\b|\bhehe|\bjk\b|\bjust kidding|😂|🤣|😆|😜|😘|🥰|😍|❤|♥|💕|"
    r"\blove (?:you|ya|u)\b|\bily\b|\bxo+\b"
)
"""Laughter and affection: teasing among these is play, not contempt."""

_ALWAYS_DOES = (
    r"ignor\w*|forg[eo]t\w*|cancel\w*|bail\w*|flak\w*|interrupt\w*|lie|lies|lying|lied|"
    r"complain\w*|critici[sz]\w*|blam\w*|twist\w*|turn\w* (?:it|this|everything|things) around|"
    r"make (?:it|this|everything) about (?:you|yourself)|making (?:it|this|everything) about|"
    r"do(?:ing)? (?:this|that|the same thing)|did (?:this|that)|pull\w* away|disappear\w*|"
    r"shut\w* (?:me )?(?:down|out|off)|run\w* away|walk\w* away|go(?:ing)? (?:quiet|silent|cold|"
    r"dark|mia|awol)|ghost\w*|brush\w* (?:me|it|this) off|dismiss\w*|"
    r"leav\w* me (?:hanging|on read|on delivered|out|waiting|alone)|put\w* (?:me|us) last|"
    r"choos\w* (?:work|your|them|him|her|everyone|everything|anything) over|"
    r"pick\w* (?:work|your|them|him|her|everyone|everything) over|get\w* defensive|overreact\w*|"
    r"yell\w*|shout\w*|snap\w*|ruin\w*|mess\w* (?:it |things |everything )?up|"
    r"screw\w* (?:it |things |everything )?up|let\w* me down|disappoint\w*|"
    r"take (?:their|his|her|your \w+'s) side|side\w* with|have (?:an|some) excuse|"
    r"(?:have|need) to be right|make\w* excuses|avoid\w*|change\w* the subject|"
    r"(?:on|looking at|stare at|staring at) your phone|late|check\w* out|zon\w* out|sulk\w*|"
    r"say (?:that|the same thing)|act\w* like (?:I|this|it|nothing)|"
    r"find\w* (?:a|an|some) (?:reason|excuse)|mak\w* me (?:feel|wait|cry|beg|ask)|"
    r"leav\w* (?:the|your|dishes|everything|it) (?:for me|to me|lying|on)|"
    r"assum\w* the worst|think\w* (?:you'?re|ur) right|minimi[sz]\w*|belittl\w*|"
    r"talk\w* (?:over|down to) me|guilt\w* me|stonewall\w*|withdraw\w*|"
    r"stop\w* (?:replying|answering|talking|texting|responding)|go(?:ing)? to sleep angry|"
    r"storm\w* off|hang\w* up on me|come\w* home late|spend\w* (?:all )?(?:your|the) (?:time|money|"
    r"weekends?) (?:with|on)|play\w* (?:games|the victim|victim)"
)
"""What someone "always" or "keeps" doing that makes the sentence a complaint."""

_NEVER_DOES = (
    r"listen\w*|help\w*|call\w*|text\w*|repl\w*|respond\w*|answer\w*|ask\w*|apologi[sz]\w*|"
    r"say\w* sorry|said sorry|show\w* up|showed up|make\w* (?:time|an effort|plans|the effort)|"
    r"made (?:time|an effort|plans)|care\w*|cared|tr(?:y|ies|ied)|follow\w* through|plan\w*|"
    r"initiat\w*|think\w* (?:about|of) (?:me|us|anyone|how)|thought (?:about|of) (?:me|us)|"
    r"notic\w*|remember\w*|tak\w* responsibility|took responsibility|put\w* (?:me|us) first|"
    r"open\w* up|talk\w*|tell\w* me (?:anything|how|what|when|where|why|the truth)|"
    r"told me (?:anything|how|the truth)|have time|had time|(?:are|were|is) (?:there|around|home|"
    r"available|on time)|compromis\w*|admit\w*|own\w* (?:it|up|your)|back\w* me up|"
    r"support\w*|check\w* (?:in|on me)|shar\w*|mean\w* it|keep (?:your|a) (?:word|promise)|"
    r"kept (?:your|a) (?:word|promise)|do(?:es)? (?:anything|what you say|your (?:part|share))|"
    r"did (?:anything|what you said)|pull\w* your weight|clean\w*|cook\w*|visit\w*|"
    r"consider\w*|includ\w*|appreciat\w*|thank\w*|prioriti[sz]\w*|want\w* to (?:talk|see|spend|"
    r"hear|do)|bother\w*|reach\w* out|come\w* (?:to|see|over|home)|came (?:to|home)|"
    r"make\w* me feel|made me feel"
)
"""What someone "never" does that makes the sentence a complaint ("you never listen")."""

_CHARACTER = (
    r"selfish|lazy|cold|heartless|inconsiderate|immature|unreliable|careless|"
    r"self[- ]?(?:centered|centred|absorbed|obsessed|ish)|thoughtless|insensitive|irresponsible|"
    r"controlling|manipulative|toxic|emotionally (?:unavailable|stunted|dead|absent)|"
    r"dismissive|impossible|exhausting|rude|mean|cruel|fake|incapable|ungrateful|clueless|"
    r"passive[- ]aggressive|unbearable|dishonest|untrustworthy|useless|hopeless|flaky|secretive|"
    r"(?:bad|terrible|awful|hopeless|useless|rubbish|crap)\s+at\b|"
    r"(?:a|an|such\s+a)\s+(?:flaky|selfish|cold|lazy|toxic|terrible|awful|horrible|bad|fake|cruel|"
    r"dishonest|careless|heartless|unreliable|immature)\s+(?:person|partner|man|woman|human)|"
    r"such a (?:mess|letdown|let down|disappointment)|a (?:mess|disappointment|letdown)|"
    r"the (?:worst|problem)|never (?:there|around|home|available|on time)|"
    r"always (?:late|busy|on your phone|tired|working|angry|distracted|somewhere else|"
    r"making excuses|so busy|so cold|so distant|too busy)|so (?:distant|closed off|cold)|"
    r"closed off|distant|a bad (?:partner|boyfriend|girlfriend|husband|wife|father|mother)|"
    r"terrible at|incapable of|unable to (?:love|care|commit|listen|be honest)|"
    r"not capable of|(?:such|a) (?:terrible|awful|horrible) (?:partner|boyfriend|girlfriend|"
    r"husband|wife|person)|the most (?:selfish|inconsiderate|thoughtless|careless)"
)
"""How a person is, said as a fact about them: criticism of character."""

_INSULT_HARD = (
    r"asshole|arsehole|bitch|prick|dick|douche\w*|bastard|twat|cunt|slut|whore|dumbass|"
    r"piece of (?:shit|crap|work|garbage|trash)|waste of (?:space|time|air|oxygen)|"
    r"psycho|narcissist|loser|moron|imbecile|coward|liar|failure|pig|creep|freak|lunatic|"
    r"nutcase|parasite|leech|disgrace|embarrassment|sociopath|manchild|man-child|"
    r"joke|nobody|nothing|trash|garbage"
)
_INSULT_MILD = (
    r"idiot|clown|fool|child|baby|dummy|jerk|ass|weirdo|brat|crybaby|drama queen|toddler|"
    r"teenager|five[- ]year[- ]old|kid"
)
_INSULT_ADJ_HARD = (
    r"pathetic|disgusting|worthless|repulsive|revolting|gross|spineless|brainless|"
    r"embarrassing|laughable|a joke|beneath me|vile"
)
_INSULT_ADJ_MILD = r"stupid|dumb|ridiculous|unbelievable|insane|crazy|delusional|hysterical|nuts"
_YOU_ARE = r"(?:<youre>|<you>\s+(?:are|r)|you\s+sound\s+like|you\s+act\s+like|acting\s+like)"
_FILL = (
    r"(?:\s+(?:such|a|an|the|being|just|so|really|total|complete|absolute|real|fucking|freaking|"
    r"pathetic|spineless|biggest|massive|selfish|stupid|lying|little|honestly|literally|"
    r"actually|genuinely|officially|acting|like|a\s+fucking|\w+ly))*"
)

_CRITICISM: tuple[Rule, ...] = (
    rule(
        "crit.you-always",
        "criticism",
        r"<you>\s+(?:always|constantly|keep|keeps|kept|forever|literally\s+always|"
        r"always\s+just|just\s+keep|every\s+(?:single\s+)?time)\s+(?:\w+\s+){0,3}?(?:"
        + _ALWAYS_DOES
        + r")\b",
        unless_before=r"\bnot saying|\bI know|\bthank you for|\bthanks for|\blove (?:how|that)",
    ),
    rule(
        "crit.you-never",
        "criticism",
        r"<you>\s+(?:never|never\s+ever|never\s+once|hardly\s+ever|rarely|don'?t\s+ever)\s+"
        r"(?:even\s+|actually\s+|really\s+|once\s+|ever\s+|bother(?:ed)?\s+to\s+|seem\s+to\s+|"
        r"just\s+|want\s+to\s+)*(?:" + _NEVER_DOES + r")\b",
        unless_before=r"\bnot saying|\bI know|\bwhy would|\bhope",
        unless_after=r"(?:again|back)?\s*(?:me\s+)?(?:laugh|smile|happy|special|safe|loved)\b",
    ),
    rule(
        "crit.you-dont",
        "criticism",
        r"<you>\s+(?:don'?t|do\s+not|didn'?t|did\s+not|can'?t|won'?t)\s+(?:even\s+|really\s+|"
        r"actually\s+|ever\s+|just\s+)*(?:care\s+about\s+(?:me|us|anyone|my|how|what)|care\b(?!\s+"
        r"(?:if|which|what|where|when|either))|listen\b|try\b|respect\s+me|appreciate\s+"
        r"(?:me|anything|what)|love\s+me|give\s+a\s+(?:damn|shit|fuck|crap)|"
        r"think\s+about\s+(?:me|us|anyone)|even\s+notice|make\s+(?:any|an)\s+effort|"
        r"pull\s+your\s+weight|lift\s+a\s+finger|take\s+anything\s+seriously|"
        r"get\s+it\b(?!\s+(?:done|yet|fixed))|bother)",
        unless_before=r"\bif|\bI know|\bhope|\bin case|\bit'?s fine if|\bok(?:ay)? if|"
        r"\bworry if|\bmind if",
        unless_after=r"\s*(?:to|if|whether|about the|much for|too much|for (?:it|them|spicy)|"
        r"that one|what (?:they|people))\b",
    ),
    rule(
        "crit.character",
        "criticism",
        _YOU_ARE + _FILL + r"\s+(?:" + _CHARACTER + r")\b",
        unless_before=r"\bnot saying|\bI don'?t think|\bnever said|\bI know|\bif|\bthat",
        unless_anywhere=PLAY,
        unless_after=r"\s*(?:outside|out there|in here|today\b.{0,20}(?:jacket|coat)|"
        r"(?:at|about) (?:work|the)|to (?:worry|cover|help))",
    ),
    rule(
        "crit.whats-wrong",
        "criticism",
        r"(?:what'?s|what\s+is|whats)\s+(?:wrong|the\s+matter)\s+with\s+<you>\b|"
        r"(?:what'?s|what\s+is|whats)\s+(?:your|ur)\s+(?:problem|deal|issue)\b|"
        r"(?:there'?s|there\s+is|something'?s|"
        r"something\s+is)\s+(?:something\s+)?(?:seriously\s+|really\s+)?"
        r"wrong\s+with\s+<you>\b",
        unless_after=r"\s*(?:today|tonight|now)?\s*\?\s*(?:you seem|are you|you sound|you ok|"
        r"everything)|\s*(?:phone|car|laptop|knee|back|wifi)",
    ),
    rule(
        "crit.about-you",
        "criticism",
        r"(?:<you>\s+only\s+(?:ever\s+)?(?:care|think)\s+about\s+(?:yourself|you|urself)|"
        r"(?:it'?s|it\s+is|everything\s+is|everything'?s)\s+always\s+about\s+(?:you|u)\b|"
        r"<youre>\s+the\s+(?:problem|reason\s+(?:we|this|I|everything))|"
        r"the\s+problem\s+is\s+(?:you|u)\b|<you>\s+ruin(?:ed|s)?\s+everything|"
        r"<you>\s+(?:never|don'?t)\s+do\s+anything|<you>\s+do\s+nothing|"
        r"why\s+(?:can'?t|cant|won'?t)\s+<you>\s+(?:ever|just\s+(?:for\s+once|be\s+normal|grow))|"
        r"what\s+kind\s+of\s+(?:person|partner|boyfriend|girlfriend|husband|wife|man|woman|"
        r"adult)\s+"
        r"(?!is\s+(?:he|she)\b|are\s+you\s+looking)\w+|typical\s+(?:you|of\s+you)\b|"
        r"<you>\s+don'?t\s+know\s+how\s+to\s+(?:love|listen|communicate|care|treat|talk\s+to|"
        r"apologi[sz]e|show|be\s+(?:in\s+a|a\s+partner|there|honest|kind))|"
        r"(?:this|that)\s+is\s+(?:exactly|just|so)\s+who\s+<you>\s+are|"
        r"(?:that'?s|this'?s)\s+(?:exactly|just|so)\s+who\s+<you>\s+are|"
        r"(?:someone|somebody|the\s+kind\s+of\s+person|the\s+type)\s+who\s+(?:disappears|runs|"
        r"bails|"
        r"ghosts|vanishes|lies|cheats|never|always|only\s+cares)|"
        r"who\s+(?:just\s+)?(?:disappears|vanishes|ghosts|ignores\s+(?:someone|their|the)|"
        r"does\s+this)\b|"
        r"the\s+way\s+<you>\s+\w+[^.!?\n]{0,40}?\bis\s+(?:\w+ly\s+)?(?:" + _CHARACTER + r")|"
        r"<you>\s+just\s+(?:vanish|disappear|go\s+quiet|shut\s+down|walk\s+away|ghost|"
        r"check\s+out|run)\b(?!\s+(?:to|for|and\s+(?:get|grab)))|"
        r"every\s+(?:single\s+)?time\b[^.!?\n]{0,60}?\b<you>\s+(?:\w+\s+){0,2}?(?:find\w*\s+"
        r"(?:a\s+way|an\s+excuse|a\s+reason)|vanish\w*|disappear\w*|go\s+quiet|pull\s+away|"
        r"shut\s+down|bail\w*|cancel\w*|leave|ruin\w*)|"
        r"<youre>\s+just\s+like\s+(?:your|ur)\s+(?:mother|mom|mum|father|dad|ex)|"
        r"how\s+(?:can|could)\s+<you>\s+be\s+so\s+(?:" + _CHARACTER + r")|"
        r"why\s+(?:are|r)\s+<you>\s+(?:always\s+)?so\s+(?:" + _CHARACTER + r")|"
        r"<you>\s+can'?t\s+(?:even\s+)?(?:do|manage|handle|remember)\s+(?:one|a\s+single|"
        r"anything|the\s+simplest|a\s+simple)|for\s+once\s+in\s+your\s+life)",
    ),
)

_CONTEMPT: tuple[Rule, ...] = (
    rule(
        "contempt.insult",
        "contempt",
        r"(?:" + _YOU_ARE + _FILL + r"|<you>(?:\s+(?:absolute|pathetic|stupid|fucking|lying|"
        r"selfish|spineless|little|useless|total))*|such\s+an?|what\s+an?)\s+(?:an?\s+)?(?:"
        + _INSULT_HARD
        + r")s?\b",
        unless_after=r"\s*(?:of a (?:day|week)|(?:in|to) (?:the|this|a)|to (?:them|him|her|"
        r"anyone)|else|to worry|at (?:all|a)|wrong)",
        unless_before=r"\bnot saying|\bnever said|\bI'?m not|\bdon'?t think|\bif",
    ),
    rule(
        "contempt.insult-mild",
        "contempt",
        r"(?:" + _YOU_ARE + _FILL + r"|<you>(?:\s+(?:absolute|pathetic|stupid|fucking|little|"
        r"big|total))*|such\s+an?|what\s+an?)\s+(?:an?\s+)?(?:" + _INSULT_MILD + r")s?\b",
        unless_anywhere=PLAY,
        unless_after=r"\s*(?:at heart|when you sleep|about (?:dogs|puppies))|'?s\b",
        unless_before=r"\bmy|\bnot saying|\bI'?m not|\bif|\bhad|\bwith|\bcarry|\bhold",
    ),
    rule(
        "contempt.adjective",
        "contempt",
        _YOU_ARE + _FILL + r"\s+(?:" + _INSULT_ADJ_HARD + r")\b|how\s+(?:pathetic|disgusting)\b|"
        r"<you>\s+(?:disgust|sicken|repulse)\s+me|<you>\s+make\s+me\s+(?:sick|want\s+to\s+(?:puke|"
        r"throw\s+up|vomit))|I\s+(?:can'?t|cannot)\s+(?:stand|even\s+look\s+at)\s+<you>|"
        r"I\s+hate\s+<you>\b|I'?m\s+(?:so\s+)?(?:embarrassed|ashamed)\s+(?:of|"
        r"to\s+be\s+with)\s+<you>",
        unless_anywhere=r"\bI hate (?:you|u) (?:so much )?(?:lol|haha|😂|🤣)",
    ),
    rule(
        "contempt.adjective-mild",
        "contempt",
        _YOU_ARE + _FILL + r"\s+(?:" + _INSULT_ADJ_MILD + r")\b",
        unless_anywhere=PLAY + r"|\b(?:omg|amazing|wow|love|the best|legend|genius|hilarious|funny|"
        r"cute|adorable|sweet|incredible)\b|🙌|🎉",
        unless_before=r"\bnot saying|\bI'?m not|\bdon'?t think|\bif|\bthat",
        unless_after=r"\s*(?:good|talented|fast|lucky|smart|sweet|funny|generous|kind)\b",
    ),
    rule(
        "contempt.dismiss",
        "contempt",
        r"grow\s+up\b|get\s+a\s+life\b|get\s+over\s+yourself|give\s+me\s+a\s+break\b|"
        r"boo[- ]?hoo\b|cry\s+me\s+a\s+river|oh\s+poor\s+(?:baby|you|thing)\b|"
        r"poor\s+(?:little\s+)?(?:baby|you)\b(?!\s+(?:must|are|had|have|need|I'?m))|"
        r"keep\s+telling\s+yourself\s+that|is\s+that\s+the\s+best\s+<you>\s+can\s+do|"
        r"(?:do|does)\s+<you>\s+even\s+have\s+a\s+brain|use\s+your\s+brain|"
        r"(?:nobody|no\s+one)(?:\s+else)?\s+(?:would|will|could)\s+(?:ever\s+)?(?:want|love|"
        r"put\s+up\s+with)\s+<you>|<you>\s+should\s+be\s+grateful|"
        r"like\s+talking\s+to\s+a\s+(?:toddler|child|wall|brick\s+wall|robot|teenager|baby|"
        r"five[- ]year[- ]old|rock)|(?:do|does)\s+<you>\s+even\s+have\s+(?:feelings|a\s+heart|"
        r"a\s+soul|"
        r"emotions|a\s+spine|a\s+brain)|your\s+one\s+(?:feeling|brain\s+cell|emotion)|"
        r"(?:a\s+)?grown\s+(?:adult|man|woman)[.!,]?\s+(?:hiding|who\s+can'?t|acting|sulking|"
        r"too\s+scared)|"
        r"(?:^|(?<=[.!?\n]))\s*(?:\w+[.,!]\s*)?(?:pathetic|spineless|disgusting|gutless|useless|"
        r"embarrassing|laughable)\s*[.!]|"
        r"<you>\s+can'?t\s+even\s+(?:send|manage|text|reply|answer|remember|handle|"
        r"get)\s+(?:one|a\s+"
        r"single|a\s+simple|basic)|(?:^|(?<=[.!?\n]))\s*can'?t\s+even\s+(?:send|manage|text|reply|"
        r"answer)\s+(?:one|a\s+single|a\s+simple)|"
        r"no\s+wonder\s+(?:nobody|no\s+one|your\s+ex|she|he|they|everyone)\s+(?:left|leaves|likes|"
        r"wants|dumped|hates|can'?t)|who\s+(?:even\s+)?(?:does|says|talks\s+like)\s+that\s*\?",
        unless_after=r"\s*(?:so fast|so quickly|,? (?:I|we) (?:can'?t|don'?t))",
        unless_anywhere=r"\bthe (?:kids|baby|dog|cat|puppy|kitten)\b",
    ),
    rule(
        "contempt.eye-roll",
        "contempt",
        r"🙄+|\*\s*(?:eye\s*roll|rolls?\s+(?:my\s+)?eyes|sigh)\s*\*|\beye\s*roll\b|"
        r"\brolls?\s+(?:my\s+)?eyes\b|\brolling\s+my\s+eyes\b",
    ),
    rule(
        "contempt.swear-at",
        "contempt",
        r"(?:f+u+c+k+|screw|fk|fuk|eff)\s+(?:you|u|off|yourself|this\s+relationship)\b|"
        r"go\s+to\s+hell\b|piss\s+off\b|bite\s+me\b|get\s+lost\b|stfu\b|gtfo\b|"
        r"shut\s+(?:the\s+(?:fuck|hell)\s+)?up\b",
        unless_after=r"\s*(?:!+\s*)?(?:that'?s|no way|omg|really|seriously|you did|you got|"
        r"congrat|amazing|I'?m so|did you|is that|with your|it'?s so)",
        unless_anywhere=r"😍|🥳|🎉|🙌|🥰|😂|🤣|\bno way\b|\bcongrat",
    ),
    rule(
        "contempt.whatever",
        "contempt",
        r"(?:^|(?<=[.!?\n]))\s*(?:(?:ok(?:ay)?|k|fine|sure|yeah|right|wow)[,.\s]+)?"
        r"whatever(?:\s+(?:you\s+say|dude|man|then))?\s*[.!🙄]*\s*(?=$|[.!?\n])",
    ),
)

_SARCASM: tuple[Rule, ...] = (
    rule(
        "sarcasm.thanks-for-nothing",
        "sarcasm",
        r"thanks?\s+(?:so\s+much\s+|a\s+lot\s+|again\s+)?for\s+(?:nothing|ignoring\s+me|ghosting|"
        r"leaving\s+me|abandoning|forgetting|the\s+(?:radio\s+)?silence|making\s+me\s+wait|"
        r"standing\s+me\s+up|bailing|letting\s+me\s+down|absolutely\s+nothing|"
        r"(?:the|your)\s+(?:amazing|great|wonderful)\s+support|being\s+so\s+(?:helpful|supportive|"
        r"understanding|thoughtful)|(?:finally\s+)?(?:remembering|noticing|showing\s+up|replying))",
        unless_before=r"\bno\b|\bnever\b",
    ),
    rule(
        "sarcasm.finally",
        "sarcasm",
        r"(?:so\s+|really\s+|very\s+|how\s+)?(?:glad|nice|good|great|kind|lovely|sweet|thoughtful|"
        r"big|generous)\s+(?:of\s+<you>\s+)?(?:to\s+(?:see|know|hear)\s+)?(?:that\s+)?(?:you\s+|"
        r"to\s+)"
        r"(?:finally|eventually|at\s+last|bother(?:ed)?|grace|remembered|decided|"
        r"could\s+(?:finally\s+)?"
        r"(?:make\s+it|fit\s+me\s+in|find\s+the\s+time|spare))|finally\s+decided\s+to\s+(?:reply|"
        r"answer|respond|show\s+up|grace|text|call|talk|join|remember|care|acknowledge|notice)|"
        r"look\s+who'?s\s+(?:finally\s+)?(?:alive|awake|decided|remembered|talking\s+to\s+me)|"
        r"(?:so|oh)\s+now\s+<you>\s+(?:care|remember|want\s+to\s+talk|have\s+time|notice|"
        r"decide)|congrat\w*\s+on\s+(?:finally|remembering)|wow,?\s+(?:you\s+)?(?:actually|"
        r"finally)\s+"
        r"(?:replied|answered|remembered|responded|showed|texted|called|noticed|care|did)|"
        r"gracing\s+(?:me|us)\s+with\s+your\s+presence|"
        r"I'?m\s+(?:sure|certain)\s+<you>\s+(?:were|was|are)\s+(?:so|very|really|s+o+|super)\s+"
        r"(?:busy|tired)|don'?t\s+(?:strain|hurt|trouble)\s+yourself|"
        r"(?:must|it\s+must)\s+be\s+nice\s+to\s+(?:not|never|be\s+able|just|have\s+(?:no|nothing))|"
        r"(?:real|very|so|how)\s+mature\b|yeah,?\s+right\b|because\s+(?:that|this)\s+"
        r"(?:always\s+works|went\s+so\s+well|makes\s+(?:so\s+much\s+)?sense)|"
        r"(?:what\s+a|big|huge)\s+(?:surprise|shock)(?=\s*[.!]|\s*🙃|$)|shocker\b|"
        r"colou?r\s+me\s+surprised|"
        r"no\s+rush,?\s+(?:it'?s|its)\s+(?:only|just)\s+been|"
        r"take\s+your\s+time,?\s+(?:it'?s|its)\s+(?:only|just)\s+been|"
        r"<you>\s+(?:were|was|are|had|said|say|got)\s+(?:(?:so|very|really|"
        r"just)\s+)?[\"“][^\"”\n]{1,25}[\"”]|"
        r"another\s+[\"“][^\"”\n]{1,40}[\"”]|I\s+(?:just\s+)?(?:love|adore|"
        r"enjoy)\s+being\s+(?:left|ignored|"
        r"ghosted|forgotten|an\s+afterthought|kept\s+waiting|on\s+read)|love\s+that\s+for\s+me|"
        r"your\s+very\s+important\s+\w+|look\s+who\s+(?:finally\s+)?(?:remembered|decided|showed|"
        r"found)|remembered\s+(?:that\s+)?I\s+exist|just\s+not\s+(?:for|to|"
        r"with)\s+me,?\s+apparently|"
        r"(?:so|really)\s+(?:glad|happy)\s+I\s+(?:cancelled|canceled|waited|bothered|skipped|"
        r"wasted|"
        r"stayed\s+in)|(?:physically|completely|totally)\s+(?:unable|incapable)\s+(?:to|of)|"
        r"is\s+such\s+a\s+(?:thoughtful|great|lovely|helpful|detailed|warm|wonderful|heartfelt)\s+"
        r"(?:answer|reply|response|message|text)|(?:fitted|squeezed|slotted|pencil+ed|"
        r"fit)\s+(?:me\s+)?"
        r"in\s+between|a\s+whole\s+(?:\w+\s+)?(?:words?|minutes?|sentences?|emoji)\b",
    ),
    rule(
        "sarcasm.oh-great",
        "sarcasm",
        r"(?:^|(?<=[.!?\n]))\s*(?:oh|wow|well|ah)?,?\s*(?:great|wonderful|perfect|fantastic|"
        r"brilliant|"
        r"lovely|awesome|amazing|nice|super|cool|terrific)(?:,\s*(?:just|really|so)\s+\w+)?"
        r"\s*[.!,]+\s*(?:just\s+what\s+I\s+needed|another|so\s+now|now\s+<you>|that'?s\s+just|"
        r"thanks\s+(?:a\s+lot|for\s+that)|as\s+usual|again)|just\s+what\s+I\s+needed\b|"
        r"(?:oh|wow)\s+(?:great|perfect|wonderful|fantastic|lovely|brilliant)\b|"
        r"(?:great|nice|good)\s+job\b|well\s+done\b|thanks\s+a\s+lot\b|how\s+(?:thoughtful|"
        r"sweet|nice|"
        r"considerate|kind|generous)\s+of\s+<you>\b|of\s+course\s+<you>\s+(?:did|didn'?t|would|"
        r"wouldn'?t|are|forgot|can'?t|couldn'?t|had\s+to)\b|sure\s+<you>\s+(?:are|did|were|do|"
        r"will)\b|"
        r"🙃|as\s+if\b|oh\s+(?:wow|really)\b|(?:it\s+)?must\s+be\s+nice\b|I'?m\s+(?:so\s+|"
        r"truly\s+)?(?:honou?red|flattered|touched)|"
        r"(?:what\s+an?|such\s+an?)\s+(?:honou?r|privilege)|(?:really|totally|so)\s+(?:worth\s+it|"
        r"believable)|cool,?\s+cool,?\s+cool|can'?t\s+wait\s*🙃",
        unless_anywhere=r"^(?![\s\S]*\b(?:you|u|your|ur|yourself|ya|me)\b)",
        needs_context=True,
    ),
)


RULES: tuple[Rule, ...] = _CRITICISM + _CONTEMPT + _SARCASM
