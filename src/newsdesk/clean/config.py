"""Options of the line cleaner and the fields an input already told us."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class CleanConfig:
    """Thresholds of the line cleaner.

    Defaults were set on turku-lines train and on the dev half of the trafilatura-eval
    pages (see bench/plaintext_eval.py); nothing here was tuned on the seeds.
    """

    #: use the shipped line model (False: rules, duplicates, templates and position only)
    use_model: bool = True
    #: "news-lexical" (default: trained with news pages, and weighs each line's own words),
    #: "news" (the same evidence without the words: some 6 % less CPU, about 0.4 points less
    #: F1 on rendered pages), "news-encoder" (opt-in, slow) or "web" (turku-lines only:
    #: forums, wikis, shops, where short list lines are often content)
    line_model: str = "news-lexical"
    #: keep a line when the model's main-text probability is at least this (None: the cut
    #: stored with the model, and the model's own cut for the page's language where it has
    #: one; the news models store 0.4, chosen on the tune-b quarter of trafilatura-eval, see
    #: NEWS_CUT in scripts/train_line_model.py)
    model_threshold: float | None = None
    #: for text an extractor already reduced to main text (the HTML path), only lines the
    #: model is nearly sure about are removed
    extracted_threshold: float = 0.05
    #: run the line model on extracted text at all.  Off: on trafilatura-eval the model's
    #: removals (p < 0.05) changed F1 by +0.0005 on the tune half and -0.0011 on held-out
    #: (all pages 0.9275 with, 0.9278 without) and cost about a seventh of the HTML path's
    #: CPU; cue rules, duplicates and templates still clean extracted text
    model_on_extracted: bool = False
    #: a prose line (this many words, ends a sentence, stopword-dense) is kept whatever the
    #: model says: removing body is worse than keeping a stray line
    prose_min_words: int = 20
    prose_min_stop_ratio: float = 0.12
    #: a sentence of at least this many words is never removed as outlet template, however
    #: often it recurs (wire copy republished by one outlet is still the story)
    template_spare_words: int = 12
    #: the headline is looked for among the first this-many candidate lines
    title_window: int = 6
    #: on a page whose top is furniture, the headline is looked for just above the first
    #: prose line the model keeps (:func:`newsdesk.clean.core._title_above_body`)
    title_near_body: bool = True
    #: the headline is the packaged ranker's pick among the lines around the body's start
    #: (:mod:`newsdesk.clean.headline`), when it has been trained; off: the nearest
    #: headline-shaped line above the body, and only on a page whose top is furniture
    headline_ranker: bool = True
    #: under a headline the ranker found, the byline is the packaged byline ranker's pick
    #: around it (:mod:`newsdesk.clean.byline`), when it has been trained and is sure enough;
    #: off, or when it abstains: the first "By/Von/Par ..." line near the headline
    byline_ranker: bool = True
    #: the article ends at the first run of at least this many removed lines after which
    #: the kept words are at most ``end_gap_max_share`` of the page's and which is at least
    #: ``end_gap_ratio`` times longer than any run before it (plus one); the kept lines after
    #: it are removed as ``after-article`` (:func:`newsdesk.clean.core._cut_after_end_gap`;
    #: 0 turns it off)
    end_gap_lines: int = 8
    end_gap_max_share: float = 0.35
    end_gap_ratio: float = 1.5
    #: a line above the body is the headline only when the model gives it at least this
    title_min_p: float = 0.05
    title_max_words: int = 30
    title_max_chars: int = 300
    deck_max_words: int = 80
    #: a deck the page does not echo, found only because a byline, date or caption follows
    #: it, needs this many words: a standfirst is a sentence, "Published in Health" is a label
    deck_min_words: int = 4
    #: a recipe's ingredient lines ("200 g Mehl") in a run of three or more stay in the body,
    #: with the unit-less items and part headings inside the run and the heading above it
    keep_ingredients: bool = True
    #: look for a "By ..." line near where the body starts when none is around the headline
    #: (and, when it stands over the body, for the headline above it)
    byline_near_body: bool = True
    #: a bare name just above or under the date line among the first lines is the byline
    name_beside_date_line: bool = True
    #: a known town on its own line under that date line is the dateline (the date line
    #: stays the page's date, removed as metadata)
    place_under_date_line: bool = True
    #: a headline found glued to a breadcrumb or a number ("Home News Headline", "2.
    #: Headline", "Forum>iPhone>Headline") gives way to the page's own line of its tail
    title_after_prefix: bool = True
    byline_max_words: int = 12
    #: with no date near the headline or the byline, the page's first short date line that
    #: is not a sentence dates it (``published_source`` "text:first-date-line")
    date_anywhere: bool = True
    #: with no byline found, the first removed line anywhere that opens with a by-phrase no
    #: headline or teaser opens with ("Posted by", "Text:", "Auteur :") is the byline
    byline_anywhere: bool = True
    #: a short line confidently in another language than the article is removed
    foreign_max_words: int = 12
    #: a line the model is at least this sure is main text is not second-guessed by language
    foreign_max_p: float = 0.7
    #: lines longer than this are body text, analysed on their first characters only
    max_line_chars: int = 5000
    #: split a line at a sentence end glued to a capital ("comments.Commemorative") when
    #: one of the parts is page furniture
    split_glued: bool = True
    #: context rescue: a run of at most this many lines the line model dropped, lying
    #: between two body lines, is body (sub-headings, list items, ingredient lists) when
    #: every line of the run scored at least ``rescue_min_p``; 0 turns the pass off.  Tune
    #: half of trafilatura-eval (bench/plaintext_eval.py): off 0.868, 3/0.1 0.871, 8/0.1 0.868
    rescue_max_run: int = 3
    rescue_min_p: float = 0.1
    #: end the article at an end-of-page section heading ("Related articles", "Comments")
    #: once it has had some body, and remove "Read more: ..." teaser lines
    #: (:mod:`newsdesk.clean.sections`)
    mark_article_end: bool = True
    #: remove a short line printed three times or more between the article's paragraphs
    #: (an ad slot's label: "Article content", "Werbung überspringen")
    drop_interrupting_labels: bool = True
    #: remove an author's biography: a sentence that opens with a name and an occupation
    #: ("Jule Radeck studierte Sportwissenschaften"), when a short line of the page names the
    #: same person (a byline, the author box's name line)
    drop_author_bios: bool = True
    #: remove a line with no letter in any script (a bare number, a date or time stamp, a
    #: price, a page or vote count, an emoji): on its own it says nothing a reader can use
    #: (turku-lines training pages: 900 such lines are noise, 52 main text; Fundus: 639 noise, 0 main)
    drop_letterless: bool = True


@dataclass(slots=True)
class FieldHints:
    """Fields the input or its metadata already gave (HTML meta tags, JSONL, feeds).

    A line equal (after normalisation) to a hinted title, deck or byline takes that role;
    a line equal to a hinted caption is a caption.
    """

    title: str | None = None
    deck: str | None = None
    byline: str | None = None
    published: str | None = None
    published_source: str | None = None
    lang: str | None = None
    url: str | None = None
    outlet: str | None = None
    captions: list[str] = field(default_factory=list)
    #: the text is an extractor's main-text output, not a whole page
    extracted: bool = False
