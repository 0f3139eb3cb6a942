"""What a WhatsApp line is: a person's words, media, a call, an app notice, a deleted message.

WhatsApp writes its placeholders in the phone's language, and the iPhone app
writes its notices *under the contact's name* (`[..] Sam: ‎Missed voice
call`), marked only by an invisible left-to-right mark (U+200E) in front.
Peers that only look for "no sender" count those notices as the partner
writing. Every body goes through one dictionary look-up and a few substring
tests; only bodies that could be special (a U+200E, "<", "(", "://") reach the
regular expressions below.
"""

from __future__ import annotations

import re

from clearheart.domain.chat import Kind

LRM = "\u200e"
RLM = "\u200f"
_MARKS = LRM + RLM
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

MEDIA_OMITTED = (
    "<Media omitted>", "<Medien ausgeschlossen>", "<Multimedia omitido>", "<Médias omis>",
    "<Mídia oculta>", "<Arquivo de mídia oculto>", "<Media omessi>", "<Media weggelaten>",
    "<Video note omitted>", "<View once voice message omitted>",
)
"""Android's whole-body placeholders when a chat is exported without media."""

IOS_OMITTED = (
    "image omitted", "video omitted", "audio omitted", "sticker omitted", "GIF omitted",
    "document omitted", "Contact card omitted", "video note omitted",
    "Bild weggelassen", "Video weggelassen", "Audio weggelassen", "Sticker weggelassen",
    "GIF weggelassen", "Dokument weggelassen", "Kontaktkarte ausgelassen",
    "imagen omitida", "video omitido", "audio omitido", "sticker omitido", "GIF omitido",
    "documento omitido", "image absente", "vidéo absente", "audio omis", "sticker omis",
    "imagem ocultada", "vídeo omitido", "áudio ocultado", "figurinha omitida",
    "immagine omessa", "video omesso", "audio omesso", "sticker omesso", "documento omesso",
    "afbeelding weggelaten", "video weggelaten", "audio weggelaten", "sticker weggelaten",
    "document weggelaten",
)
"""iPhone placeholders, usually behind a U+200E; any "<noun> omitted" is recognised too."""

_OMIT_WORDS = (
    "omitted|weggelassen|ausgelassen|omitida|omitido|omis|omise|absente|retiré|ocultada|ocultado"
    "|omessa|omesso|omessi|weggelaten|oculta|oculto|ausgeschlossen"
)
_OMITTED = re.compile(rf"(?:^|{LRM}|\s)[\w\- ]{{1,40}} (?:{_OMIT_WORDS})$", re.IGNORECASE)
"""iPhone placeholders: `image omitted`, `Bild weggelassen`, `A.pdf • 3 pages document omitted`."""
_PLACEHOLDER = re.compile(rf"^<\w+(?: \w+){{0,3}} (?:{_OMIT_WORDS})\.?>$", re.IGNORECASE)
_ATTACHED_WORDS = (
    r"attached|Anhang|angehängt|adjunto|archivo adjunto|pièce jointe|joint|anexo|anexado"
    r"|allegato|bijlage|bijgevoegd"
)
_ATTACHED = re.compile(rf"^< ?(?:{_ATTACHED_WORDS}): ?[^<>\n]+>", re.IGNORECASE)
"""iPhone exports with media: `<attached: 00000012-PHOTO-2020-12-31-23-59-59.jpg>`, also with
a space inside each bracket (`< attached: … >`)."""
_ATTACHED_AFTER = re.compile(
    rf"^[^\n<>]{{1,255}}\.\w{{1,6}} [<\u2039][{_MARKS}]*(?:{_ATTACHED_WORDS})>$", re.IGNORECASE
)
"""Older iPhone exports: `2015-08-04-PHOTO-00004762.jpg <\u200eattached>`, the bracket
sometimes a single angle quote (U+2039)."""
_FILE_ATTACHED = re.compile(
    r"^[^\n]{1,255}\.\w{1,6} \((?:file attached|Datei angehängt|archivo adjunto|fichier joint"
    r"|arquivo anexado|file allegato|bestand bijgevoegd)\)",
    re.IGNORECASE,
)
"""Android exports with media: `IMG-20201231-WA0001.jpg (file attached)`, caption on later lines."""
_LOCATION = re.compile(
    r"^(?:live )?(?:location|Standort|ubicación|localisation|position|localização|posizione"
    r"|locatie): https?://",
    re.IGNORECASE,
)

_CALL = re.compile(
    r"^(?:Missed (?:group )?(?:voice|video) call|(?:Group )?(?:Voice|Video) call"
    r"|Verpasster (?:Gruppen)?(?:Sprach|Video)anruf|(?:Sprach|Video)anruf"
    r"|(?:Llamada|Videollamada)(?: de voz| de video| grupal)? perdida|Llamada de (?:voz|video)"
    r"|Videollamada|Appel (?:vocal|vidéo)(?: de groupe)? manqué|Appel (?:vocal|vidéo)"
    r"|Chamada de (?:voz|vídeo)(?: perdida)?|Chiamata (?:vocale|video)(?: persa)?"
    r"|Videochiamata(?: persa)?|Gemiste (?:spraak|video-?)oproep|(?:Spraak|Video-?)oproep)\b",
    re.IGNORECASE,
)

DELETED = (
    "This message was deleted", "You deleted this message", "Message deleted",
    "This message was deleted by admin",
    "Diese Nachricht wurde gelöscht", "Du hast diese Nachricht gelöscht",
    "Se eliminó este mensaje", "Eliminaste este mensaje", "Este mensaje fue eliminado",
    "Ce message a été supprimé", "Vous avez supprimé ce message",
    "Mensagem apagada", "Esta mensagem foi apagada", "Você apagou esta mensagem",
    "Questo messaggio è stato eliminato", "Hai eliminato questo messaggio",
    "Dit bericht is verwijderd", "Je hebt dit bericht verwijderd", "U hebt dit bericht verwijderd",
)

EDITED = (
    "<This message was edited>", "<Diese Nachricht wurde bearbeitet>", "<Se editó este mensaje.>",
    "<Se editó este mensaje>", "<Ce message a été modifié>", "<Mensagem editada>",
    "<Questo messaggio è stato modificato>", "<Dit bericht is bewerkt>",
)
"""Suffixes WhatsApp adds to an edited message; we remove them and set `edited`."""

SYSTEM_PREFIXES = (
    "Messages and calls are end-to-end encrypted",
    "Messages to this chat and calls are now secured with end-to-end encryption",
    "Messages to this group are now secured with end-to-end encryption",
    "Your security code with", "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt",
    "Los mensajes y las llamadas están cifrados de extremo a extremo",
    "Les messages et les appels sont chiffrés de bout en bout",
    "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta",
    "I messaggi e le chiamate sono crittografati end-to-end",
    "Berichten en gesprekken worden end-to-end versleuteld",
)
"""Notices that some exports put under a person's name without any invisible mark."""

_NOT_A_NAME = re.compile(
    r"[\"“”«»]| changed the (?:subject|group|settings)| changed this group| created group"
    r"| changed their phone number| changed to | hat den Betreff| hat die Gruppe| cambió el asunto"
    r"| a modifié le sujet| mudou o assunto| ha cambiato l'oggetto| heeft het onderwerp",
    re.IGNORECASE,
)
"""The text before the first ": " of a notice is no name: `Sam changed the subject to "A: B"`."""


def _variants(words: tuple[str, ...], *, dot: bool) -> dict[str, None]:
    found: dict[str, None] = {}
    for word in words:
        for form in (word, word + "." if dot else word):
            for case in (form, form[:1].lower() + form[1:], form[:1].upper() + form[1:]):
                found[case] = None
                found[LRM + case] = None
    return found


SPECIAL: dict[str, Kind] = {
    **dict.fromkeys(_variants(MEDIA_OMITTED + IOS_OMITTED, dot=False), Kind.MEDIA),
    **dict.fromkeys(_variants(DELETED, dot=True), Kind.DELETED),
}
"""Whole bodies known exactly: one dictionary look-up decides most special messages."""
_EDITED = frozenset(EDITED)


def maybe_special(body: str) -> bool:
    """Cheap test: could this body be anything but a person's plain words? (Used inline too.)"""
    return LRM in body or "<" in body or "(" in body or "://" in body or RLM in body


def looks_like_media(first_line: str) -> bool:
    """A first line only the app writes: `<Video note omitted>`, `<attached: …>`, `x.jpg
    <attached>`, `x.jpg (file attached)`, `location: https://…`. A person typing one of these
    verbatim is read as media."""
    return bool(
        _PLACEHOLDER.match(first_line) or _ATTACHED.match(first_line)
        or _ATTACHED_AFTER.match(first_line) or _FILE_ATTACHED.match(first_line)
        or _LOCATION.match(first_line)
    )


def classify(body: str) -> tuple[Kind, str, bool]:
    """The kind of a body under a sender, the text to keep, and whether it was edited."""
    edited = False
    if body.endswith(">"):
        start = body.rfind("<")
        if body[start:] in _EDITED:
            edited = True
            body = body[:start].rstrip(" " + _MARKS)
    marked = body.startswith((LRM, RLM))
    text = body.lstrip(_MARKS) if marked else body
    kind = SPECIAL.get(text)
    if kind is not None:
        return kind, text, edited
    first = text.split("\n", 1)[0]
    kind = _app_kind(text, first, marked)
    if kind is None:
        return Kind.TEXT, body, edited
    return kind, text.replace(LRM, "").replace(RLM, ""), edited


def _app_kind(text: str, first: str, marked: bool) -> Kind | None:
    """MEDIA, CALL or SYSTEM for the app's own lines; None for a person's words."""
    if looks_like_media(first) or ((marked or LRM in first) and _OMITTED.search(first)):
        return Kind.MEDIA
    if marked and _CALL.match(text):
        return Kind.CALL
    if marked or text.startswith(SYSTEM_PREFIXES):
        return Kind.SYSTEM
    return None


def classify_notice(text: str) -> Kind:
    """A line without a sender is the app's: a notice, or on some phones a call."""
    stripped = text.lstrip(_MARKS)
    return Kind.CALL if _CALL.match(stripped) else Kind.SYSTEM


def clean_sender(raw: str) -> str | None:
    """The name without invisible direction marks; None when it is really a notice's text."""
    if _NOT_A_NAME.search(raw) or len(raw) > 100:
        return None
    name = _BIDI.sub("", raw).strip()
    return name or None
