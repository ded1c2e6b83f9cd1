"""Catalogues from the seed: Reglab's *Integration – regionernas roll* (2016–17)."""

ROLES: tuple[str, ...] = (
    "Analysförmedlare",
    "Innovatör",
    "Lobbyist",
    "Mäklare",
    "Samordnare",
    "Koordinator",
    "Strategiskt arbete",
    "Dörröppnare",
    "Förebild",
    "Nav",
    "Stödjare",
    "Visionär",
    "Möjliggörare",
    "Nätverkare",
    "Omvärldsbevakare",
    "Projektutvecklare",
    "Projektägare",
    "Processledare",
    "Pådrivare",
    "Påverkare",
    "Samverkare",
    "Samhandlare",
    "Samlande kraft",
    "Nejsägare som påtalar brister",
    "Kunskapsförmedlare",
    "Finansiär",
    "Kunskapsutvecklare",
)

# Region Skåne's six roles, from its own strategy work.
SKANE_ROLES: tuple[str, ...] = (
    "Planupprättaren",
    "Kunskapsspridaren",
    "Finansiären",
    "Lobbyisten",
    "Processledaren",
    "Kunskapsgeneratorn",
)

ACTORS: tuple[str, ...] = (
    "Länsstyrelsen",
    "Arbetsförmedlingen",
    "Kommunerna",
    "Migrationsverket",
    "Försäkringskassan",
    "Landstinget / hälso- och sjukvården",
    "Universitet och högskolor",
    "Folkhögskolor",
    "Civilsamhället / idéburen sektor",
    "Näringslivet",
    "SKL",
    "Tillväxtverket",
    "Vinnova",
    "Regionen",
)

AREAS: tuple[str, ...] = (
    "Tillväxt",
    "Kompetensförsörjning",
    "Etablering och tidiga insatser",
    "SFI och vuxenutbildning",
    "Boende",
    "Fysisk planering",
    "Kollektivtrafik",
    "Innovationsförmåga",
    "Attraktivitet",
    "Företagande",
    "Folkhälsa",
    "Hälso- och sjukvård",
    "Kultur",
    "Demografiska utmaningar",
    "Demokrati",
    "Civilsamhällets roll",
)

LESSON_THEMES: tuple[str, ...] = (
    "Se integration som tillväxtfråga",
    "Definiera mera",
    "Använd strategiska dokument",
    "Kartlägg det som redan görs",
    "Skapa möten och dialog",
    "Agera i mellanrummen",
    "Involvera det civila samhället",
    "Bygg kunskap",
)

# How large a role others see the region take ("Andras ögon"), smallest first.
SIZES: tuple[str, ...] = ("Ingen roll", "Liten roll", "Viss roll", "Stort ansvar")

# Relation types of the actor mapping.
RELATION_TYPES: tuple[str, ...] = (
    "samverkan",
    "finansiering",
    "uppdrag",
    "kunskapsutbyte",
)
# Financing and commissioning go from one actor to the other; the rest are mutual.
DIRECTED_RELATION_TYPES: tuple[str, ...] = ("finansiering", "uppdrag")
