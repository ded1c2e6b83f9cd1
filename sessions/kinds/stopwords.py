"""Words too common to say anything in a word cloud, in Swedish and English.

Compared by ``text.key``, so every word here is in lower case. Only words of
three letters or more reach the cloud, but short ones stay listed for whoever
uses the sets elsewhere.
"""


def _words(listed: str) -> frozenset[str]:
    # Words listed as running text: a list literal would take a line per word.
    return frozenset(listed.split())


SWEDISH = _words(
    """
    alla allt alltid aldrig andra annan annat att av bara bli blir blev blivit
    både då dem den denna dens deras dess dessa det detta dig din dina ditt dock
    dom du där efter eftersom ej eller en er era ert ett fler flera för från
    får genom ha hade han hans har hen henne hennes hit hon honom hos
    hur här i icke ingen inget inga inom inte jag ju just kan kanske kommer kunde
    man med mellan men mer mest mig min mina mitt mot mycket måste ni nog nu när
    någon något några och också om oss redan sa sedan sen sig sin sina sitt
    själv ska skall skulle som så sådan sådana sådant sånt till ut utan vad vara
    var varför varit varje vars vart vem vi vid vilka vilkas vilken vilket vill
    väl vår våra vårt än ändå ännu är även åt över
    """
)

ENGLISH = _words(
    """
    a about above after again against all also am an and any are aren't as at be
    because been before being below between both but by can can't cannot could
    couldn't did didn't do does doesn't doing don't down during each few for
    from further get got had hadn't has hasn't have haven't having he her here
    hers herself him himself his how i i'd i'll i'm i've if in into is isn't it
    it's its itself just let's many may me might more most much must my myself
    no nor not now of off on once only or other our ours ourselves out over own
    same she should shouldn't so some such than that that's the their theirs
    them themselves then there there's these they they're this those through to
    too under until up very was wasn't we we'll we're we've were weren't what
    when where which while who whom why will with won't would wouldn't you
    you'll you're you've your yours yourself yourselves
    """
)

STOP_WORDS = SWEDISH | ENGLISH
