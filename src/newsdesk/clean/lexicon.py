"""Per-language cue phrases for page furniture, and stopword lists.

Cue phrases are the cheap, high-precision half of the cleaner: a line that says "You have
read 3 articles this month" is a paywall counter in any layout.  They are deliberately
phrase-level (never single common words), and :func:`match_rules` only trusts a single cue
on a short line; a long paragraph needs two distinct cues of one kind (a donation appeal
says "support" *and* "contribution"), so body text that merely mentions cookies or
Facebook is left to the line model.

Stopword lists (``stopwords.json.gz``) are taken from jusText's stoplists (BSD-2-Clause,
Jan Pomikálek), restricted to ~30 languages and their shortest 1,500 entries; the line
model uses stopword density as its main "is this running prose" signal.
"""

from __future__ import annotations

import gzip
import json
import re
import re._constants as _sre
import re._parser as _sre_parse
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from operator import itemgetter
from typing import Any

import ahocorasick_rs
import numpy as np

# -- rules -----------------------------------------------------------------------------

_I = re.IGNORECASE | re.UNICODE

#: reason -> regexes (en, fr, de, es, plus a few it/pt/nl cues).  Each regex is one cue.
#: an optional clock time ("12:37 Uhr", "7.57 Uhr", "at 3:05 pm"), then the line's end
_CLOCK_TO_END = r"(?:,?\s*(?:um\s+|at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|h))?)?\W*$"

_RULES: dict[str, list[str]] = {
    "paywall": [
        r"\byou(?:'ve| have) (?:read|viewed|reached) (?:\d+|\w+|your|the|more than \d+) (?:free )?(?:articles?|stor(?:y|ies)|limit)",
        r"\b\d+ (?:free )?(?:articles?|stories) (?:left|remaining)\b",
        r"\bfree articles? (?:left|remaining|this month)\b",
        r"\bregister (?:now )?(?:to|for) (?:receive |get |continue |enjoy )?(?:full|unlimited|free)? ?access\b",
        r"\b(?:please )?(?:register|sign in|log in|subscribe) to (?:continue|keep) reading\b",
        r"\bto continue reading\b",
        r"\bsubscribe (?:now )?to (?:continue|read|unlock|get (?:full|unlimited))",
        r"\balready (?:a )?(?:subscriber|registered|have an account)\b",
        r"\bsubscribers? only\b|\bfor subscribers\b|\bexclusive to subscribers\b",
        r"\bloyal [\w.]+ reader\b|\bloyal reader\b",
        r"\bthis (?:article|content) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members)\b",
        r"\bunlimited (?:digital )?access\b",
        # fr
        r"\bvous avez (?:lu|consulté) \d+",
        r"\br[ée]serv[ée] aux abonn[ée]s\b|\bd[ée]j[àa] abonn[ée]\b",
        r"\bpour (?:lire|continuer) (?:la suite|[àa] lire)\b",
        r"\babonnez-vous (?:pour|d[èe]s|[àa] partir)\b",
        r"\barticles? gratuits? restants?\b",
        # de
        r"\bsie haben (?:bereits )?\d+ (?:kostenlose )?artikel\b",
        r"\bnur f[üu]r abonnenten\b|\bbereits abonnent\b|\bjetzt abonnieren\b",
        r"\bweiterlesen mit\b|\bum weiterzulesen\b|\bregistrieren sie sich\b",
        r"\b(?:plus|premium)-?artikel\b",
        # es
        r"\bhas le[íi]do \d+",
        r"\bexclusivo para suscriptores\b|\bya eres suscriptor\b|\bsuscr[íi]bete para\b",
        r"\bpara (?:seguir|continuar) leyendo\b",
        r"\bto (?:view|read) the (?:full|whole|rest of the) (?:story|article)\b",
        # an ad-blocker nag, not an article about ad blockers
        r"\b(?:disable|turn off|deactivate|whitelist|pause) (?:your |the )?ad-?blocker\b|\b(?:using|running) an ad-?blocker\b",
        r"\bwerbeblocker (?:deaktivieren|ausschalten|abschalten)\b|\b(?:sie|du) (?:einen )?werbeblocker (?:nutzen|verwenden|aktiviert)\b",
        r"\bart[íi]culos? gratuitos? restantes?\b",
        r"\bsign in to continue\b|\bregister to unlock\b|\bunlock (?:more|this) articles?\b|\badditional articles per month\b",
        r"\bje d[ée]couvre les offres\b|\ba[ñn]adir otro usuario a tu suscripci[óo]n\b",
        r"\bsave this article by registering\b|\bsign-in if you have an account\b",
        # it, pt, nl, pl, ru, uk, tr, ar, id, ja, zh, ko (session 26): the notice that the rest
        # is for subscribers, and the prompt to subscribe to read on
        r"\bper continuare a leggere\b|\briservato agli abbonati\b|\bsei gi[àa] abbonato\b|\bcontenuto riservato\b",
        r"\bpara continuar (?:lendo|a ler)\b|\bexclusivo para assinantes\b|\bj[áa] [ée] assinante\b|\bassine para (?:ler|continuar)\b",
        r"\bom (?:verder )?te lezen\b.{0,40}\babonnee\b|\balleen voor abonnees\b|\bal abonnee\b",
        r"\btylko dla (?:prenumerator[óo]w|subskrybent[óo]w|abonent[óo]w)\b|\baby (?:przeczyta[ćc]|czyta[ćc]) dalej\b",
        r"\bчтобы (?:продолжить|дочитать) (?:чтение|статью)\b|\bтолько для подписчиков\b|\bоформите подписку\b",
        r"\bщоб (?:продовжити|дочитати) (?:читання|статтю)\b|\bлише для передплатників\b|\bоформіть передплату\b",
        r"\babonelere [öo]zel|\bokumaya devam etmek i[çc]in\b",
        # a wire's notice that its site shows a summary of what subscribers get (Anadolu Ajansı,
        # in Turkish and English, under every story)
        r"\babonelik i[çc]in (?:l[üu]tfen )?ileti[şs]ime ge[çc]|\bplease contact us for subscription options\b",
        r"\bللمشتركين فقط\b|\bلمواصلة القراءة\b|\bاشترك (?:الآن )?لقراءة\b",
        r"\bkhusus (?:pelanggan|member)\b|\buntuk melanjutkan membaca\b|\bbaca selengkapnya dengan berlangganan\b",
        # (not "会員限定" or "有料会員" alone: "有料会員数が100万人を突破" is news)
        r"会員限定(?:の)?(?:記事|コンテンツ)|有料会員限定|続きを読むには|この記事は有料|付费阅读|订阅后(?:阅读|继续)|会员专享"
        r"|유료\s?회원\s?전용|구독자\s?전용",
    ],
    "donation": [
        r"\bdonat(?:e|ing|ion|ions)\b",
        r"\bcan we count on your support\b",
        r"\bevery contribution\b|\bmake a contribution\b|\bcontribute (?:today|now)\b",
        r"\bsupport (?:our|independent|quality|us|the) (?:journalism|reporting|work|mission)\b",
        r"\bwe rely on (?:readers|supporters|you)\b",
        r"\b(?:become|be) a (?:part of our mission|supporter|member|patron)\b",
        r"\bjust before you (?:scroll|go|leave|move) on\b|\bbefore you (?:scroll|go|leave)\b",
        r"\bthe support you provide\b|\byour support (?:helps|allows|makes)\b",
        # fr
        r"\bfaites? un don\b|\bfaire un don\b|\bsoutenez(?:-nous| notre)\b",
        # de
        r"\bjetzt spenden\b|\bspenden sie\b|\bunterst[üu]tzen sie (?:uns|unsere)\b",
        # es
        r"\bhaz una donaci[óo]n\b|\bdona (?:ahora|hoy)\b|\bap[óo]yanos\b|\bapoya (?:nuestro|el) periodismo\b",
        r"\bunterst[üu]tze (?:uns|\w+ (?:bereits |schon )?mit)\b|\bwesprzyj nas\b|\bprzeka[żz] darowizn[ęe]\b",
        # the appeal's opening question and the outlet's shop ("Sie lesen gern Achgut.com?",
        # "Besuchen Sie unseren Fan-Shop!")
        r"^\W*(?:sie lesen|du liest) gerne? [\w.-]+\?|\bbesuchen sie unseren (?:fan-?)?shop\b",
        # it, pt, nl, ru, uk, tr, ar, id (session 26)
        r"\bsostieni(?: il nostro| l'informazione|ci)\b|\bfai una donazione\b|\bapoie o (?:nosso )?jornalismo\b|\bfa[çc]a uma doa[çc][ãa]o\b",
        r"\bsteun (?:ons|onze journalistiek)\b|\bподдержите (?:нас|редакцию|проект)\b|\bпідтримайте (?:нас|редакцію|проєкт)\b",
        r"\bbize destek olun\b|\bادعم(?:وا)? (?:صحافتنا|الصحافة المستقلة)\b|\bdukung (?:kami|jurnalisme)\b",
    ],
    "cookie": [
        r"\bcookies?\b",
        r"\b(?:we|this (?:site|website)) uses? cookies\b",
        r"\bprivacy (?:settings|preferences)\b|\bmanage consent\b|\baccept all\b",
        r"\bnous utilisons des (?:cookies|traceurs)\b|\bconsentement\b",
        r"\bwir verwenden cookies\b|\bdatenschutzeinstellungen\b|\balle akzeptieren\b",
        r"\butilizamos cookies\b|\baceptar (?:todas|cookies)\b",
        # a consent plugin's standard text, whose second sentence names no cookie (WordPress'
        # Borlabs: "Einige von ihnen sind essenziell, während andere uns helfen, ...")
        r"\beinige von ihnen sind essenziell\b|\bsome of them are essential, while others\b",
        # Turkish and Arabic name them in their own words (session 26)
        r"\bçerezler(?:i)? kullan|\bملفات تعريف الارتباط\b",
    ],
    "newsletter": [
        r"\bnewsletters?\b",
        r"\bsign up (?:for|to) (?:our|the|a)\b|\bsubscribe to our\b|\bdelivered (?:straight )?to your inbox\b",
        r"\binscrivez-vous\b|\babonnez-vous [àa] (?:notre|la) lettre\b",
        r"\bmelden sie sich (?:jetzt )?(?:f[üu]r|zum)\b",
        r"\bbolet[íi]n\b|\bsuscr[íi]bete a nuestr[oa]\b",
        r"\bno spam\b|\bunsubscribe (?:at any time|anytime)\b|\bjederzeit (?:wieder )?(?:abbestellen|abmelden|widerrufen)\b",
        r"\bget (?:regular|the latest|our latest) (?:updates|news)\b|\bstraight to your inbox\b",
        r"\b(?:direct|directly|right) (?:in)?to your inbox\b|\bcheck your spam folder\b|\bconfirm your (?:e-?mail address|subscription)\b",
        r"\bdirekt in (?:ihr|dein|ihren|deinen) (?:e-mail-)?(?:postfach|posteingang)\b|\bsuoraan s[äa]hk[öo]postiisi\b|\btilaa uutiskirje\b"
        r"|\bdirekt i din inkorg\b|\bdirectement dans votre bo[îi]te\b|\bdirectamente en tu (?:bandeja|correo)\b",
        r"\benter your e-?mail\b|\bby e-?mail and never miss\b|\b(?:receive|get) (?:a|our|the) (?:daily|weekly) (?:list|digest|edition|briefing)\b",
        r"\bzapraszamy (?:te[żz] |tak[żz]e )?do subskrypcji\b",
        r"\bvous d[ée]sinscrire [àa] tout moment\b|\bdarte de baja en cualquier momento\b",
        # Russian, Ukrainian, Turkish, Arabic (session 26; "newsletter" above finds the rest)
        r"\bподпишитесь на (?:нашу )?рассылку\b|\bпідпишіться на (?:нашу )?розсилку\b",
        r"\bbültenimize abone ol|\bاشترك في (?:النشرة|نشرتنا)\b",
    ],
    "social": [
        r"\bfollow us\b|\bfollow (?:\w+ )?on (?:twitter|facebook|instagram|x|linkedin|telegram)\b",
        r"\bshare (?:this|on) (?:article|story|facebook|twitter|x|whatsapp|linkedin)\b",
        r"\bjoin (?:us|our channel) on (?:telegram|whatsapp|facebook)\b",
        r"\bsuivez-nous\b|\bpartager sur\b",
        r"\bfolgen sie uns\b|\bteilen auf\b",
        r"\bs[íi]guenos\b|\bcompartir en\b",
        r"\b(?:our|unse?re?n?|nuestro|notre|nosso) (?:youtube|telegram|whatsapp)[- ]?(?:channel|kanal|canal|cha[îi]ne)\b",
        r"\bnos siga no\b|\bsiga-nos\b",
        r"\bin (?:ihrer|ihre|deiner|die) zwischenablage (?:kopiert|gespeichert)\b|\blink (?:copied|kopiert)\b",
        r"\bcopy link\b|\blink kopieren\b|\bcopiar (?:el )?(?:link|enlace)\b|\bcopier le lien\b",
        r"\bsalva questo articolo\b|\bum die teilen-funktion zu [öo]ffnen\b",
        # the prompt to share or like what one has just read, and the channel invitations
        # ("Gefällt Ihnen, was Sie lesen? Teilen Sie diesen Beitrag!", "¡Mira lo que tiene
        # nuestro canal de YouTube!")
        r"\bgef[äa]llt (?:ihnen|dir),? (?:was (?:sie|du) (?:lesen|liest)|dieser (?:artikel|beitrag))\?",
        r"\bteilen sie diesen (?:beitrag|artikel)\b|\bpartagez cet article\b|\bcomparte (?:este|esta) (?:art[íi]culo|nota)\b",
        r"\bmira lo que tiene nuestro canal\b|\b[úu]nete (?:a nuestro canal|desde tu (?:celular|m[óo]vil))\b",
        # the same calls in the other languages monitoring desks read most (session 26): a
        # call to follow or share, never a sentence of news ("seguici su", "volg ons op",
        # "obserwuj nas", "ikuti kami di", Russian, Ukrainian, Arabic, Persian, Turkish,
        # Chinese, Japanese)
        r"\bseguici su\b|\bcondividi su\b|\bvolg ons (?:op|via)\b|\bdeel dit artikel\b",
        r"\bobserwuj nas\b|\budost[ęe]pnij (?:na|artyku[łl])\b|\bikuti kami di\b|\bbagikan (?:ke|artikel ini)\b",
        r"\bsiga (?:o|a) [\w.-]+ n[oa] (?:instagram|twitter|facebook|tiktok|youtube)\b|\bcompartilhe (?:no|este|esta)\b",
        r"\bподписывайтесь на (?:нас|наш)\b|\bследите за нами\b|\bмы в соц(?:иальных )?сетях\b|\bподелиться в\b",
        r"\bпідпису[йв]тес[ья] на (?:нас|наш)\b|\b(?:слідкуйте|стежте) за нами\b|\bми в соцмережах\b|\bподілитися в\b",
        r"\bتابعونا\b|\bتابعنا (?:على|عبر)\b|\bشارك(?:ها)? (?:على|عبر)\b|\bانضم(?:وا)? (?:إلى|الى) قناتنا\b",
        r"\bما را در\s+\S+\s+دنبال کنید|\bبه کانال\s+\S+\s+بپیوندید",
        r"\bbizi takip ed(?:in|ebilirsiniz)\b|\bsosyal medya hesaplar",
        r"关注我们的|扫码关注|扫描二维码关注|分享到[：:]|をフォローしてください|公式アカウントをフォロー|この記事をシェア",
        # Hindi, Bengali, Urdu, Greek, Hebrew, Vietnamese (session 27; a word ending in a
        # vowel sign has no \b after it: re's \w is no mark)
        r"हमें\s.{0,40}फ़?ॉलो\s+करें|আমাদের\s.{0,40}ফলো\s+করুন|ہمیں\s.{0,40}فالو\s+کریں",
        r"\bακολουθήστε μα[σς]\b|עקבו אחרינו|\btheo dõi (?:chúng tôi|[\w.-]+) trên\b",
    ],
    "comments": [
        r"\byour email address will not be published\b|\brequired fields are marked\b",
        r"\b(?:ihre|deine) e-?mail-adresse wird nicht ver[öo]ffentlicht\b|\berforderliche felder sind\b",
        r"\bvotre adresse (?:e-?mail|de messagerie) ne sera pas publi[ée]e\b",
        r"\btu direcci[óo]n de correo(?: electr[óo]nico)? no ser[áa] publicada\b",
        r"\bo seu endere[çc]o de e-?mail n[ãa]o ser[áa] publicado\b",
        r"\bcomments? (?:are )?(?:powered by|closed)\b|\bview the discussion thread\b|\bdisqus\b",
        r"\bprzed dodaniem komentarza\b|\bzanim dodasz komentarz\b",
        r"\bprotected by recaptcha\b",
        # a blog's notices of links from elsewhere, listed among its comments
        r"^\W*(?:\d+\.\s*)?(?:pingback|trackback)\b",
        # what blog engines print around their comment forms (WordPress, Jetpack, Disqus)
        r"\bsave my name,? e-?mail,? and website\b|\bnotify me of (?:follow-up comments|new posts)\b",
        r"\bakismet\b|\byour comment data is processed\b|\benable javascript to view the comments\b",
        r"\bmeinen namen,? (?:meine )?e-?mail(?:-adresse)? und (?:meine )?website\b|\bbenachrichtige mich\b",
        r"\binformiere mich [üu]ber neue beitr[äa]ge\b|\bdeine kommentardaten\b|\btrage deine daten unten ein\b",
        r"\bgib hier deinen kommentar ein\b|\bdu kommentierst mit\b",
        r"\benregistrer mon nom,? (?:mon )?e-?mail et (?:mon )?site\b|\bpr[ée]venez-moi de tous\b",
        r"\bguardar? mi nombre,? correo electr[óo]nico y web\b|\bnotificarme (?:los nuevos|por correo)\b",
        r"\bsalvar meus dados neste navegador\b|\bnotifique-me\b",
        r"\bzapami[ęe]taj moje dane\b|\btw[óo]j adres e-?mail nie zostanie opublikowany\b|\bpowiadom mnie o\b",
        r"\bil tuo indirizzo email non sar[àa] pubblicato\b|\bsalva il mio nome\b",
        r"\b(?:submit|send|write) (?:a|your) letter to the editor\b|\bwe want to hear what you think\b",
        r"\b(?:k[öo]nnen sie )?die redaktion per e-?mail\b|\bleserbrief schreiben\b",
        # a prompt to report a mistake in the article
        r"\b(?:inhaltlichen )?fehler (?:melden|gefunden)\b|\bfehlerhinweis\b|\breport (?:an error|a correction|a typo)\b",
        r"\bsignaler une erreur\b|\breportar (?:un )?error\b|\banm[äa]l (?:text- och )?faktafel\b",
    ],
    "disclosure": [
        r"\b(?:we|i|the author) may (?:receive|earn|get) (?:a )?(?:small )?(?:compensation|commission)\b",
        r"\baffiliate (?:links?|commission|partner)\b|\badvertising disclos(?:ure|ures)\b|\badvertising disclaimer\b",
        r"\bcontains references to products from\b",
        r"\b(?:erhalten|erhält|bekommen) (?:[\w.-]+ ){0,2}(?:ggf\. |gegebenenfalls |eventuell |unter umständen )?eine (?:kleine )?provision\b",
        r"\baffiliate-links?\b|\bprovisions-links?\b|\bwerbelinks?\b",
        r"\bmateria[łl] chroniony prawem autorskim\b|\bzasady przedruk[óo]w\b",
        r"\b(?:alle )?angaben ohne gew[äa]hr\b|\bsome rights reserved\b|\blicensed under a creative commons\b",
    ],
    "author": [
        # a bio's opening that an article about a journalist does not use ("Jane Doe is a
        # reporter for the Gazette who was detained" is news; "X is a senior writer for" was
        # measured and dropped for that reason)
        r"^(?:[\w.'’-]+ ){0,3}schreibt (?:seit \d{4}|regelm[äa]ßig) f[üu]r (?:die|den|das)\b|^freie[rn]? (?:autor|autorin|journalist|journalistin) (?:in|aus|und|f[üu]r)\b",
        r"\b[üu]ber (?:den autor|die autorin)\b|\babout the author\b|\bsobre (?:el|la|o|a) autor[a]?\b",
        r"\b(?:view|see|read) (?:all|more) (?:posts|articles|stories) by\b|\bmore (?:posts|articles|stories) (?:by|from) (?:this|the) author\b",
        r"^\W*read the latest from\b",
        r"\b(?:alle|weitere|mehr) (?:beitr[äa]ge|artikel|texte) (?:von|dieses autors|dieser autorin)\b",
        r"\btous les articles (?:de|par)\b|\bver todas las entradas de\b|\bver todos los art[íi]culos de\b",
        r"\bwszystkie (?:wpisy|artyku[łl]y) autora\b",
    ],
    "metadata": [
        # "filed in federal court by ..." is news: the filing line names tags or comments
        r"\bthis (?:entry|post) was posted in\b|\b(?:posted in|filed under)\b(?=.*\b(?:tagged|comments?|permalink)\b)",
        r"\bdieser (?:eintrag|beitrag) wurde (?:am .{0,40})?ver[öo]ffentlicht (?:in|unter)\b",
        r"\babgelegt unter\b|\bverschlagwortet mit\b|\bpermalink\b",
        r"\bver[öo]ffentlicht (?:unter|in) (?:der )?kategorie\b|\bthis entry was tagged\b",
        r"\barchivado en\b|\bclass[ée] dans\b",
        # the reading time printed beside the date ("16:24 Uhr • Lesezeit: 5 Minuten"); a
        # byline that carries it ("By Jane Doe · 5 min read") is left to the byline search
        # (no word boundary before the German words: a renderer glues them to the time,
        # "Stand: 10:49 UhrLesedauer: 5 Minuten")
        r"lesezeit:?\s*(?:ca\.\s*)?\d+\s*min|lesedauer:?\s*(?:ca\.\s*)?\d+\s*min",
        r"\b\d+\s*min(?:ute)?s?\.? read\b|\breading time:?\s*\d",
        r"\btempo di lettura:?\s*\d|\btempo de leitura:?\s*\d|\b\d+\s*min(?:utos)? de leitura\b|\bleestijd:?\s*\d",
        r"\b\d+\s*min(?:utes)? de lecture\b|\btemps de lecture\b|\btiempo de lectura\b|\b\d+\s*min(?:utos)? de lectura\b",
        # a relative time stamp alone on its line ("Heute, 12:37 Uhr", "3 hrs ago", "vor 3
        # Stunden"): a teaser's or the page's age, which dates nothing without the crawl date
        # (one pattern per opening word, so each has a literal to be found by)
        r"^\W*(?:(?:online seit|aktualisiert|ver[öo]ffentlicht|stand:?)\s+)?(?:heute|gestern)"
        + _CLOCK_TO_END,
        r"^\W*(?:(?:updated|published)\s+)?(?:today|yesterday)" + _CLOCK_TO_END,
        r"^\W*vor \d+ (?:minuten|min\.?|stunden|std\.?|tagen)" + _CLOCK_TO_END,
        r"^\W*\d+ (?:minutes?|mins?|hours?|hrs?|days?) ago" + _CLOCK_TO_END,
        r"^\W*il y a \d+ (?:minutes?|heures?|jours?)" + _CLOCK_TO_END,
        r"^\W*hace \d+ (?:minutos?|horas?|d[íi]as?)" + _CLOCK_TO_END,
        # a magazine's note on the issue the article comes from ("Dieser Beitrag stammt aus
        # Ausgabe 7/2019 der Technology Review", "Dieser Artikel erschien in Heft 3/2020")
        r"^\W*(?:dieser|der) (?:beitrag|artikel|text) (?:stammt aus|erschien (?:zuerst )?in) (?:der )?(?:ausgabe|heft)\b",
        # a post's date line closing with its comment count ("23.06.2016 um 16:14 Uhr -
        # Markus Reuter - 91 Ergänzungen") and a Q&A site's stamps ("asked Feb 6, 2014 at 20:37")
        r"[-–|·•]\s*\d+\s+(?:erg[äa]nzungen|kommentare?|comments?|commentaires?|comentarios?|antworten|replies)\W*$",
        r"^\W*(?:asked|answered|edited|modified)\s+(?:[a-z]{3}\s+\d{1,2}(?:,\s*\d{4})?|\d+\s+(?:days?|months?|years?)\s+ago)"
        r"(?:\s+at\s+\d{1,2}:\d{2})?\W*$",
    ],
    # the placeholder of a video, a map or an external post the rendered page could not show,
    # and its consent prompt (Fundus pages: 28 such lines, none in an article's text; tune
    # half of trafilatura-eval: 27, none holding a snippet)
    "embed": [
        # (a how-to's "Enable JavaScript in the settings" is the article's text)
        r"\b(?:please|need to|must) enable javascript\b|\benable javascript (?:to (?:view|see|load|run|use)|first)\b",
        r"\bjavascript (?:is )?(?:disabled|required|must be enabled)\b",
        r"\bupgrad(?:e|ing) to a (?:web )?browser that supports\b|\byour browser does not support\b",
        r"\bthis video (?:has failed to load|is (?:not|no longer) available)\b",
        r"\b(?:bitte )?aktivieren sie (?:bitte )?javascript\b|\bjavascript (?:aktivieren|ist deaktiviert)\b",
        r"\bihr browser unterst[üu]tzt\b|\bempfohlener redaktioneller inhalt\b",
        r"\ban dieser stelle finde(?:st du|n sie) einen externen inhalt\b|\bexterne[rn]? inhalt (?:nicht verf[üu]gbar|laden|anzeigen)\b",
        r"\bich bin damit einverstanden, dass mir (?:der )?(?:externe )?inhalte?\b|\ban drittplattformen [üu]bermittelt\b",
        # the notice in place of an embedded post ("Wir respektieren deine Privatsphäre und
        # stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter her")
        r"\bohne (?:dein|ihr) einverst[äa]ndnis keine verbindung\b|\bwir respektieren (?:deine|ihre) privatsph[äa]re\b",
        r"\b(?:deine|ihre) (?:privatsph[äa]re|datenschutz)-?einstellungen verhindern\b|^privatsph[äa]re-einstellungen [äa]ndern$",
        r"\bactivez (?:le )?javascript\b|\bvotre navigateur ne (?:supporte|prend en charge)\b",
        r"\bactiva(?:r)? (?:el )?javascript\b|\btu navegador no (?:soporta|admite)\b",
        r"\bbrowser version with limited support\b|\b[öo]ppna bild i helsk[äa]rm\b",
        # the notice over a page opened in a browser the site calls outdated, which opens its
        # line (an article's sentence may say the same): the first prose line of the page, so
        # the headline was looked for above it (tune half: 4 pages, Fundus: 1, turku-lines:
        # none; session 20)
        r"^\W*(?:your|this) (?:web )?browser is (?:out of date|outdated|too old|no longer supported|not (?:fully )?supported)\b",
        r"^\W*you(?:'re| are) using an? (?:outdated|old|older|unsupported) (?:version of (?:your )?)?(?:web )?browser\b",
        r"^\W*(?:dein|ihr) (?:web)?browser ist (?:leider )?(?:veraltet|nicht mehr aktuell)\b|^\W*ohne javascript funktioniert\b",
        r"^\W*sie (?:verwenden|nutzen) (?:eine[n]? )?(?:veraltete[n]? )?(?:browser-?version|veralteten browser)\b",
        r"^\W*votre navigateur (?:est obsol[èe]te|n'est (?:plus )?(?:à jour|support[ée]|pris en charge))\b",
        r"^\W*(?:tu|su) navegador (?:est[áa] desactualizado|es (?:obsoleto|antiguo)|no es compatible)\b",
    ],
    "nav": [
        r"^(?:home|startseite|accueil|inicio)\s*(?:[>›»/|]|$)",
        r"\bskip to (?:main )?content\b|\bzum inhalt springen\b|\baller au contenu\b|\bir al contenido\b",
        r"\b(?:main|site) (?:menu|navigation)\b|\bback to top\b|\bnach oben\b|\bretour en haut\b",
        r"\bprevious (?:article|post|story)\b|\bnext (?:article|post|story)\b",
        # the same links in German, French and Spanish, as whole lines ("Im nächsten Beitrag
        # zeige ich ..." is a blog's prose)
        r"^\W*(?:vorschau auf den )?(?:n[äa]chste[rn]?|vorherige[rn]?) (?:artikel|beitrag)\W*$"
        r"|^\W*article (?:suivant|pr[ée]c[ée]dent)\W*$|^\W*(?:art[íi]culo|entrada) (?:siguiente|anterior)\W*$",
        r"\bscroll to continue\b|\bweiterscrollen\b",
        # "skip to content" in the languages whose skip links the English and German forms miss
        r"\bhoppa till (?:huvud)?inneh[åa]ll(?:et)?\b|\bg[åa] til (?:hoved)?innhold(?:et)?\b|\bspring til (?:hoved)?indhold(?:et)?\b",
        r"\bsiirry (?:p[äa][äa])?sis[äa]lt[öo][öo]n\b|\bprzejd[źz] do (?:tre[śs]ci|zawarto[śs]ci)\b|\bvai al contenuto\b",
        r"\bsaltar al contenido\b|\bir para o conte[úu]do\b|\bnaar (?:de )?(?:hoofd)?inhoud\b|\bp[řr]ej[íi]t (?:k|na) obsah\b|本文エリアへ",
        # Japanese, Chinese and Korean skip links ("to the body", "skip to the main content")
        r"本文へ(?:移動|スキップ|ジャンプ)|メインコンテンツへ(?:移動|スキップ)|跳(?:到|转到|至)(?:主要|正文)?内容|跳过导航|본문\s*바로\s*가기|본문으로\s*건너뛰기|주\s*메뉴\s*바로\s*가기",
        # the skip links and menu toggles of common site software: Drupal's "Jump to
        # navigation", MediaWiki's "Jump to: navigation, search" ("Wechseln zu: Navigation,
        # Suche"), Bootstrap's screen-reader "Toggle navigation", German "Direkt zum Inhalt"
        r"\bjump to:? ?(?:the )?(?:main )?(?:content|navigation|search)\b|\bwechseln zu: ?navigation\b",
        r"\b(?:springe? )?direkt zum (?:haupt)?inhalt\b|\bspringe? zum (?:haupt)?inhalt\b|\bzur navigation springen\b",
        r"\btoggle (?:the )?navigation\b|\bnavigation umschalten\b",
    ],
}

#: Social networks: named on a short line without sentence punctuation means a footer.
_NETWORKS = re.compile(
    r"\b(?:facebook|twitter|instagram|youtube|telegram|whatsapp|linkedin|tiktok|pinterest|vkontakte|"
    r"x\.com|threads|mastodon|bluesky|rss)\b",
    _I,
)
#: their names in Cyrillic, Arabic and Persian script, as footers in those languages print
#: them (a Russian noun declines: "в Фейсбуке"; "телеграмма", a telegram, is no network),
#: and in scripts written without spaces, where no word boundary sets them apart.  Every
#: match holds a character from U+0400 on (the letters ``re.IGNORECASE`` equates with these
#: are of the same scripts, or the Old Cyrillic forms at U+1C80), so a line without one is
#: not searched: the two patterns in one cost twice the Latin one's time on every line.
_NETWORKS_OTHER = re.compile(
    r"\b(?:фейсбук\w*|твит+ер\w*|твітер\w*|вконтакте|телеграм(?:е|а|у|ом|і)?|ютуб\w*|инстаграм\w*"
    r"|інстаграм\w*|فيسبوك|فيس بوك|تويتر|[إا]نستغرام|[إا]نستجرام|يوتيوب|تيليجرام|تلغرام|تليجرام|واتساب"
    r"|تيك توك|فیسبوک|توییتر|اینستاگرام|تلگرام|یوتیوب)\b"
    r"|微博|微信公众号|抖音|フェイスブック|ツイッター|インスタグラム|ユーチューブ|페이스북|트위터|인스타그램|유튜브|카카오톡"
    # Devanagari, Bengali, Urdu, Hebrew (which glues its prepositions to a name: "בפייסבוק")
    # and Thai, with no word boundary: a vowel sign is no \w to re (session 27)
    r"|फेसबुक|ट्विटर|इंस्टाग्राम|यूट्यूब|व्हाट्सएप|व्हाट्सऐप|टेलीग्राम|ফেসবুক|টুইটার|ইউটিউব|ইনস্টাগ্রাম"
    r"|فیس بک|ٹوئٹر|ٹویٹر|یوٹیوب|انسٹاگرام|واٹس ایپ|פייסבוק|טוויטר|אינסטגרם|יוטיוב|טלגרם|וואטסאפ"
    r"|เฟซบุ๊ก|เฟสบุ๊ค|ทวิตเตอร์|ยูทูบ|อินสตาแกรม",
    _I,
)


def network_search(text: str) -> re.Match[str] | None:
    """The first social network named in ``text`` (what one pattern of both lists finds)."""
    m = _NETWORKS.search(text)
    if not text.isascii() and max(text) >= "\u0400":  # (isascii reads a flag of the string)
        other = _NETWORKS_OTHER.search(text)
        if other is not None and (m is None or other.start() < m.start()):
            return other
    return m


def _one_a_line(block: str) -> frozenset[str]:
    """The non-blank lines of ``block``, stripped: the word lists below are written one
    entry a line."""
    return frozenset(line.strip() for line in block.splitlines() if line.strip())


#: Bare UI labels (one per line), compared after :func:`normalise`.
_LABELS = _one_a_line(
    """
topics
topic
tags
tag
comments
comment
share
share this
share this article
share this post
share this story
share this page
share article
share post
share story
print
email
e mail
related
related articles
related stories
related posts
related content
advertisement
advertising
sponsored
read more
read also
see also
most read
most popular
trending
recommended
you may also like
more stories
more on this story
continue reading
leave a comment
post a comment
login
log in
sign in
sign up
subscribe
register
search
menu
close
next
previous
back to top
newsletter
follow us
tweet
partager
partager cet article
partager l article
commentaires
commentaire
publicité
sujets
mots clés
à lire aussi
lire aussi
lire la suite
voir aussi
les plus lus
sur le même sujet
s abonner
se connecter
teilen
beitrag teilen
diesen beitrag teilen
artikel teilen
diesen artikel teilen
teilen sie dies mit
teilen mit
kommentare
kommentar
anzeige
werbung
themen
mehr zum thema
lesen sie auch
weiterlesen
das könnte sie auch interessieren
meistgelesen
schlagworte
anmelden
drucken
compartir
compartir este artículo
compartir artículo
comentarios
comentario
publicidad
temas
etiquetas
relacionados
noticias relacionadas
lee también
leer más
te puede interesar
lo más leído
iniciar sesión
suscríbete
condividi
commenti
pubblicità
argomenti
leggi anche
partilhar
comentários
publicidade
delen
reacties
advertentie
lees ook
"""
)
#: Site furniture outside the article proper: account, navigation, legal and contact links,
#: forum buttons, in the languages of the training pages.  As a whole line each is a link
#: label; on the line models' training pages (turku-lines train and its fr/sv training half,
#: Fundus, the trafilatura-eval tune half) 608 such lines are noise and 4 main text (a
#: forum's "Suche" heading, "6 kommentarer:", two "contact us" headings of contact pages).
#: Left out as headings an article may use: "quote", "recherche", "inicio".
_SITE_LABELS = _one_a_line(
    """
hors ligne
mot de passe oublié
créer un compte
se déconnecter
connexion
déconnexion
inscription
mon compte
signaler un abus
signaler
répondre
citer
imprimer
envoyer à un ami
version imprimable
haut de page
retour en haut
accueil
plan du site
mentions légales
nous contacter
contactez nous
voir plus
afficher plus
en savoir plus
lire plus
suivant
précédent
page suivante
page précédente
rechercher
fermer
mehr erfahren
mehr lesen
kontakt
impressum
datenschutz
datenschutzerklärung
agb
startseite
zurück
nach oben
suche
suchen
abmelden
registrieren
passwort vergessen
antworten
zitieren
beitrag melden
alle anzeigen
mehr anzeigen
zum seitenanfang
kommentar schreiben
beitrag schreiben
registrarse
cerrar sesión
olvidaste tu contraseña
contacto
aviso legal
política de privacidad
política de cookies
mapa del sitio
volver arriba
ver más
siguiente
anterior
buscar
responder
imprimir
logga in
logga ut
registrera
glömt lösenordet
kontakta oss
om oss
startsida
till toppen
läs mer
visa mer
sök
svara
dela
skriv ut
kommentarer
annons
relaterat
mest läst
nyhetsbrev
prenumerera
kirjaudu sisään
kirjaudu ulos
rekisteröidy
unohditko salasanasi
ota yhteyttä
yhteystiedot
etusivu
takaisin ylös
lue lisää
näytä lisää
haku
hae
vastaa
jaa
tulosta
kommentit
mainos
uutiskirje
tilaa
seuraava
edellinen
contact
contact us
about us
home
privacy policy
terms of use
terms and conditions
site map
sitemap
forgot your password
forgot password
create an account
log out
logout
reply
report abuse
show more
load more
view all
see all
more
offline
"""
)
#: The headings and buttons of a blog's comment form and post navigation, as WordPress and
#: its official translations print them ("Leave a Reply" / "Cancel reply", "Schreibe einen
#: Kommentar", "Laisser un commentaire" ...): as a whole line, never the article's.
_COMMENT_FORM_LABELS = _one_a_line(
    """
leave a reply
leave a comment
leave a reply cancel reply
cancel reply
post a comment
add a comment
write a comment
post navigation
schreibe einen kommentar
schreib einen kommentar
schreibe eine antwort
schreibe einen kommentar antworten abbrechen
schreibe eine antwort antworten abbrechen
antworten abbrechen
antwort abbrechen
kommentar verfassen
hinterlasse einen kommentar
kommentar hinterlassen
beitragsnavigation
laisser un commentaire
laisser une réponse
annuler la réponse
écrire un commentaire
navigation des articles
deja una respuesta
deja un comentario
cancelar la respuesta
dejar un comentario
escribe un comentario
navegación de entradas
lascia un commento
lascia una risposta
annulla risposta
deixe um comentário
deixe uma resposta
cancelar resposta
laat een reactie achter
geef een reactie
reactie annuleren
dodaj komentarz
zostaw komentarz
anuluj pisanie odpowiedzi
lämna en kommentar
lämna ett svar
avbryt svar
"""
)
#: The same labels in the other languages monitoring desks read most (Italian, Portuguese,
#: Dutch, Polish, Turkish, Azerbaijani, Indonesian, Russian, Ukrainian, Arabic, Persian,
#: Chinese, Japanese, Korean; session 26; Hindi, Bengali, Urdu, Greek, Hebrew and
#: Vietnamese, session 27; Greek also without the accents its capitals drop), written as
#: :func:`normalise` leaves them (a
#: test holds them to it).  Left out: one-word labels that are also common words or names
#: of their language ("ara", "cari", "masuk", "главное").
_MORE_LANGUAGE_LABELS = _one_a_line(
    """
condividi su facebook
articoli correlati
i più letti
più letti
leggi tutto
continua a leggere
ultime notizie
accedi
registrati
stampa
tag
compartilhe
compartilhar
leia também
leia mais
mais lidas
notícias relacionadas
anúncio
lees meer
lees verder
meest gelezen
gerelateerde artikelen
deel dit artikel
inloggen
zoeken
tags
udostępnij
komentarze
komentarz
reklama
tagi
czytaj także
czytaj też
czytaj więcej
najczęściej czytane
zaloguj się
szukaj
drukuj
polecane
paylaş
yorumlar
yorum yap
reklam
etiketler
ilgili haberler
devamını oku
devamini oku
en çok okunanlar
giriş yap
üye ol
yazdır
şərhlər
teqlər
oxşar xəbərlər
digər xəbərlər
bütün xəbərlər
bagikan
komentar
iklan
baca juga
baca selengkapnya
berita terkait
terpopuler
поделиться
комментарии
комментарий
реклама
теги
метки
читайте также
читать далее
подробнее
читать полностью
все новости
похожие новости
новости по теме
материалы по теме
самое читаемое
войти
регистрация
поиск
подписаться
версия для печати
поділитися
коментарі
коментар
теги
мітки
читайте також
читати далі
детальніше
всі новини
новини за темою
схожі новини
увійти
пошук
підписатися
شارك
مشاركة
التعليقات
تعليقات
إعلان
اعلان
الكلمات الدالة
كلمات مفتاحية
اقرأ أيضا
اقرأ المزيد
الأكثر قراءة
أخبار ذات صلة
مقالات ذات صلة
تسجيل الدخول
طباعة
اشتراک گذاری
نظرات
تبلیغات
برچسب ها
بیشتر بخوانید
اخبار مرتبط
پربازدیدترین
分享
分享到
评论
广告
相关阅读
相关新闻
相关文章
延伸阅读
热门推荐
返回顶部
登录
注册
打印
关注我们
シェア
シェアする
ツイート
コメント
広告
関連記事
関連ニュース
ログイン
印刷
フォローする
続きを読む
もっと見る
トップへ戻る
공유하기
댓글
광고
관련기사
관련 기사
로그인
인쇄
많이 본 뉴스
기사 더보기
더보기
शेयर करें
संबंधित खबरें
संबंधित ख़बरें
और पढ़ें
यह भी पढ़ें
विज्ञापन
टिप्पणियां
टिप्पणियाँ
ताज़ा खबरें
ताजा खबरें
लॉग इन करें
প্রিন্ট করুন
শেয়ার করুন
আরও পড়ুন
সম্পর্কিত খবর
বিজ্ঞাপন
মন্তব্য
সর্বশেষ খবর
شیئر کریں
مزید پڑھیں
متعلقہ خبریں
یہ بھی پڑھیں
اشتہار
تبصرے
κοινοποίηση
κοινοποιήστε
σχετικά άρθρα
διαβάστε επίσησ
διαβάστε περισσότερα
διαφήμιση
σχόλια
ετικέτεσ
τελευταία νέα
שתפו
שתף
כתבות נוספות
קראו עוד
קראו גם
פרסומת
תגובות
תגיות
chia sẻ
tin liên quan
xem thêm
quảng cáo
bình luận
từ khóa
tin mới nhất
đăng nhập
bài liên quan
"""
)
_MORE_LANGUAGE_LABELS |= {
    "".join(c for c in unicodedata.normalize("NFD", label) if not unicodedata.combining(c))
    for label in _MORE_LANGUAGE_LABELS
    if "\u0370" <= label[0] <= "\u03ff"
}
#: a table of contents' heading, a recipe's buttons, a login prompt, a help widget's
#: question and a Q&A site's sort control: a line of its own in a rendered page, the entries,
#: form or thread under it (session 31).  Only the headings that
#: say "table of contents": turku-lines' annotators keep Wikipedia's one-word "Innehåll" and
#: "Sommaire" as main text (14 dev lines), trafilatura-eval's drop "Inhaltsverzeichnis"
_PAGE_TOOL_LABELS = _one_a_line(
    """
table of contents
inhaltsverzeichnis
table des matières
índice de contenidos
indice dei contenuti
inhoudsopgave
innehållsförteckning
indholdsfortegnelse
sisällysluettelo
spis treści
print recipe
jump to recipe
pin recipe
rate this recipe
rezept drucken
zum rezept
imprimer la recette
imprimir receta
jetzt registrieren
sorted by reset to default
können wir helfen
wie können wir helfen
can we help
how can we help
need help
jetzt anmelden
ingresar
iniciar sesión
se connecter
"""
)
#: a list's or a player's controls (show all / fewer, load more, skip the advertisement, why
#: am I seeing this ad) and a few headings of what follows the article ("Related coverage",
#: "Weitere Videos"), in the languages above that lacked them (session 32: Fundus pages print
#: "Vis mer", "Zobrazit vše", "Werbung überspringen" on lines of their own).  None is a whole
#: main-text line of turku-lines ("weiter" and "ver todos" stand alone there 2 times, both
#: noise).  Written as :func:`normalise` leaves them.
_CONTROL_LABELS = _one_a_line(
    """
show all
show less
skip ad
skip advertisement
why am i seeing this
why am i seeing this ad
what s this
related coverage
related topics
featured
weniger anzeigen
mehr laden
mehr
weiter
werbung überspringen
anzeige überspringen
box aufklappen
box zuklappen
weitere videos
mehr videos
afficher moins
voir tout
tout afficher
charger plus
à découvrir
passer la publicité
mostrar más
mostrar menos
ver todo
ver todos
cargar más
saltar anuncio
por qué estás viendo esto
mostra di più
mostra tutto
mostra altro
carica altro
salta pubblicità
mostrar mais
ver mais
ver tudo
carregar mais
pular anúncio
toon meer
toon alles
bekijk alles
laad meer
meer laden
visa alla
visa fler
läs in fler
hoppa över annons
vis mer
vis flere
vis alle
se alle
se mere
vis mere
näytä kaikki
lataa lisää
ohita mainos
pokaż więcej
pokaż wszystko
zobacz więcej
zobacz wszystkie
załaduj więcej
pomiń reklamę
zobrazit vše
zobrazit více
načíst další
přeskočit reklamu
daha fazla göster
tümünü gör
tümünü göster
reklamı geç
ilgili konular
gilla
"""
)
#: Blogger's and Substack's own rows under a post (session 32): the post navigation, the
#: comment feed's subscription link, a newsletter's "Ready for more?", as :func:`normalise`
#: leaves them
_BLOG_PLATFORM_LABELS = _one_a_line(
    """
newer post older post home
newer post home
older post home
neuerer post älterer post startseite
article plus récent article plus ancien accueil
entrada más reciente entrada antigua página principal
postagem mais recente postagem mais antiga página inicial
nowszy post starszy post strona główna
subscribe to post comments atom
abonnieren kommentare zum post atom
s abonner à publier les commentaires atom
suscribirse a enviar comentarios atom
assinar postar comentários atom
subskrybuj komentarze do posta atom
ready for more
"""
)
_LABELS = (
    _LABELS
    | _SITE_LABELS
    | _COMMENT_FORM_LABELS
    | _MORE_LANGUAGE_LABELS
    | _PAGE_TOOL_LABELS
    | _CONTROL_LABELS
    | _BLOG_PLATFORM_LABELS
)


#: the labels, for callers that test a line's normal form against them in a hot loop
LABELS = _LABELS

#: the buttons of an article's tool and share rows that are no label on their own line
#: (a network's name alone may be a word of the story; in a row of buttons it is a button)
_BUTTON_WORDS = frozenset(
    {
        "twittern",
        "tweeten",
        "mailen",
        "mail",
        "whatsapp",
        "facebook",
        "twitter",
        "linkedin",
        "pinterest",
        "xing",
        "telegram",
        "reddit",
        "flipboard",
        "pin it",
        "pinnen",
        "merken",
        "speichern",
        "save",
        "bookmark",
        "vorlesen",
        "druckansicht",
        "adjust",
        "hide images",
        "show images",
        "text size",
        "font size",
        "schriftgröße",
    }
)
#: what a row of UI labels is made of, and the first words of those units (a cheap reject)
_ROW_UNITS = _LABELS | _BUTTON_WORDS
_ROW_FIRST_WORDS = frozenset(u.split()[0] for u in _ROW_UNITS)
#: the same, for a caller's hot loop (a line whose first word is none of these is no row)
ROW_FIRST_WORDS = _ROW_FIRST_WORDS


def is_label_row(norm: str) -> bool:
    """Whether a line's normal form (:func:`normalise`) is two to eight words that are all
    UI labels or buttons, one after another ("Teilen Twittern", "Teilen Pin it Mailen
    Drucken", "Share Adjust Comment Print"): the tool row under a headline, which the
    byline search otherwise took for the byline on pages with no author."""
    if norm.partition(" ")[0] not in _ROW_FIRST_WORDS:  # most lines: one cheap test
        return False
    words = norm.split()
    n = len(words)
    if not 2 <= n <= 8:
        return False
    i = 0
    while i < n:
        for k in (3, 2, 1):
            if i + k <= n and " ".join(words[i : i + k]) in _ROW_UNITS:
                i += k
                break
        else:
            return False
    return True


def _top_alternatives(pattern: str) -> list[str]:
    """Split a regex at its top-level ``|`` (outside groups and character classes)."""
    out: list[str] = []
    depth, cur, esc, cls = 0, "", False, False
    for ch in pattern:
        if esc:
            cur, esc = cur + ch, False
            continue
        if ch == "\\":
            cur, esc = cur + ch, True
            continue
        if cls:
            cur += ch
            cls = ch != "]"
            continue
        if ch == "[":
            cls = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
            continue
        cur += ch
    out.append(cur)
    return out


#: a group of literal alternatives is expanded into at most this many strings
_MAX_EXPANSION = 256
#: a trigger is cut to this length: its start is as rare, and the automaton stays small
_MAX_TRIGGER = 16


def _strings_of(op: Any, av: Any) -> set[str] | None:
    """Every string one parsed regex item can match (lower case), or None when that is
    not a small finite set: literals, character classes of literals, groups,
    alternations and optional parts of those."""
    if op == _sre.LITERAL:
        return {chr(av).lower()}
    if op == _sre.IN and all(o == _sre.LITERAL for o, _ in av):
        return {chr(a).lower() for _, a in av}
    if op == _sre.SUBPATTERN:
        return _strings_of_seq(av[3])
    if op == _sre.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            sub = _strings_of_seq(alt)
            if sub is None:
                return None
            out |= sub
        return out if len(out) <= _MAX_EXPANSION else None
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        sub = _strings_of_seq(av[2])
        return None if sub is None else {"", *sub}
    return None


def _strings_of_seq(items: Any) -> set[str] | None:
    out = {""}
    for op, av in items:
        sub = _strings_of(op, av)
        if sub is None or len(out) * len(sub) > _MAX_EXPANSION:
            return None
        out = {a + b for a in out for b in sub}
    return out


def _triggers(pattern: str) -> frozenset[str] | None:
    """Lower-case strings one of which every match must contain (a cheap prefilter).

    Python's ``re`` tries a ``\\b(?:...)`` pattern at every position; testing ``"cookie" in
    line`` first makes the ~100 cue patterns cost almost nothing on the lines (nearly all)
    that hold none of them.  None when the pattern has no usable literal.

    Each run of consecutive items that match only a few literal strings (literals, small
    classes, alternations, optional parts) is expanded into all of them, each cut at
    :data:`_MAX_TRIGGER` characters: every match holds one of the strings of each run.  The
    run whose shortest string is longest is kept, so ``(?:main|site) (?:menu|navigation)``
    is found by "main menu", "site navigation"... and not by "site", which is on thousands
    of lines that hold no cue (session 4).
    """
    cands: list[set[str]] = []
    # the current run: (string, whether the items after it may still extend it)
    run: set[tuple[str, bool]] = {("", True)}
    for op, av in _sre_parse.parse(pattern):
        sub = _strings_of(op, av)
        if sub is not None:
            grown = {x for s, more in run for x in _extend(s, more, sub)}
            if len(grown) <= _MAX_EXPANSION:
                run = grown
                continue
        # the run ends here; a new one starts with this item if it is a set of strings
        cands.append({s for s, _ in run})
        run = {("", True)} if sub is None else {x for x in _extend("", True, sub)}
    cands.append({s for s, _ in run})
    usable = [{x.strip() for x in c} for c in cands if all(len(x.strip()) >= 2 for x in c)]
    if not usable:
        return None
    best = max(usable, key=lambda c: min(len(x) for x in c))
    # a string holding another of the set adds nothing ("telegram-" beside "telegram")
    return frozenset(x for x in best if not any(y != x and y in x for y in best))


def _extend(s: str, more: bool, sub: set[str]) -> set[tuple[str, bool]]:
    if not more:
        return {(s, False)}
    out = set()
    for t in sub:
        u = s + t
        out.add((u[:_MAX_TRIGGER], len(u) < _MAX_TRIGGER))
    return out


_COMPILED: list[tuple[str, frozenset[str] | None, re.Pattern[str]]] = [
    (reason, _triggers(alt), re.compile(alt, _I))
    for reason, pats in _RULES.items()
    for p in pats
    for alt in _top_alternatives(p)
]


_ALL_TRIGGERS = sorted({t for _, trig, _ in _COMPILED if trig for t in trig}, key=len, reverse=True)
#: every trigger in one automaton: one pass over a page finds all of them, overlapping
#: ones included (a substring test per trigger cost ~0.3-0.9 ms per page; the scan ~0.1).
#: A DFA (a few hundred KB for these ~150 short strings) scans about three times faster
#: than the default NFA the library picks; the matches are the same.
#: It scans the page's UTF-8 bytes: handing it a non-ASCII str made it convert the page
#: and then every offset back to characters, which cost as much as the scan; the cues only
#: need the line of a hit, and a byte string has its newlines where the text has them.
#: After the triggers it holds the lower-case forms of the characters ``re.IGNORECASE``
#: equates with a letter other than their own lower case ("ſ" with "s", "ı" and "İ" with
#: "i"): a line holding one is looked at again with them folded (:data:`_FOLD`), so a
#: trigger is found wherever its pattern can match.
#: (and the Old Cyrillic letter forms U+1C80-U+1C85 with "в", "д", "о", "с" and "т", since
#: Russian and Ukrainian cues hold those letters; the micro sign and the Greek symbol forms
#: of theta, kappa and epsilon with their letters; a test holds this list complete)
_FOLD = {
    ord("ſ"): "s", ord("ı"): "i", 0x307: None, 0xB5: "μ", 0x3D1: "θ", 0x3F0: "κ", 0x3F5: "ε",
    0x1C80: "в", 0x1C81: "д", 0x1C82: "о", 0x1C83: "с", 0x1C84: "т", 0x1C85: "т",
}  # fmt: skip
_ODD = tuple(chr(c) for c in _FOLD)
_TRIGGER_AC = ahocorasick_rs.BytesAhoCorasick(
    [t.encode("utf-8") for t in (*_ALL_TRIGGERS, *_ODD)],
    implementation=ahocorasick_rs.Implementation.DFA,
)
#: the substrings one of which every match of the line features' URL and copyright patterns
#: holds (see ``features._PREFILTER_AC``), lower case
URL_KEYS = ("http", "www.", "@", "#", ".com", ".org", ".net", ".de", ".fr", ".es")
COPY_KEYS = ("©", "(c)", "rights reserved", "rechte vorbehalten", "tous droits")
#: the URL and copyright substrings in one automaton, for a page :func:`line_cues` did not see
PREFILTER_AC = ahocorasick_rs.BytesAhoCorasick(
    [k.encode("utf-8") for k in (*URL_KEYS, *COPY_KEYS)], implementation=ahocorasick_rs.Implementation.DFA
)
#: words one of which every copyright footer holds (``sections.FOOTER``), lower case
FOOTER_HINTS = (
    "©", "(c)", "copyright", "rights", "rechte", "droits", "derechos", "prawa",
    "direitos", "riservat", "rechten", "rättigheter", "oikeudet", "práva", "jog fenntartva",
    "drepturile", "hakla", "hak cipta", "права", "الحقوق", "حقوق", "版权", "転載", "전재",
    "सर्वाधिकार", "সর্বস্বত্ব", "επιφύλαξη", "הזכויות", "ลิขสิทธิ์",
)  # fmt: skip
#: :data:`_TRIGGER_AC`'s patterns, then :data:`PREFILTER_AC`'s, then :data:`FOOTER_HINTS`:
#: :func:`line_cues` scans the lower-cased page once for all three and keeps the hits of the
#: other two for the line features and the article-end pass, which read the same page later
#: (their own scans, and the features' UTF-8 copy of the page, cost about as much as this one)
_PAGE_AC = ahocorasick_rs.BytesAhoCorasick(
    [t.encode("utf-8") for t in (*_ALL_TRIGGERS, *_ODD, *URL_KEYS, *COPY_KEYS, *FOOTER_HINTS)],
    implementation=ahocorasick_rs.Implementation.DFA,
)
_N_TRIGGER_PATTERNS = len(_ALL_TRIGGERS) + len(_ODD)
_N_PREFILTER = len(URL_KEYS) + len(COPY_KEYS)
if any(c in t for t in _ALL_TRIGGERS for c in _ODD):  # pragma: no cover - a rule's typo
    raise ValueError("a cue trigger holds a character that is folded away")


def _triggers_in(text_lower: str) -> set[str]:
    """The triggers ``text_lower`` holds (with :data:`_FOLD` applied if it needs it)."""
    n = len(_ALL_TRIGGERS)
    hits = _TRIGGER_AC.find_matches_as_indexes(utf8(text_lower), overlapping=True)
    if any(k >= n for k, _, _ in hits):
        hits = _TRIGGER_AC.find_matches_as_indexes(utf8(text_lower.translate(_FOLD)), overlapping=True)
    return {_ALL_TRIGGERS[k] for k, _, _ in hits if k < n}


def utf8(text: str) -> bytes:
    """``text`` as UTF-8; a lone surrogate (possible in decoded input) is written as its
    own three bytes, which no trigger holds (nor a trigger's first byte is ever a
    continuation byte, so a hit starts and ends on a character either way)."""
    return text.encode("utf-8", "surrogatepass")


_SURROGATE = re.compile("[\ud800-\udfff]")


def find_all(
    automaton: ahocorasick_rs.AhoCorasick | ahocorasick_rs.BytesAhoCorasick, text: str
) -> list[tuple[int, int, int]]:
    """(pattern index, start, end) of every occurrence, overlapping ones included, in
    character offsets.  The automaton needs valid UTF-8: lone surrogates (possible in
    decoded input) become U+FFFD one for one, which no pattern holds, so offsets and
    matches are unchanged.  A bytes automaton (built from the patterns' UTF-8) scans
    :func:`utf8` of the text; its offsets are turned into character offsets one hit at a
    time, which is meant for few hits (the hot paths count lines on the bytes instead)."""
    if isinstance(automaton, ahocorasick_rs.BytesAhoCorasick):
        raw = utf8(text)
        hits = automaton.find_matches_as_indexes(raw, overlapping=True)
        if len(raw) == len(text):
            return hits

        def chars(b: int) -> int:
            return len(raw[:b].decode("utf-8", "surrogatepass"))

        return [(k, chars(a), chars(b)) for k, a, b in hits]
    try:
        return automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:
        return automaton.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text), overlapping=True)


_BY_TRIGGER: dict[str, list[int]] = {}
for _i, _entry in enumerate(_COMPILED):
    for _t in _entry[1] or ():
        _BY_TRIGGER.setdefault(_t, []).append(_i)
_ALWAYS = [i for i, (_, trig, _) in enumerate(_COMPILED) if trig is None]


@lru_cache(maxsize=8192)
def _cues(text: str) -> tuple[tuple[str, str], ...]:
    """(reason, matched text) of every cue in ``text`` (cached: the features ask again)."""
    return _cues_from(text, _triggers_in(text.lower()))


_ALWAYS_RX = [re.compile(_COMPILED[i][2].pattern, _I | re.MULTILINE) for i in _ALWAYS]
#: literals one of which every match of a trigger-less pattern holds (lower case), found
#: by hand; a pattern missing here is scanned on every page.  Since :func:`_triggers`
#: reads top-level alternations no pattern lacks triggers, so this is only the fallback
#: for a future pattern :func:`_triggers` cannot see into
_ALWAYS_LITERALS: dict[str, tuple[str, ...]] = {
    r"\b\d+ (?:free )?(?:articles?|stories) (?:left|remaining)\b": ("left", "remaining"),
    r"^(?:home|startseite|accueil|inicio)\s*(?:[>›»/|]|$)": ("home", "startseite", "accueil", "inicio"),
    r"\b(?:main|site) (?:menu|navigation)\b": ("menu", "navigation"),
}
_ALWAYS_KEYS = [_ALWAYS_LITERALS.get(rx.pattern) for rx in _ALWAYS_RX]


def _spans_to_lines(spans: list[tuple[int, int]], starts: list[int]) -> list[int]:
    """Indices of the lines (starting at ``starts``) that the character spans touch."""
    out: list[int] = []
    for a, b in spans:
        i = bisect_right(starts, a) - 1
        j = bisect_right(starts, max(a, b - 1)) - 1
        out.extend(range(i, j + 1))
    return out


#: the last page :func:`line_cues` lower-cased, its lower case, the (pattern, line) hits of
#: :data:`PREFILTER_AC` in it and the lines holding one of :data:`FOOTER_HINTS`: the line
#: model's features and the article-end pass read the same page later (one slot, replaced
#: whole, so threads at worst recompute)
_LAST_LOWER: list[tuple[str, str, list[tuple[int, int]], set[int]]] = [("", "", [], set())]


def lower_page(joined: str) -> str:
    """``joined.lower()``, taken from :func:`line_cues` when it was its last page (equal
    strings have equal lower cases; comparing them is a memcmp, lower-casing is not)."""
    last, low, _, _ = _LAST_LOWER[0]
    return low if last == joined else joined.lower()


def lower_page_and_prefilter(joined: str) -> tuple[str, list[tuple[int, int]]]:
    """:func:`lower_page`, and ``list(hits_by_line(PREFILTER_AC, utf8(low)))`` of it: both
    from :func:`line_cues` when it was its last page."""
    last, low, hits, _ = _LAST_LOWER[0]
    if last == joined:
        return low, hits
    low = joined.lower()
    return low, list(hits_by_line(PREFILTER_AC, utf8(low)))


def lower_page_and_footer_hints(joined: str) -> tuple[str, set[int]]:
    """:func:`lower_page`, and the lines of the newline-joined page holding one of
    :data:`FOOTER_HINTS` in their lower case: from :func:`line_cues` when it was its last
    page, else from a few ``str.find`` scans."""
    last, low, _, rows = _LAST_LOWER[0]
    if last == joined:
        return low, rows
    low = joined.lower()
    return low, footer_hint_rows(low)


def footer_hint_rows(low: str) -> set[int]:
    """The lines of a lower-cased, newline-joined page holding one of :data:`FOOTER_HINTS`,
    by ``str.find`` (hints are rare, and a table of line starts for every page cost more
    than these counts)."""
    rows: set[int] = set()
    for hint in FOOTER_HINTS:
        at = low.find(hint)
        while at >= 0:
            rows.add(low.count("\n", 0, at))
            after = low.find("\n", at)
            at = low.find(hint, after) if after >= 0 else -1
    return rows


def hits_by_line(automaton: ahocorasick_rs.BytesAhoCorasick, raw: bytes) -> Iterator[tuple[int, int]]:
    """(pattern index, line number) of every overlapping hit of ``automaton`` in ``raw``, the
    UTF-8 of a page joined by newlines, in page order.  No pattern may hold a newline, so a
    hit lies in the line after as many newlines as precede it: counted from hit to hit."""
    line, prev = 0, 0
    for k, a, _ in sorted(automaton.find_matches_as_indexes(raw, overlapping=True), key=itemgetter(1)):
        line += raw.count(b"\n", prev, a)
        prev = a
        yield k, line


def line_cues(lines: Sequence[str]) -> list[tuple[tuple[str, str], ...]]:
    """:func:`_cues` of every line of a page, with one trigger scan of the whole page.

    Most lines hold no trigger literal; they are skipped without a per-line regex call.
    The few trigger-less patterns are scanned over the page too, and every line a match
    touches is then checked on its own, so the result equals the per-line one exactly.
    """
    n = len(lines)
    joined = "\n".join(lines)
    joined_low = joined.lower()
    found: dict[int, set[str]] = {}
    # one automaton pass over the page; the cue regexes then run only on the lines holding
    # a trigger (no trigger holds a newline, so each hit lies within one line, the one
    # after as many newlines as precede the hit: counted from hit to hit, in page order;
    # lower() keeps the newlines where they were, even where it changes a line's length)
    n_trig, n_scan = len(_ALL_TRIGGERS), _N_TRIGGER_PATTERNS
    odd: list[int] = []
    prefilter: list[tuple[int, int]] = []  # the line features' hits (see _PAGE_AC)
    footer_rows: set[int] = set()  # the lines holding a footer hint (the article-end pass's)
    n_pre = n_scan + _N_PREFILTER
    for k, line in hits_by_line(_PAGE_AC, utf8(joined_low)):
        if k < n_trig:
            found.setdefault(line, set()).add(_ALL_TRIGGERS[k])
        elif k < n_scan:
            odd.append(line)
        elif k < n_pre:
            prefilter.append((k - n_scan, line))
        else:
            footer_rows.add(line)
    _LAST_LOWER[0] = (joined, joined_low, prefilter, footer_rows)
    for i in dict.fromkeys(odd):
        found[i] = _triggers_in(lines[i].lower())
        if not found[i]:
            del found[i]
    candidates = set(found)
    if n and _ALWAYS_RX:
        ostarts = [0, *accumulate(len(t) + 1 for t in lines)][:n]
        for rx, keys in zip(_ALWAYS_RX, _ALWAYS_KEYS, strict=True):
            if keys is not None and not any(k in joined_low for k in keys):
                continue
            candidates.update(_spans_to_lines([m.span() for m in rx.finditer(joined)], ostarts))
    out: list[tuple[tuple[str, str], ...]] = [()] * n
    for i in candidates:
        out[i] = _cues_from(lines[i], found.get(i, set()))
    return out


def _cues_from(text: str, triggers: set[str]) -> tuple[tuple[str, str], ...]:
    """The cues of ``text``, searching only the patterns of the ``triggers`` it holds
    (all of them: the automaton reports overlapping and nested occurrences too)."""
    todo = set(_ALWAYS)
    for t in triggers:
        todo.update(_BY_TRIGGER[t])
    out = []
    for i in sorted(todo):
        reason, _, rx = _COMPILED[i]
        m = rx.search(text)
        if m is not None:
            out.append((reason, m.group(0)))
    return tuple(out)


#: the blocks of scripts written without spaces between words (Thai, Lao, Tibetan, Myanmar,
#: Khmer and their extensions): there a run of word characters is a phrase, and the line
#: model learned such lines with their marks as separators, which made them look like
#: prose of many short words.  Until they are segmented into words, they stay so.
_MARK_CATEGORIES = frozenset({"Mn", "Mc"})
_UNSPACED_BLOCKS = ((0x0E00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x19E0, 0x19FF), (0xA9E0, 0xAA7F))


def _is_word_mark(cp: int) -> bool:
    return (
        unicodedata.category(chr(cp)) in _MARK_CATEGORIES
        and not (0x20D0 <= cp <= 0x20FF or 0xFE00 <= cp <= 0xFE0F)
        and not any(lo <= cp <= hi for lo, hi in _UNSPACED_BLOCKS)
    )


def _class_ranges(cps: Sequence[int]) -> str:
    out, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(f"\\u{cps[i]:04x}" if i == j else f"\\u{cps[i]:04x}-\\u{cps[j]:04x}")
        i = j + 1
    return "".join(out)


#: the combining marks that belong to the letter before them, for a regex class.  ``re``'s
#: ``\w`` is ``str.isalnum`` (or "_"), which no mark is: the scripts that write a vowel as
#: a mark on its consonant (Devanagari, Bengali, Tamil, Telugu ...) had their words cut at
#: every vowel ("संबंधित" was the four words "स ब ध त"), in word counts, keys and labels.
#: A word character here is ``\w`` or one of these (BMP marks of categories Mn and Mc, not
#: the variation selectors and the marks for symbols, which follow emoji and keycaps, nor
#: those of :data:`_UNSPACED_BLOCKS`).
_WORD_MARK_CPS = [cp for cp in range(0x10000) if _is_word_mark(cp)]  # (one scan, ~20 ms)
WORD_MARKS = _class_ranges(_WORD_MARK_CPS)
_WORD_MARK_CHARS = frozenset(map(chr, _WORD_MARK_CPS))


def is_word_char(ch: str) -> bool:
    """``\\w`` with the word marks (see :data:`WORD_MARKS`)."""
    return ch.isalnum() or ch == "_" or ch in _WORD_MARK_CHARS


@lru_cache(maxsize=1)
def bmp_word_marks() -> Any:
    """Whether each BMP code point is one of :data:`WORD_MARKS` (for the numpy paths)."""
    table = np.zeros(0x10000, dtype=bool)
    table[_WORD_MARK_CPS] = True
    return table


_NON_LETTERS = re.compile(rf"[^\w{WORD_MARKS}]+|_|\d+", re.UNICODE)
_DOTTED_I = "i\u0307"


def fold(text: str) -> str:
    """``str.casefold`` for the keys and the stopword count, with the Turkish and Azerbaijani
    capital "İ" folded to "i": Python folds it to "i" and a combining dot above, which is no
    word character, so "ETİKETLER" keyed as "eti ketler" and "İçin" was no stopword."""
    folded = text.casefold()
    if folded.isascii() or _DOTTED_I not in folded:
        return folded
    return folded.replace(_DOTTED_I, "i")


def normalise(text: str) -> str:
    """Lower-case letters-only form used to compare labels, duplicates and templates."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(_NON_LETTERS.sub(" ", fold(text)).split())


_NON_LETTERS_NL = re.compile(rf"[^\w{WORD_MARKS}\n]+|_|\d+", re.UNICODE)
_NON_WORD_NL = re.compile(rf"[^\w{WORD_MARKS}\n]+|_", re.UNICODE)
_ANY_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")


def _many(texts: Sequence[str], rx: re.Pattern[str], one: Callable[[str], str]) -> list[str]:
    """``one`` over many newline-free lines as a few whole-document C calls.

    NFKC, casefold and the substitution run once over the joined text; only the whitespace
    collapse is per line.  Falls back to per-line calls if the line count changed (NFKC or
    casefold producing a newline never happens in practice, but the result must be exact).
    """
    joined = "\n".join(texts)
    if not joined.isascii():
        joined = unicodedata.normalize("NFKC", joined)
    parts = rx.sub(" ", fold(joined)).split("\n")
    if len(parts) != len(texts) or any("\n" in t for t in texts):
        return [one(t) for t in texts]
    return [" ".join(p.split()) for p in parts]


def normalise_many(texts: Sequence[str], keys: Sequence[str] | None = None) -> list[str]:
    """:func:`normalise` of every line of a page (from their :func:`dup_keys`, if known:
    the two differ only in that normalise drops digits)."""
    if keys is None or len(keys) != len(texts):
        return _many(texts, _NON_LETTERS_NL, normalise)
    return list(_norms_of_keys(tuple(keys)))


@lru_cache(maxsize=8)
def _norms_of_keys(keys: tuple[str, ...]) -> tuple[str, ...]:
    """Normal forms from duplicate keys: only lines holding a digit change.  Cached on the
    page's keys because the cleaner and the line model's features both ask for them."""
    joined = "\n".join(keys)
    if _ANY_DIGIT.search(joined) is None:
        return keys
    # every digit blanked at once (re.sub over a page with many numbers cost ~0.1 ms); a
    # space per digit instead of one per run is the same after the whitespace collapse,
    # and a key left unchanged held no digit
    subbed = _blank_digits(joined).split("\n")
    if len(subbed) != len(keys):  # a key holds a newline (not from dup_keys): one by one
        return tuple(" ".join(_DIGIT_RUN.sub(" ", k).split()) for k in keys)
    return tuple(k if s == k else " ".join(s.split()) for k, s in zip(keys, subbed, strict=True))


_ASCII_DIGIT_TABLE = bytes(0x20 if 0x30 <= c <= 0x39 else c for c in range(256))


@lru_cache(maxsize=1)
def _bmp_decimals() -> Any:
    """Whether each BMP code point is what ``re``'s ``\\d`` matches (``str.isdecimal``)."""

    return np.fromiter((chr(cp).isdecimal() for cp in range(0x10000)), dtype=bool, count=0x10000)


def _blank_digits(text: str) -> str:
    """``text`` with every ``\\d`` character replaced by a space, one for one: a byte-table
    translate for ASCII, else a numpy gather over the code points (a Unicode regex
    substitution cost about as much as the rest of the key work)."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_DIGIT_TABLE).decode("ascii")

    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if int(cps.max()) > 0xFFFF:
        astral = cps > 0xFFFF
        dec = _bmp_decimals()[np.where(astral, 0, cps)]
        for k in np.flatnonzero(astral):
            dec[k] = text[k].isdecimal()
    else:
        dec = _bmp_decimals()[cps]
    return np.where(dec, np.uint32(0x20), cps).tobytes().decode("utf-32-le", "surrogatepass")


#: bytes.translate table for ASCII text: every byte that is not a letter, a digit or a
#: newline becomes a space (what ``_NON_WORD_NL`` does, "_" included)
_ASCII_KEEP = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\n")
_ASCII_KEY_TABLE = bytes(c if c in _ASCII_KEEP else 0x20 for c in range(256))


@lru_cache(maxsize=1)
def _bmp_word_chars() -> Any:
    """Whether each BMP code point is a regex word character other than "_"
    (``str.isalnum``, which is what ``re``'s ``\\w`` tests), or a newline.

    Built once (~20 ms) so a page's duplicate keys are one numpy gather instead of a
    Unicode regex substitution, which cost about as much as the rest of the key work.
    """

    keep = np.fromiter((chr(cp).isalnum() for cp in range(0x10000)), dtype=bool, count=0x10000)
    keep |= bmp_word_marks()
    keep[ord("\n")] = True
    return keep


@lru_cache(maxsize=1)
def _bmp_key_flags() -> Any:
    """Per BMP code point: 1 if a duplicate key keeps it (a regex word character other than
    "_", i.e. ``str.isalnum``, or a newline), plus 2 if it is a digit (``str.isdecimal``,
    what ``re``'s ``\\d`` matches): one gather per page gives both."""

    return (_bmp_word_chars().astype(np.uint8) | (_bmp_decimals().astype(np.uint8) << 1)).astype(np.uint8)


def dup_keys(texts: Sequence[str]) -> list[str]:
    """:func:`dup_key` of every line of a page (the keys half of :func:`dup_keys_and_norms`)."""
    return dup_keys_and_norms(texts)[0]


def _nfkc_lines(texts: Sequence[str]) -> str:
    """NFKC of newline-free ``texts`` joined by newlines, normalising only the lines that
    need it.  A newline is a normalisation boundary (a starter that never composes, its
    own NFKC form), so the join of the lines' NFKC forms is the NFKC form of the join;
    a page that is not NFKC usually owes it to a few lines (an ellipsis, a no-break space),
    and normalising the whole page cost ~0.15 ms."""
    is_nf, nf = unicodedata.is_normalized, unicodedata.normalize
    return "\n".join([t if is_nf("NFKC", t) else nf("NFKC", t) for t in texts])


#: the codec that decodes a code point array of each item size (ASCII, BMP, any)
CODEC_OF_ITEMSIZE = {1: "ascii", 2: "utf-16-le", 4: "utf-32-le"}


def dup_keys_and_norms(texts: Sequence[str]) -> tuple[list[str], list[str]]:
    """:func:`dup_keys` and :func:`normalise_many` of a page's lines from one pass.

    The normal form is the duplicate key with digits dropped as well, so both come from
    the same NFKC-ed, case-folded page: its non-word characters blanked and the spaces
    squeezed for the keys, and the keys of the lines holding a digit stripped of them for
    the normal forms (a line without digits has its key as normal form).  Saves joining,
    scanning and hashing the keys again.
    """
    joined = "\n".join(texts)
    n = len(texts)
    if joined.count("\n") != n - 1:  # a text holds a newline
        keys = [dup_key(t) for t in texts]
        return keys, list(normalise_many(texts, keys))
    shared = _SHARED_KEYS[0]
    if shared is not None and shared[0] == joined:  # the stopword count's pass made them
        _SHARED_KEYS[0] = None
        return shared[1], shared[2]
    if not joined.isascii() and not unicodedata.is_normalized("NFKC", joined):
        joined = _nfkc_lines(texts)
    folded = fold(joined)
    if folded.isascii():
        raw = folded.encode("ascii")
        chars = np.frombuffer(raw, dtype=np.uint8)
        blank = np.frombuffer(raw.translate(_ASCII_KEY_TABLE), dtype=np.uint8)
        keys = _squeeze_spaces(blank).tobytes().decode("ascii").split("\n")
        digit = (chars >= 0x30) & (chars <= 0x39)
        norm_blank = np.where(digit, np.uint8(0x20), blank) if digit.any() else None
    else:
        units = folded.encode("utf-16-le", "surrogatepass")
        if len(units) == 2 * len(folded):
            # no astral character: the UTF-16 units are the code points, and half the bytes
            # of UTF-32 for every array below; the keys hold no surrogate (none is a word
            # character), so decoding them as UTF-16 pairs nothing up
            chars = np.frombuffer(units, dtype=np.uint16)
            flags = _bmp_key_flags().take(chars)  # take: see features._flags_of
            blank = np.where(flags & 1, chars, np.uint16(0x20))  # one pass, not a copy and a masked store
        else:
            chars = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            astral = chars > 0xFFFF
            flags = _bmp_key_flags().take(np.where(astral, 0, chars))
            for k in np.flatnonzero(astral):
                flags[k] = folded[k].isalnum() | (folded[k].isdecimal() << 1)
            blank = np.where(flags & 1, chars, np.uint32(0x20))
        keys = (
            _squeeze_spaces(blank)
            .tobytes()
            .decode(CODEC_OF_ITEMSIZE[blank.dtype.itemsize], "surrogatepass")
            .split("\n")
        )
        # flags are 0 (blanked), 1 (kept: a letter or a newline) or 3 (a digit, kept)
        norm_blank = np.where(flags == 1, chars, blank.dtype.type(0x20)) if int(flags.max()) > 1 else None
    if len(keys) != n:  # pragma: no cover - NFKC/casefold never add a newline
        keys = [dup_key(t) for t in texts]
        return keys, list(normalise_many(texts, keys))
    # the normal form is the key with its digits dropped: the same blanking with the
    # digits blanked too (a page without digits, most of them, has its keys as normal forms)
    if norm_blank is None:
        return keys, list(keys)
    squeezed = _squeeze_spaces(norm_blank).tobytes()
    norms = squeezed.decode(CODEC_OF_ITEMSIZE[norm_blank.dtype.itemsize], "surrogatepass").split("\n")
    if len(norms) != n:  # pragma: no cover - as for the keys
        return keys, list(normalise_many(texts, keys))
    return keys, norms


#: the keys and normal forms :func:`keys_page` made of the last page it was given, with
#: that page (one slot, taken once, so threads at worst recompute)
_SHARED_KEYS: list[tuple[str, list[str], list[str]] | None] = [None]


def _composition_seconds(limit: int = 0x10000) -> frozenset[str]:
    """The starters (combining class 0) canonical composition may join to the character
    before them: the second halves of two-character canonical decompositions of the code
    points below ``limit``, and the Hangul vowel and final jamo (composed by rule).  The
    BMP's decompositions give every such BMP character (a test checks the whole range)."""
    out = {chr(c) for c in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]}
    for cp in range(limit):
        d = unicodedata.decomposition(chr(cp))
        if d and not d.startswith("<"):
            parts = d.split()
            if len(parts) == 2 and not unicodedata.combining(chr(int(parts[1], 16))):
                out.add(chr(int(parts[1], 16)))
    return frozenset(out)


@lru_cache(maxsize=1)
def _bmp_key_unsafe() -> Any:
    """Per BMP code point: whether a line holding it may key differently when its words
    are blanked and folded as the stopword count does than through :func:`dup_key`
    (NFKC, fold, blank).

    Case folding: a word character (``str.isalnum``) folding to anything but word
    characters, a digit (``str.isdecimal``) to anything but digits, or the reverse ("İ"
    folds to "i" and a combining dot, which a key blanks).  NFKC: a word character it
    changes; another character it changes into anything holding a word character (after
    folding), a combining mark or a composition's second half; and any character that may
    compose with its neighbours (a combining mark, a composition's second half).  Every
    other character NFKC changes is punctuation or space becoming punctuation or space (a
    no-break space, an ellipsis), which a key blanks either way; and with no character of
    the line composing with another, NFKC of the line is NFKC of each of its characters.
    """
    seconds = _composition_seconds()

    def kind(ch: str) -> int:
        return (is_word_char(ch) and ch != "_") | (ch.isdecimal() << 1)

    def composes(ch: str) -> bool:
        return unicodedata.combining(ch) != 0 or ch in seconds

    def unsafe(cp: int) -> bool:
        ch = chr(cp)
        k = kind(ch)
        if any(kind(d) != k for d in ch.casefold()) or composes(ch):
            return True
        nf = unicodedata.normalize("NFKC", ch)
        if nf == ch:
            return False
        if k or any(map(composes, unicodedata.normalize("NFKD", ch))):
            return True
        return any(is_word_char(x) and x != "_" for x in nf + nf.casefold())

    return np.fromiter(map(unsafe, range(0x10000)), dtype=bool, count=0x10000)


def keys_page(lines: Sequence[str], joined: str, cps: Any, word: Any, starts: Any) -> str | None:
    """The case-folded words of a page's newline-free ``lines``, each line's words joined by
    one space, the lines by newlines; ``joined`` is their newline join, ``cps`` its code
    points (uint8 for ASCII, uint16 for the BMP), ``word`` whether each is a word character
    (``\\w``: alphanumeric or "_") and ``starts`` where each line starts in it.  The page's
    :func:`dup_keys_and_norms` are made from the same text and kept for that function.

    The line statistics split the page's case-folded words to count stopwords, and the
    duplicate keys are the same words; one blanking, folding and split serves both (the
    keys alone cost an eighth of the plain-text path).  A line where the two can differ
    has its key and normal form made on its own (:func:`dup_keys_and_norms` of those lines): one holding
    a character of :func:`_bmp_key_unsafe` (case folding or NFKC may key it otherwise).  A
    "_" is a word character to the count and a separator to the keys: a line holding one
    and no such character has it turned into a space in its page key and normal form,
    which are then squeezed again.  None (nothing kept) for an astral page.
    """
    n = len(lines)
    if cps.itemsize > 2 or n == 0:
        return None
    odd: set[int] = set()
    if cps.itemsize == 2:
        at = _bmp_key_unsafe().take(cps).nonzero()[0]
        if len(at):
            odd.update((starts.searchsorted(at, side="right") - 1).tolist())
    # a line whose only odd character is "_" (97 of the 1,103 bench pages hold one) keys as
    # the page keys it with "_" a separator: its page key and normal form, each "_" made a
    # space and squeezed again, with no call of the regex path for the page's "_" lines
    under = [i for i, t in enumerate(lines) if "_" in t and i not in odd] if "_" in joined else []
    keep = word | (cps == 0x0A)
    squeezed = _squeeze_spaces(np.where(keep, cps, cps.dtype.type(0x20)))
    codec = CODEC_OF_ITEMSIZE[cps.itemsize]
    text = fold(squeezed.tobytes().decode(codec, "surrogatepass"))
    keys = text.split("\n")
    if len(keys) != n:  # pragma: no cover - folding never makes a newline
        return None
    # the normal forms: the keys without their digits (a page without digits has its keys).
    # The digits are blanked in the folded keys, re-encoded, so the page is folded once:
    # re-encoding costs a fraction of a second ``casefold``.  Folding never turns a digit
    # into a non-digit or the reverse on a line not redone below (_bmp_key_unsafe), and
    # blanking a digit or the digits it folds to leaves the same words (a character folded
    # out of the BMP is a surrogate pair here, which is no digit and decodes back whole).
    folded = np.frombuffer(text.encode(codec, "surrogatepass"), dtype=cps.dtype)
    digit = _bmp_decimals().take(folded) if cps.itemsize == 2 else (folded >= 0x30) & (folded <= 0x39)
    if np.logical_or.reduce(digit):  # (ndarray.any with its Python layer)
        undigited = _squeeze_spaces(np.where(digit, folded.dtype.type(0x20), folded))
        norms = undigited.tobytes().decode(codec, "surrogatepass").split("\n")
        if len(norms) != n:  # pragma: no cover - as for the keys
            return None
    else:
        norms = list(keys)
    for i in under:
        keys[i] = " ".join(keys[i].replace("_", " ").split())
        norms[i] = " ".join(norms[i].replace("_", " ").split())
    if odd:
        # those lines on their own (one page-level call: a line NFKC changes is usually a
        # paragraph, whose regex key cost more than the call's overhead)
        odd_at = sorted(odd)
        odd_keys, odd_norms = dup_keys_and_norms([lines[i] for i in odd_at])
        for i, key, norm in zip(odd_at, odd_keys, odd_norms, strict=True):
            keys[i] = key
            norms[i] = norm
    _SHARED_KEYS[0] = (joined, keys, norms)
    return text


def _squeeze_spaces(chars: Any) -> Any:
    """The code points ``chars`` (of newline-separated lines holding only word characters
    and spaces) with each line's spaces collapsed as ``" ".join(line.split())`` does: a
    space after a space or a newline or at the start goes, then one before a newline or at
    the end.  Two numpy masks over the page instead of a split and a join per line, which
    was about a third of the key work.

    A word character (``str.isalnum`` or "_") is above U+0020, so "a space or a newline"
    is "at most U+0020" here, one comparison; after the first pass no space follows a
    space, so a space before a newline is a space before anything at most U+0020.  Six
    numpy calls a pass fewer than two comparisons each (on a short page the calls are the
    cost)."""

    size = len(chars)
    if size == 0:
        return chars
    # keep a character unless it is a space after a gap (or at the start)
    keep = np.empty(size, dtype=bool)
    keep[0] = chars[0] != 0x20
    np.logical_or(chars[1:] != 0x20, chars[:-1] > 0x20, out=keep[1:])
    # (a boolean index, not ``compress``: with the mask's long runs of True it copies
    # whole stretches, and ``compress`` was a third slower on the bench pages)
    kept = chars[keep]
    m = len(kept)
    if m == 0:
        return kept
    # runs are single spaces now, none opening a line: drop one that closes a line
    keep = np.empty(m, dtype=bool)
    keep[m - 1] = kept[m - 1] != 0x20
    np.logical_or(kept[:-1] != 0x20, kept[1:] > 0x20, out=keep[:-1])
    return kept[keep]


_NON_WORD = re.compile(rf"[^\w{WORD_MARKS}]+|_+", re.UNICODE)


def dup_key(text: str) -> str:
    """Key for "the same line printed twice on one page": case, spacing and punctuation
    ignored, digits kept ("Paragraph 1" and "Paragraph 2" are different lines)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


#: words that make up newspaper section names ("World desk", "Local news", "Wirtschaft",
#: "Société", "Deportes"); a short line made only of these, above a headline, is a section
#: label, whatever its case
_SECTION_TEXT = """
    world national international local regional metro city news latest breaking live update
    updates desk politics political business economy economics finance markets money tech
    technology science health environment climate sport sports football soccer culture arts
    entertainment lifestyle life style travel food opinion opinions comment commentary analysis
    editorial editorials features feature magazine weekend education media society crime
    justice courts law home uk europe africa asia americas australia middle east
    welt inland ausland politik wirtschaft kultur wissenschaft gesundheit meinung panorama
    regional lokales nachrichten aktuell gesellschaft feuilleton digital reise leben
    monde france international politique économie economie société societe culture sciences
    santé sante débats debats opinions actualité actualite actualités actualites région region
    mundo nacional internacional política politica economía economia sociedad cultura ciencia
    salud opinión opinion deportes deporte noticias actualidad local
    mondo politica economia cronaca cultura esteri sport notizie
    binnenland buitenland nieuws economie cultuur wetenschap
    """
_SECTION_WORDS = frozenset(_SECTION_TEXT.split())


_NETWORK_NAMES = (
    "facebook", "twitter", "instagram", "youtube", "telegram", "whatsapp", "linkedin", "tiktok",
    "pinterest", "vkontakte", "x.com", "threads", "mastodon", "bluesky", "rss",
    # (lower case: each is a substring of every match of its branch of _NETWORKS_OTHER)
    "фейсбук", "твит", "твітер", "вконтакте", "телеграм", "ютуб", "инстаграм", "інстаграм",
    "فيسبوك", "فيس بوك", "تويتر", "نستغرام", "نستجرام", "يوتيوب", "تيليجرام", "تلغرام", "تليجرام",
    "واتساب", "تيك توك", "فیسبوک", "توییتر", "اینستاگرام", "تلگرام", "یوتیوب",
    "微博", "微信公众号", "抖音", "フェイスブック", "ツイッター", "インスタグラム", "ユーチューブ",
    "페이스북", "트위터", "인스타그램", "유튜브", "카카오톡",
)  # fmt: skip


#: public name of the list above (the cleaner scans for them with other keywords at once)
NETWORK_NAMES = _NETWORK_NAMES


def page_names_network(text_lower: str) -> bool:
    """Whether a social network's name occurs in the lower-cased page (a prefilter: plain
    substring tests, far cheaper than the word-bounded case-insensitive pattern)."""
    return any(name in text_lower for name in _NETWORK_NAMES)


def is_section_label(text: str) -> bool:
    """A line of one to three section words ("World desk", "Politik", "Local news")."""
    if len(text) > 40:
        return False
    words = normalise(text).split()
    return 1 <= len(words) <= 3 and all(w in _SECTION_WORDS for w in words)


def is_label(text: str) -> bool:
    """True for a bare UI label ("Topics", "Share", "Lesen Sie auch:")."""
    if len(text) > 60:
        return False
    norm = normalise(text)
    return norm in _LABELS


def match_rules(
    text: str,
    n_words: int,
    sentence_like: bool,
    cues: tuple[tuple[str, str], ...] | None = None,
    *,
    norm: str | None = None,
    networks: bool = True,
) -> tuple[str, str] | None:
    """(reason, detail) for a line of page furniture, or None.

    One cue suffices on a line of at most 40 words; a longer line needs two distinct cues
    of the same reason, so prose that merely mentions a cookie or a donation survives.
    A caller judging a whole page passes what it computed for every line at once: the
    line's ``cues`` (:func:`line_cues`), its ``norm`` (:func:`normalise_many`), and
    ``networks=False`` when no social network is named anywhere on the page.
    """
    if n_words <= 6 and (is_label(text) if norm is None else (len(text) <= 60 and norm in _LABELS)):
        return "label", f"UI label {text.strip()!r}"
    hits: dict[str, list[str]] = {}
    for reason, cue in _cues(text) if cues is None else cues:
        hits.setdefault(reason, []).append(cue)
    if networks and not sentence_like and n_words <= 8:
        net = network_search(text)
        if net is not None and not _about_network(text, net):
            hits.setdefault("social", []).append(net.group(0))
    if not hits:
        # (a row naming networks is a follow or share row: the network test above says so)
        if n_words <= 8 and not sentence_like and is_label_row(normalise(text) if norm is None else norm):
            return "label", f"a row of UI labels {text.strip()!r}"
        return None
    # strongest reason: most cues; ties broken by the order of _RULES (paywall first)
    order = list(_RULES)
    reason, best = max(
        hits.items(), key=lambda kv: (len(set(kv[1])), -order.index(kv[0]) if kv[0] in order else 0)
    )
    distinct = {c.casefold() for c in best}
    if n_words > 40 and len(distinct) < 2:
        return None
    bare = _BARE_WORDS.get(reason)
    if bare is not None and distinct <= bare and (sentence_like or n_words > _BARE_WORD_MAX_WORDS):
        # "Donations collected on the day will go towards a new boathouse", "Hillary shot
        # back, 'I suppose I could have chosen to bake cookies'", a headline "Only 'One or
        # Two Instances' where Donations 'Slipped through the Cracks'": a sentence or a
        # headline that speaks of donations or cookies is news.  An appeal asks the reader
        # ("your donation", "donate to us") in the outlet's voice, not inside someone's
        # quoted words ("asking supporters to 'donate $3 to our campaign'"); a cookie banner,
        # in any language, speaks of the site, the visit, consent or privacy ("Vi använder
        # cookies för att ge dig en bättre upplevelse", "vous acceptez l'utilisation des
        # cookies"); a button or heading ("Donate", "Cookie settings") is short and no sentence.
        own = _QUOTED.sub(" ", text) if _QUOTE_MARKS.search(text) else text
        if not _BARE_WORD_CONTEXT[reason].search(own):
            return None
    return reason, "matched " + ", ".join(repr(c) for c in sorted(distinct))


#: what the bare cues of these reasons match: alone in a sentence or a longer line, they may
#: be news (clean PolNeAR articles lost four sentences to the bare cookie cue)
_BARE_WORDS = {
    "donation": frozenset({"donate", "donating", "donation", "donations"}),
    "cookie": frozenset({"cookie", "cookies"}),
    "newsletter": frozenset({"newsletter", "newsletters"}),
}
#: a line with only a bare cue is furniture up to this many words when it is no sentence
_BARE_WORD_MAX_WORDS = 8
#: a sentence addressed to its reader, or in the outlet's own voice
_TO_THE_READER = re.compile(r"\b(?:you|your|yours|us|our|we|please)\b", re.IGNORECASE)
#: what a cookie banner or notice speaks of beside the cookies, in the languages of the
#: cleaner's cues and of turku-lines' French and Swedish pages
_COOKIE_CONTEXT = re.compile(
    r"\b(?:(?:web)?sites?|website|webbplats\w*|sajt\w*|hemsida\w*|webseite\w*|sitio|p[áa]gina|browser\w*"
    r"|navigat\w*|navega\w*|brows\w*|visit\w*|besök\w*|accept\w*|acept\w*|akzept\w*|godk[äa]nn\w*|agree\w*"
    r"|consent\w*|samtyck\w*|einwillig\w*|consentement|privacy|datenschutz\w*|integritet\w*|vie priv[ée]e"
    r"|donn[ée]es|personuppgift\w*|personal data|datos personales|personenbezogen\w*"
    r"|polic\w*|politique|pol[íi]tica|settings|param[èe]tres|inst[äa]llningar|einstellungen|configuraci[óo]n"
    r"|experience|exp[ée]rience|upplevelse\w*|erlebnis\w*|experiencia|utilisation|anv[äa]nd\w*|verwend\w*"
    r"|utiliz\w*|utilis\w*|uses?|using|tracking|traceurs|statisti\w*|analytics|third[- ]part\w*|partner\w*"
    r"|enabl\w*|javascript|reload\w*|access|aktivier\w*|zulass\w*|autoris\w*|activ\w*|habilit\w*|till[åa]t\w*"
    r"|please|bitte|you|your|vous|votre|vos|nous|nos|wir|sie|ihre?|vi|du|dig|din|ditt|våra?)\b",
    re.IGNORECASE,
)
#: a newsletter prompt asks its reader to sign up, or lists what a subscription brings
#: ("Exclusive articles by ... Plus, special edition ... newsletters."), in any of the cues'
#: languages ("... said Jon Ralston, who runs a Nevada politics newsletter." is news)
_NEWSLETTER_CONTEXT = re.compile(
    r"\b(?:you|your|us|our|we|please|sign|subscrib\w*|receive|get|free|inbox|e-?mail|exclusive\w*|unlimited"
    r"|access|premium|members?|offers?|exklusiv\w*|illimit[ée]\w*|ilimitad\w*"
    r"|sie|ihr\w*|unser\w*|du|dein\w*|abonn\w*|anmeld\w*|bestell\w*|kostenlos\w*|gratuit\w*"
    r"|vous|votre|vos|notre|nos|inscri\w*|recevez|tu|su|nuestr\w*|suscr\w*|recib\w*"
    r"|vi|dig|din|våra?|prenumer\w*|tilaa|uutiskirje\w*)\b",
    re.IGNORECASE,
)
#: someone's quoted words, which may address anyone: “…”, "…", «…», „…“, ‘…’ (closed on
#: the line)
_QUOTE_MARKS = re.compile(r"[\"“”«»„]")
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»|„[^“”\n]*[“”]|‘[^’\n]*’(?!\w)")
#: what a line holding only a bare cue must speak of, outside quotes, to be furniture all the same
_BARE_WORD_CONTEXT = {
    "donation": _TO_THE_READER,
    "cookie": _COOKIE_CONTEXT,
    "newsletter": _NEWSLETTER_CONTEXT,
}


def _about_network(text: str, net: re.Match[str]) -> bool:
    """A headline about a network ("TikTok: Brussels opens an inquiry", "Facebook wehrt sich
    gegen Maas-Gesetz"), not a link to it: the network's name opens the line, no other
    network is named, and three or more words follow it.  (A call to follow or share
    carries its own cue phrase, which still removes it.)"""
    if net.start() > 0 and text[: net.start()].strip(" \t*\u2022-\"'“„«"):
        return False
    rest = text[net.end() :]
    if network_search(rest) is not None:
        return False
    return len(rest.split()) >= 3


def has_cue(text: str) -> bool:
    """Cheap check used as a line-model feature: any furniture cue at all."""
    return bool(_cues(text))


# -- stopwords -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    try:
        data = resources.files("newsdesk.clean").joinpath("stopwords.json.gz").read_bytes()
    except FileNotFoundError:
        return {}
    raw: dict[str, list[str]] = json.loads(gzip.decompress(data))
    return {lang: frozenset(words) for lang, words in raw.items() if not lang.startswith("_")}


def stopwords(lang: str | None) -> frozenset[str] | None:
    """Stopword set for an ISO 639-1 code, or None when newsdesk has no list for it."""
    if not lang:
        return None
    return _stopwords().get(lang)


@lru_cache(maxsize=1)
def any_language_stopwords() -> frozenset[str]:
    """The stopwords of every language: what a word of no known language is checked against."""
    return frozenset().union(*_stopwords().values())


def stopword_languages() -> list[str]:
    return sorted(_stopwords())
