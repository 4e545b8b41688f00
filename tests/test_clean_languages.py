"""Page furniture in the languages a monitoring desk reads beyond the training pages' own.

The line model learned from English, German, French, Spanish, Finnish and Swedish pages
(turku-lines, Fundus, the trafilatura-eval tune half); the rules name furniture in more
languages, so a Russian follow prompt or an Arabic copyright line is removed with its reason
whatever the model makes of it.  Each page below is one of ours: three paragraphs of a budget
story, then what news sites print under it.
"""

from __future__ import annotations

import pytest

from newsdesk.clean import clean_text
from newsdesk.clean.lexicon import _CONTROL_LABELS, _MORE_LANGUAGE_LABELS, match_rules, normalise

BODY = {
    "ru": (
        "Министр финансов заявил во вторник, что дефицит бюджета составит 0,5 процента ВВП, сообщает ТАСС.\n"
        "По его словам, расходы на здравоохранение вырастут на 12 процентов, а на образование — на 8 процентов"
        " по сравнению с прошлым годом.\n"
    ),
    "uk": (
        "Міністр фінансів заявив у вівторок, що дефіцит бюджету становитиме 19 відсотків ВВП, повідомляє"
        " Укрінформ.\nЗа його словами, видатки на оборону зростуть майже вдвічі порівняно з минулим роком, а"
        " соціальні програми буде збережено.\n"
    ),
    "ar": (
        "قال وزير المالية يوم الثلاثاء إن عجز الموازنة سيبلغ 3.5 في المئة من الناتج المحلي الإجمالي، وفقا لما"
        " ذكرته وكالة الأنباء الرسمية.\nوأضاف الوزير أن الإنفاق على الصحة سيرتفع بنسبة 12 في المئة، بينما"
        " سيزداد الإنفاق على التعليم بنسبة 8 في المئة مقارنة بالعام الماضي.\n"
    ),
    "tr": (
        "Maliye Bakanı salı günü yaptığı açıklamada bütçe açığının milli gelirin yüzde 3,5'i olacağını söyledi,"
        " Anadolu Ajansı bildirdi.\nBakana göre sağlık harcamaları yüzde 12, eğitim harcamaları ise geçen yıla"
        " göre yüzde 8 artacak.\n"
    ),
    "it": (
        "Il ministro dell'Economia ha dichiarato martedì che il deficit scenderà al 3,5 per cento del prodotto"
        " interno lordo, riferisce l'agenzia Ansa.\nSecondo il ministro, la spesa sanitaria aumenterà del 12"
        " per cento e quella per l'istruzione dell'8 per cento rispetto all'anno scorso.\n"
    ),
    "hi": (
        "वित्त मंत्री ने मंगलवार को कहा कि अगले साल बजट घाटा सकल घरेलू उत्पाद का 3.5 प्रतिशत रहेगा, समाचार एजेंसी"
        " ने यह जानकारी दी।\nमंत्री के अनुसार स्वास्थ्य पर खर्च 12 प्रतिशत और शिक्षा पर खर्च 8 प्रतिशत बढ़ेगा, जबकि"
        " रक्षा बजट पिछले साल के बराबर रहेगा।\n"
    ),
    "bn": (
        "অর্থমন্ত্রী মঙ্গলবার বলেছেন যে আগামী বছর বাজেট ঘাটতি মোট দেশজ উৎপাদনের সাড়ে তিন শতাংশ হবে, বার্তা সংস্থা"
        " জানিয়েছে।\nমন্ত্রীর মতে স্বাস্থ্য খাতে ব্যয় ১২ শতাংশ এবং শিক্ষা খাতে ব্যয় ৮ শতাংশ বাড়বে, আর প্রতিরক্ষা"
        " বাজেট গত বছরের মতোই থাকবে।\n"
    ),
    "ur": (
        "وزیر خزانہ نے منگل کو کہا کہ اگلے سال بجٹ خسارہ مجموعی قومی پیداوار کا ساڑھے تین فیصد ہوگا، خبر رساں"
        " ادارے نے بتایا۔\nوزیر کے مطابق صحت پر اخراجات میں 12 فیصد اور تعلیم پر اخراجات میں 8 فیصد اضافہ ہوگا،"
        " جبکہ دفاعی بجٹ گزشتہ سال کے برابر رہے گا۔\n"
    ),
    "el": (
        "Ο υπουργός Οικονομικών δήλωσε την Τρίτη ότι το έλλειμμα του προϋπολογισμού θα φτάσει το 3,5% του ΑΕΠ,"
        " σύμφωνα με το πρακτορείο ειδήσεων.\nΣύμφωνα με τον υπουργό, οι δαπάνες για την υγεία θα αυξηθούν κατά"
        " 12% και για την παιδεία κατά 8% σε σύγκριση με πέρυσι.\n"
    ),
    "he": (
        "שר האוצר אמר ביום שלישי כי הגירעון בתקציב יגיע ל-3.5 אחוזים מהתוצר המקומי הגולמי, כך דיווחה סוכנות"
        " הידיעות.\nלדברי השר, ההוצאות על בריאות יגדלו ב-12 אחוזים וההוצאות על חינוך ב-8 אחוזים בהשוואה לשנה"
        " שעברה.\n"
    ),
    "vi": (
        "Bộ trưởng Tài chính cho biết hôm thứ Ba rằng thâm hụt ngân sách năm tới sẽ ở mức 3,5% tổng sản phẩm"
        " quốc nội, theo hãng thông tấn.\nTheo bộ trưởng, chi tiêu cho y tế sẽ tăng 12% và chi tiêu cho giáo dục"
        " tăng 8% so với năm ngoái.\n"
    ),
    "zh": (
        "财政部长周二表示，明年财政赤字率将控制在百分之三左右，新华社报道。\n"
        "他说，医疗卫生支出将增长百分之十二，教育支出将比去年增长百分之八。\n"
    ),
}

#: (page language, headline, [(furniture line, the reason it must be removed for)])
PAGES = [
    (
        "ru",
        "Правительство утвердило новый бюджет",
        [
            ("Поделиться", "label"),
            ("Подписывайтесь на нас в Telegram", "social"),
            ("Мы в соцсетях: ВКонтакте", "social"),
            ("Реклама", "label"),
            ("Теги", "label"),
            ("© 2024 РИА Новости. Все права защищены.", "boilerplate"),
            ("Подпишитесь на нашу рассылку", "newsletter"),
        ],
    ),
    (
        "uk",
        "Уряд ухвалив новий бюджет",
        [
            ("Поділитися", "label"),
            ("Слідкуйте за нами у Фейсбуці", "social"),
            ("Реклама", "label"),
            ("© 2024 Укрінформ. Усі права захищені.", "boilerplate"),
        ],
    ),
    (
        "ar",
        "الحكومة تقر الموازنة العامة الجديدة",
        [
            ("شارك", "label"),
            ("تابعونا على فيسبوك", "social"),
            ("تابعنا على تويتر", "social"),
            ("إعلان", "label"),
            ("جميع الحقوق محفوظة © 2024", "boilerplate"),
            ("اشترك في النشرة البريدية", "newsletter"),
        ],
    ),
    (
        "tr",
        "Hükümet yeni bütçeyi onayladı",
        [
            ("Paylaş", "label"),
            ("Bizi takip edin: Facebook, Twitter, Instagram", "social"),
            ("Reklam", "label"),
            ("Tüm hakları saklıdır. © 2024", "boilerplate"),
            ("Bültenimize abone olun", "newsletter"),
            ("Bu sitede çerezler kullanılmaktadır.", "cookie"),
        ],
    ),
    (
        "it",
        "Il governo approva la legge di bilancio",
        [
            ("Condividi", "label"),
            ("Seguici su Facebook", "social"),
            ("© RIPRODUZIONE RISERVATA", "boilerplate"),
        ],
    ),
    (
        "zh",
        "国务院通过新一年度财政预算",
        [
            ("分享到：", "label"),
            ("关注我们", "label"),
            ("版权所有 © 2024", "boilerplate"),
        ],
    ),
]


#: the languages session 27 added
PAGES += [
    (
        "hi",
        "सरकार ने अगले साल के बजट को मंजूरी दी",
        [
            ("शेयर करें", "label"),
            ("हमें फेसबुक पर फॉलो करें", "social"),
            ("यह भी पढ़ें", "label"),
            ("© 2024 समाचार. सर्वाधिकार सुरक्षित", "boilerplate"),
        ],
    ),
    (
        "bn",
        "সরকার আগামী বছরের বাজেট অনুমোদন করেছে",
        [
            ("শেয়ার করুন", "label"),
            ("আমাদের ফেসবুকে ফলো করুন", "social"),
            ("আরও পড়ুন", "label"),
        ],
    ),
    (
        "ur",
        "حکومت نے اگلے سال کے بجٹ کی منظوری دے دی",
        [
            ("شیئر کریں", "label"),
            ("ہمیں فیس بک پر فالو کریں", "social"),
            ("مزید پڑھیں", "label"),
        ],
    ),
    (
        "el",
        "Η κυβέρνηση ενέκρινε τον νέο προϋπολογισμό",
        [
            ("Κοινοποίηση", "label"),
            ("Ακολουθήστε μας στο Facebook", "social"),
            ("ΕΤΙΚΕΤΕΣ", "label"),
            ("© 2024 Ειδήσεις. Με επιφύλαξη παντός δικαιώματος.", "boilerplate"),
        ],
    ),
    (
        "he",
        "הממשלה אישרה את התקציב החדש",
        [
            ("שתפו", "label"),
            ("עקבו אחרינו בפייסבוק", "social"),
            ("כתבות נוספות", "label"),
            ("© 2024 החדשות. כל הזכויות שמורות", "boilerplate"),
        ],
    ),
    (
        "vi",
        "Chính phủ phê duyệt ngân sách năm tới",
        [
            ("Chia sẻ", "label"),
            ("Theo dõi chúng tôi trên Facebook", "social"),
            ("Tin liên quan", "label"),
        ],
    ),
]


@pytest.mark.parametrize(("lang", "headline", "furniture"), PAGES, ids=[p[0] for p in PAGES])
def test_furniture_in_more_languages_is_removed_with_its_reason(
    lang: str, headline: str, furniture: list[tuple[str, str]]
) -> None:
    raw = headline + "\n" + BODY[lang] + "".join(line + "\n" for line, _ in furniture)
    art = clean_text(raw)
    art.check_spans()
    assert art.lang == lang
    assert art.title is not None and art.title.text == headline
    assert art.captions == []  # a "© 2024" notice is no photo credit
    reasons = {r.text: r.reason for r in art.removed}
    for line, reason in furniture:
        assert reasons.get(line) == reason, (line, reasons.get(line))
    # the story stays (its last short paragraph is the line model's call, not tested here)
    kept = [p.text for p in art.paragraphs]
    assert kept and kept == BODY[lang].splitlines()[: len(kept)]
    for r in art.removed:
        if r.reason == "boilerplate" and r.text in dict(furniture):
            assert "copyright" in (r.detail or "")


def test_a_follow_prompt_in_arabic_is_removed_under_a_short_article() -> None:
    # the line model alone kept it as the article's second paragraph
    raw = (
        "وزير المالية يعلن مراجعة الميزانية\n\n"
        "قال وزير المالية يوم الثلاثاء إن الميزانية ستتم مراجعتها الشهر المقبل، وفقا لما ذكرته وكالة الأنباء.\n\n"
        "تابعونا على فيسبوك\n"
    )
    art = clean_text(raw)
    assert [(r.text, r.reason) for r in art.removed] == [("تابعونا على فيسبوك", "social")]
    assert len(art.paragraphs) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Телеграм заблокировали в Иране на неделю",  # news about a network, its name first
        "Поздравительная телеграмма",  # a telegram, no network
        "Министр ответил на вопросы журналистов",
        "تويتر يغير سياسة التحقق من الحسابات",
    ],
)
def test_news_about_a_network_or_a_telegram_is_not_a_social_link(line: str) -> None:
    assert match_rules(line, len(line.split()), False) is None


def test_the_added_labels_are_written_as_normalise_leaves_them() -> None:
    assert all(normalise(label) == label for label in _MORE_LANGUAGE_LABELS)


@pytest.mark.parametrize(
    "line",
    [
        "Vis mer",
        "Zobrazit vše",
        "Werbung überspringen",
        "Pokaż więcej",
        "Related Coverage",
        "What's this?",
        "Mehr",
    ],
)
def test_list_and_player_controls_are_labels(line: str) -> None:
    hit = match_rules(line, len(line.split()), False)
    assert hit is not None and hit[0] == "label", line


@pytest.mark.parametrize(
    "line",
    [
        "Mehr als 600 Menschen wurden getötet",  # the word inside a sentence
        "Related coverage of the trial was banned",
        "Vis mer respekt for hverandre",
        "Weiter so, sagte der Trainer.",
    ],
)
def test_a_control_word_inside_a_line_is_no_label(line: str) -> None:
    assert match_rules(line, len(line.split()), line.endswith(".")) is None


def test_the_control_labels_are_written_as_normalise_leaves_them() -> None:
    assert all(normalise(label) == label for label in _CONTROL_LABELS)


def test_copyright_notices_of_more_languages_end_the_article() -> None:
    from newsdesk.clean.sections import FOOTER

    for notice in (
        "© RIPRODUZIONE RISERVATA",
        "TÜM HAKLARI SAKLIDIR",
        "Все права защищены",
        "كافة الحقوق محفوظة",
        "本网站版权所有",
        "Hak Cipta Dilindungi Undang-Undang",
        "무단전재 및 재배포 금지",
        "Alle rechten voorbehouden",
    ):
        assert FOOTER.search(notice), notice
    # a story about copyright law is not a notice
    assert FOOTER.search("著作権法の改正案が国会で可決された。") is None


#: (headline, byline line, the names in it, first paragraph) of pages whose byline is
#: printed with the author label or by-word of their language
BYLINES = [
    ("Правительство утвердило новый бюджет", "Автор: Иван Петров", ["Иван Петров"], BODY["ru"]),
    ("Уряд ухвалив новий бюджет", "Автор: Олена Коваленко", ["Олена Коваленко"], BODY["uk"]),
    ("الحكومة تقر الموازنة العامة الجديدة", "بقلم: أحمد محمود", ["أحمد محمود"], BODY["ar"]),
    ("Hükümet yeni bütçeyi onayladı", "Yazar: Ahmet Yılmaz", ["Ahmet Yılmaz"], BODY["tr"]),
    ("国务院通过新一年度财政预算", "记者 王小明", ["王小明"], BODY["zh"]),
    (
        "Pemerintah sahkan anggaran baru",
        "Penulis: Budi Santoso",
        ["Budi Santoso"],
        "Menteri Keuangan mengatakan pada hari Selasa bahwa defisit anggaran akan mencapai 2,5 persen dari"
        " produk domestik bruto, seperti dilaporkan Antara.\nMenurut menteri, belanja kesehatan akan naik"
        " 12 persen dan belanja pendidikan naik 8 persen dibandingkan tahun lalu.\n",
    ),
    (
        "정부, 새해 예산안 국무회의 의결",
        "김철수 기자",
        ["김철수"],
        "기획재정부 장관은 화요일 내년 재정적자가 국내총생산의 3.5%에 이를 것이라고 밝혔다고 연합뉴스가"
        " 보도했다.\n장관에 따르면 보건 지출은 12%, 교육 지출은 지난해보다 8% 증가한다.\n",
    ),
]


#: session 27's languages
BYLINES += [
    ("सरकार ने अगले साल के बजट को मंजूरी दी", "लेखक: राम शर्मा", ["राम शर्मा"], BODY["hi"]),
    ("সরকার আগামী বছরের বাজেট অনুমোদন করেছে", "প্রতিবেদক: রহিম উদ্দিন", ["রহিম উদ্দিন"], BODY["bn"]),
    ("حکومت نے اگلے سال کے بجٹ کی منظوری دے دی", "نامہ نگار: احمد علی", ["احمد علی"], BODY["ur"]),
    (
        "Η κυβέρνηση ενέκρινε τον νέο προϋπολογισμό",
        "Συντάκτης: Γιώργος Παπαδόπουλος",
        ["Γιώργος Παπαδόπουλος"],
        BODY["el"],
    ),
    ("הממשלה אישרה את התקציב החדש", "מאת ישראל כהן", ["ישראל כהן"], BODY["he"]),
    ("Chính phủ phê duyệt ngân sách năm tới", "Phóng viên: Nguyễn Văn An", ["Nguyễn Văn An"], BODY["vi"]),
]


@pytest.mark.parametrize(("headline", "byline", "names", "body"), BYLINES, ids=[b[1] for b in BYLINES])
def test_bylines_in_more_languages(headline: str, byline: str, names: list[str], body: str) -> None:
    art = clean_text(f"{headline}\n{byline}\n{body}")
    art.check_spans()
    assert art.byline is not None and art.byline.text == byline
    assert [a.text for a in art.authors] == names
    assert [p.text for p in art.paragraphs] == body.splitlines()


def test_a_chinese_sentence_opening_with_the_word_reporter_is_no_byline() -> None:
    # "记者从财政部获悉": "the reporter learned from the ministry", the story's first sentence
    body = "记者从财政部获悉，明年财政赤字率将控制在百分之三左右。\n他说，医疗卫生支出将增长百分之十二，教育支出将比去年增长百分之八。\n"
    art = clean_text("国务院通过新一年度财政预算\n" + body)
    assert art.byline is None
    assert [p.text for p in art.paragraphs] == body.splitlines()


@pytest.mark.parametrize(
    "date_line",
    [
        "Thursday, 5 December 2024 14:30 GMT",
        "Monday, December 5, 2024, 2:30 PM EST",
        "Kamis, 5 Desember 2024 14:30 WIB",
        "Donnerstag, 5. Dezember 2024, 14:30 Uhr",
        "5 December 2024 14:30 GMT+03:00",
    ],
)
def test_a_date_line_with_its_weekday_and_time_zone_is_the_dateline(date_line: str) -> None:
    # seven or more words, but all of them the date's: before, the line stayed in the body
    assert_the_dateline_under_the_headline(date_line, "2024-12-05")


_BUDGET_STORY = (
    "The finance minister said on Tuesday that the deficit would reach 3.5 percent of gross domestic"
    " product, the agency reported.\nAccording to the minister, health spending will rise by 12 percent"
    " compared with last year.\n"
)


def assert_the_dateline_under_the_headline(date_line: str, published: str) -> None:
    art = clean_text(f"Government approves new budget\n{date_line}\n{_BUDGET_STORY}")
    art.check_spans()
    assert art.dateline is not None and art.dateline.text == date_line
    assert art.published is not None and art.published.startswith(published)
    assert [p.text for p in art.paragraphs] == _BUDGET_STORY.splitlines()


@pytest.mark.parametrize(
    ("date_line", "published"),
    [
        ("20 Nisan 2026•Güncelleme: 20 Nisan 2026", "2026-04-20"),
        ("March 3, 2024 | Updated March 4, 2024 10:32 GMT", "2024-03-03"),
        ("Publié le 3 mars 2024 à 10h32 · Mis à jour le 4 mars 2024 à 18h05", "2024-03-03"),
    ],
)
def test_a_date_line_joining_its_publication_and_update_dates_is_the_dateline(
    date_line: str, published: str
) -> None:
    # more than six words, so the line stayed in the body unless it opened with "Updated"
    assert_the_dateline_under_the_headline(date_line, published)


@pytest.mark.parametrize(
    ("date_line", "published"),
    [
        # Les Echos and El País as a renderer prints them: the update glued to the time
        ("Publié le 18 juil. 2024 à 08:01Mis à jour le 18 juil. 2024 à 09:06", "2024-07-18"),
        ("Bruselas - 15 oct 2024 - 08:22Actualizado: 15 oct 2024 - 17:38CEST", "2024-10-15"),
        # elDiario.es: six words of date once its clock time counts as one
        ("25 de mayo de 2025 16:51 h", "2025-05-25"),
    ],
)
def test_a_date_line_with_its_update_glued_on_or_a_clock_time_is_the_dateline(
    date_line: str, published: str
) -> None:
    """Three news sites' date lines stayed in the article's body (Fundus pages): the
    update date glued to the publication's time, with no separator to split at, and a
    Spanish date whose clock time counted as two words."""
    assert_the_dateline_under_the_headline(date_line, published)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council met at 10:30 on 5 May 2024 to discuss the budget for the new school year.",
        "Publié le 18 juil. 2024 à 08:01Mis en cause par la justice, le ministre a démissionné hier soir.",
    ],
)
def test_a_sentence_holding_a_date_and_a_time_stays_in_the_body(sentence: str) -> None:
    art = clean_text(f"Government approves new budget\n{sentence}\n{_BUDGET_STORY}")
    art.check_spans()
    assert art.dateline is None or art.dateline.text != sentence


AGENCY_STORY = (
    "Vekalet yoluyla kurban kesim bedelleri belirlendi\n"
    "Diyanet İşleri Başkanı Safi Arpaguş, Türkiye Diyanet Vakfının 2026 vekalet yoluyla kurban kesim"
    " bedellerinin yurt içinde 18 bin lira, yurt dışında 7 bin lira olduğunu açıkladı.\n"
    "{name}\n"
    "20 Nisan 2026•Güncelleme: 20 Nisan 2026\n"
    "Arpaguş, Başkanlık Konferans Salonu'nda düzenlenen toplantıda yaptığı konuşmada, kurban"
    " ibadetinin önemine değindi ve vatandaşların bağışlarını bekledi.\n"
    '"Hazırlıklarımızı büyük bir titizlikle sürdürüyoruz. Organizasyonun her aşamasını büyük bir'
    ' ciddiyet ve hassasiyetle takip ediyoruz."\n'
)


def test_an_agency_layout_summary_name_and_date_under_the_headline() -> None:
    """Title, summary, a bare name, the date line, the story (Anadolu Ajansı's layout): the
    name is the byline, the summary the deck, the date line the dateline."""
    art = clean_text(AGENCY_STORY.format(name="Fatma Sevinç Çetin"))
    art.check_spans()
    assert art.byline is not None and art.byline.text == "Fatma Sevinç Çetin"
    assert art.dateline is not None and art.dateline.text.startswith("20 Nisan 2026")
    assert art.deck is not None and art.deck.text.startswith("Diyanet İşleri Başkanı")
    assert art.published == "2026-04-20"
    assert [p.text.split()[0] for p in art.paragraphs] == ["Arpaguş,", '"Hazırlıklarımızı']


@pytest.mark.parametrize("label", ["Europäische Union", "Lebensmittel Praxis", "Axios Future"])
def test_two_capitalised_words_beside_the_date_line_that_open_with_no_given_name_are_no_byline(
    label: str,
) -> None:
    art = clean_text(AGENCY_STORY.format(name=label))
    assert art.byline is None or art.byline.text != label


@pytest.mark.parametrize(
    "line",
    [
        "Politik | Wirtschaft | 12.03.2024 Der Rat hat am Dienstag den neuen Haushalt beschlossen",
        "Home · News · 3 March 2024 · Sport · Culture · Weather · Travel",
    ],
)
def test_a_menu_or_sentence_beside_a_date_is_not_joined_dates(line: str) -> None:
    from newsdesk.clean.core import _dates_joined

    assert not _dates_joined(line)


def test_a_name_after_a_date_is_not_counted_as_its_time_zone() -> None:
    from newsdesk.clean.core import _weekday_and_zone

    assert _weekday_and_zone("5 December 2024 by Jane Doe") == 0
    assert _weekday_and_zone("Thursday, 5 December 2024 14:30 GMT") == 2
    assert _weekday_and_zone("Monday, December 5, 2024, 2:30 PM EST") == 3


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Per continuare a leggere abbonati", "paywall"),
        ("Para continuar lendo, assine o jornal", "paywall"),
        ("Ten artykuł jest dostępny tylko dla prenumeratorów", "paywall"),
        ("Чтобы продолжить чтение, оформите подписку", "paywall"),
        ("Щоб продовжити читання, оформіть передплату", "paywall"),
        ("Bu içerik abonelere özeldir", "paywall"),
        (
            "Anadolu Ajansı web sitesinde, AA Haber Akış Sistemi (HAS) üzerinden abonelere sunulan haberler,"
            " özetlenerek yayımlanmaktadır.Abonelik için lütfen iletişime geçiniz.",
            "paywall",
        ),
        (
            "Anadolu Agency website contains only a portion of the news stories offered to subscribers in the"
            " AA News Broadcasting System (HAS), and in summarized form. Please contact us for subscription options.",
            "paywall",
        ),
        ("هذا المحتوى للمشتركين فقط", "paywall"),
        ("Artikel ini khusus pelanggan", "paywall"),
        ("会員限定記事", "paywall"),
        ("この記事は有料会員限定です。", "paywall"),
        ("Sostieni il nostro giornalismo", "donation"),
        ("Поддержите редакцию", "donation"),
        ("Steun onze journalistiek", "donation"),
        ("Bize destek olun", "donation"),
        ("Dukung kami", "donation"),
    ],
)
def test_paywall_and_donation_prompts_in_more_languages(line: str, reason: str) -> None:
    rule = match_rules(line, len(line.split()), line.endswith((".", "。")))
    assert rule is not None and rule[0] == reason, (line, rule)


@pytest.mark.parametrize(
    "line",
    [
        "有料会員数が100万人を突破した",  # news about a publisher's paid members
        "Компания оформила подписку на облачные сервисы для всех сотрудников.",
    ],
)
def test_news_about_subscriptions_is_no_paywall(line: str) -> None:
    assert match_rules(line, len(line.split()), True) is None


@pytest.mark.parametrize(
    ("first", "dateline"),
    [
        (
            "МОСКВА, 5 декабря. /ТАСС/. Министр финансов заявил, что дефицит бюджета составит 0,5% ВВП.",
            "МОСКВА, 5 декабря. /ТАСС/",
        ),
        (
            "КИЕВ, 5 декабря — РИА Новости. Министр финансов заявил, что дефицит составит 19% ВВП.",
            "КИЕВ, 5 декабря — РИА Новости",
        ),
        (
            "القاهرة (رويترز) - قال وزير المالية يوم الثلاثاء إن عجز الموازنة سيبلغ 3.5 في المئة.",
            "القاهرة (رويترز)",
        ),
        (
            "MADRID, 5 dic (EFE).- El ministro de Hacienda dijo el martes que el déficit alcanzará el 3,5%.",
            "MADRID, 5 dic (EFE)",
        ),
        (
            "Berlin (dpa) – Die Bundesregierung hat am Dienstag den Haushalt beschlossen, sagte ein Sprecher.",
            "Berlin (dpa)",
        ),
        (
            "Frankfurt am Main (Reuters) - Die Europäische Zentralbank hat am Donnerstag die Zinsen gesenkt.",
            "Frankfurt am Main (Reuters)",
        ),
        (
            "WASHINGTON, D.C. — The finance minister said on Tuesday that the deficit would reach 3.5%.",
            "WASHINGTON, D.C.",
        ),
        # session 27: ANSA's agency-first opener, Greek capitals, the Hindi wires' opener
        # without a dash, Hebrew
        (
            "(ANSA) - ROMA, 05 DIC - Il ministro dell'Economia ha dichiarato che il deficit scenderà al 3,5%.",
            "(ANSA) - ROMA, 05 DIC",
        ),
        (
            "ΑΘΗΝΑ (ΑΠΕ) - Ο υπουργός Οικονομικών δήλωσε την Τρίτη ότι το έλλειμμα θα φτάσει το 3,5%.",
            "ΑΘΗΝΑ (ΑΠΕ)",
        ),
        (
            "नई दिल्ली, 5 दिसंबर (भाषा) वित्त मंत्री ने मंगलवार को कहा कि बजट घाटा 3.5 प्रतिशत रहेगा।",
            "नई दिल्ली, 5 दिसंबर (भाषा)",
        ),
        (
            "ירושלים (רויטרס) - שר האוצר אמר ביום שלישי כי הגירעון בתקציב יגיע ל-3.5 אחוזים.",
            "ירושלים (רויטרס)",
        ),
        # session 30: a place in mixed case with the day it was filed, then a dash or the
        # agency's stop
        (
            "Baku, May 9, AZERTAC. The finance minister said on Tuesday that the deficit would reach 3.5%.",
            "Baku, May 9, AZERTAC",
        ),
        (
            "Marseille, le 3 mai 2024 – Le ministre a déclaré mardi que le déficit atteindrait 3,5 %.",
            "Marseille, le 3 mai 2024",
        ),
        (
            "Düsseldorf, 22. November 2022 - Der Versorger hat am Dienstag die Preise gesenkt, sagte ein Sprecher.",
            "Düsseldorf, 22. November 2022",
        ),
        (
            "Madrid, 5 de mayo (EFE).- El ministro de Hacienda dijo el martes que el déficit alcanzará el 3,5%.",
            "Madrid, 5 de mayo (EFE)",
        ),
        # a German local paper's town and full stop, when the town is a known place
        (
            "Duisburg. Erste Visualisierungen zeigen, wie die Seilbahn über den Rhein aussehen könnte.",
            "Duisburg",
        ),
        (
            "Frankfurt am Main. Die Europäische Zentralbank hat am Donnerstag die Zinsen gesenkt.",
            "Frankfurt am Main",
        ),
    ],
)
def test_the_wire_dateline_opening_the_first_paragraph(first: str, dateline: str) -> None:
    second = "Second paragraph of the story, with enough words in it to be read as one of its paragraphs."
    art = clean_text(f"Budget headline for the story\n{first}\n{second}\n")
    art.check_spans()
    assert art.dateline is not None and art.dateline.text == dateline
    assert art.paragraphs[0].text == first  # the dateline stays the paragraph's first words


def test_a_sentence_is_no_dateline() -> None:
    for first in (
        "Die Ministerin (SPD) – sie sprach am Dienstag – sagte, das Defizit wachse weiter.",
        "Olaf Scholz (SPD) – der Kanzler sprach am Dienstag im Bundestag über den Haushalt.",
        "Министр финансов заявил во вторник, что дефицит бюджета составит 0,5 процента ВВП.",
        "U.S. officials said on Tuesday that the deficit would reach 3.5 percent of GDP.",
        # a name and an age, or a count, where a dated opener has its month
        "Smith, 45 years old - he said on Tuesday that the deficit would reach 3.5 percent.",
        "Paris, 3 fois plus cher - le ministre a déclaré mardi que le déficit atteindrait 3,5 %.",
        # a word and a full stop that is no place: a sentence of one word
        "Stille. Dann sprach die Ministerin am Dienstag über das Defizit, das weiter wächst.",
    ):
        art = clean_text(
            f"Budget headline for the story\n{first}\nSecond paragraph of the story, with words.\n"
        )
        assert art.dateline is None, first


@pytest.mark.parametrize(
    ("page", "dateline", "published"),
    [
        (
            "정부, 새해 예산안 국무회의 의결\n입력 2024. 12. 5. 오후 2:30\n" + BYLINES[-1][3],
            "입력 2024. 12. 5. 오후 2:30",
            "2024-12-05",
        ),
        (
            "国务院通过新一年度财政预算\n发布时间：2024-12-05 14:30:00 来源：新华社\n" + BODY["zh"],
            "发布时间：2024-12-05 14:30:00 来源：新华社",
            "2024-12-05",
        ),
        (
            "Правительство утвердило новый бюджет\nОпубликовано: 5 декабря 2024, 14:30 МСК\n" + BODY["ru"],
            "Опубликовано: 5 декабря 2024, 14:30 МСК",
            "2024-12-05",
        ),
        ("Уряд ухвалив новий бюджет\n05 грудня 2024\n" + BODY["uk"], "05 грудня 2024", "2024-12-05"),
        ("Hükümet yeni bütçeyi onayladı\n5 ARALIK 2024\n" + BODY["tr"], "5 ARALIK 2024", "2024-12-05"),
        (
            "الحكومة تقر الموازنة العامة الجديدة\nالجمعة 8 فيفري 2019\n" + BODY["ar"],
            "الجمعة 8 فيفري 2019",
            "2019-02-08",
        ),
        (
            "政府、新年度予算案を閣議決定\n2024/12/05\n財務大臣は火曜日、来年度の財政赤字は国内総生産の3.5％になるとの"
            "見通しを示したと共同通信が報じた。\n大臣によると、医療費は12％、教育費は前年比8％増加する。\n",
            None,
            "2024-12-05",
        ),
    ],
)
def test_date_lines_in_more_languages(page: str, dateline: str | None, published: str) -> None:
    art = clean_text(page)
    art.check_spans()
    assert art.published is not None and art.published[:10] == published
    if dateline is not None:
        assert art.dateline is not None and art.dateline.text == dateline


def test_a_version_number_is_no_year_first_date() -> None:
    from newsdesk.clean.core import _fast_date, _is_date_line

    assert _fast_date("2024/12/05") == "2024-12-05"
    assert _fast_date("2024. 12. 5.") == "2024-12-05"
    for text in ("Version 2024.12.05.1", "10.2024.12.05", "build 1234.5.6"):
        assert _fast_date(text) is None, text
    assert not _is_date_line("build 1234.5.6")


def test_the_turkish_capital_dotted_i_folds_to_i() -> None:
    """Python folds "İ" to "i" and a combining dot, which the keys blank as a separator;
    the keys, the labels and the stopword count read it as the "i" it is."""
    from newsdesk.clean.features import doc_line_stats, line_stats
    from newsdesk.clean.lexicon import dup_key, dup_keys_and_norms, stopwords

    assert normalise("ETİKETLER") == "etiketler"
    assert normalise("GİRİŞ YAP") == "giriş yap"
    assert dup_key("İLGİLİ HABERLER 2") == "ilgili haberler 2"
    assert dup_keys_and_norms(["İLGİLİ HABERLER 2", "Son dakika"]) == (
        ["ilgili haberler 2", "son dakika"],
        ["ilgili haberler", "son dakika"],
    )
    stop = stopwords("tr")
    assert stop is not None and "için" in stop
    line = "İçin bu kadar çok şey söylendi"
    assert line_stats(line, stop)[1] == line_stats(line.replace("İ", "i"), stop)[1]
    assert doc_line_stats([line, "Ankara"], stop)[0] == line_stats(line, stop)
    art = clean_text(
        "Hükümet yeni bütçeyi onayladı\nGİRİŞ YAP\n" + BODY["tr"] + "ETİKETLER\nİLGİLİ HABERLER\n"
    )
    art.check_spans()
    gone = {r.text: r.reason for r in art.removed}
    assert gone.get("GİRİŞ YAP") == "label" and gone.get("ETİKETLER") == "label"
    assert [p.text for p in art.paragraphs] == BODY["tr"].splitlines()


FA_BODY = (
    "وزیر اقتصاد روز سه‌شنبه گفت کسری بودجه سال آینده به سه و نیم درصد تولید ناخالص داخلی خواهد رسید،"
    " خبرگزاری ایرنا گزارش داد.\nبه گفته وزیر، هزینه‌های بهداشت ۱۲ درصد و هزینه‌های آموزش ۸ درصد نسبت به"
    " سال گذشته افزایش می‌یابد.\n"
)


@pytest.mark.parametrize(
    ("date_line", "published"),
    [
        ("شنبه ۱۵ آذر ۱۴۰۳ - ۱۰:۳۰", "2024-12-05"),
        ("۱۰ دی ۱۴۰۳", "2024-12-30"),  # a month of two letters
        ("۱۴۰۳/۰۹/۱۵", "2024-12-05"),  # no letters: removed as such, and still read
        ("۲۵ قوس ۱۴۰۳", "2024-12-15"),  # Afghanistan's name of the ninth month
        ("۳۰ اسفند ۱۴۰۳", "2025-03-20"),  # the leap day of a leap year
        ("۱۵ آذر ۱۴۰۳ / 5 December 2024", "2024-12-05"),
    ],
)
def test_solar_hijri_date_lines_date_the_page(date_line: str, published: str) -> None:
    art = clean_text(f"دولت بودجه سال آینده را تصویب کرد\n{date_line}\n{FA_BODY}")
    art.check_spans()
    assert art.published == published
    if date_line[0].isdigit() and not any(c.isalpha() for c in date_line):
        assert art.published_from is not None and art.published_from.text == date_line
    else:
        assert art.dateline is not None and art.dateline.text == date_line
    assert [p.text for p in art.paragraphs] == FA_BODY.splitlines()


def test_solar_hijri_calendar_arithmetic() -> None:
    import datetime

    from newsdesk.clean.core import _fast_date
    from newsdesk.clean.datewords import jalali_to_gregorian

    assert jalali_to_gregorian(1403, 1, 1) == (2024, 3, 20)  # Nowruz
    assert jalali_to_gregorian(1404, 1, 1) == (2025, 3, 21)
    assert jalali_to_gregorian(1354, 1, 1) == (1975, 3, 21)
    assert jalali_to_gregorian(1403, 7, 30) == (2024, 10, 21)
    # the 31st of a 30-day month, and Esfand's 30th outside a leap year, are no days
    assert jalali_to_gregorian(1403, 7, 31) is None
    assert jalali_to_gregorian(1402, 12, 30) is None
    assert jalali_to_gregorian(1399, 12, 30) == (2021, 3, 20)
    # every day follows the one before, across a century of years
    days = [
        datetime.date(*g)
        for y in range(1350, 1420)
        for m in range(1, 13)
        for d in range(1, 32)
        if (g := jalali_to_gregorian(y, m, d)) is not None
    ]
    assert all((b - a).days == 1 for a, b in zip(days, days[1:], strict=False))
    # a lunar Hijri year (1446) is not read as a Solar one, nor as a Gregorian year 1446
    assert _fast_date("1446/06/03", "ar") is None
    assert _fast_date("1403-09-15", "en") is None
    assert _fast_date("1403-09-15", "fa") == "2024-12-05"


def test_a_vowel_written_as_a_mark_belongs_to_its_word() -> None:
    """Python's ``\\w`` is no combining mark, so Devanagari, Bengali or Tamil words were cut
    at every vowel sign ("संबंधित" was "स ब ध त"); the marks now belong to their word, in the
    word counts, the keys and the labels (and Arabic's short vowels to theirs).  A variation
    selector after an emoji is no word."""
    from newsdesk.clean.features import doc_line_stats, line_stats
    from newsdesk.clean.lexicon import dup_keys_and_norms

    assert normalise("संबंधित खबरें") == "संबंधित खबरें"
    assert normalise("আরও পড়ুন") == "আরও পড়ুন"
    assert line_stats("हमें फेसबुक पर फॉलो करें", None)[0] == 5
    assert line_stats("மேலும் படிக்க", None)[0] == 2
    assert line_stats("كَتَبَ الوَزِيرُ", None)[0] == 2
    assert line_stats("Follow us ❤️ 1️⃣", None)[0] == 3  # the keycap's digit is a word
    lines = ["हमें फेसबुक पर फॉलो करें", "संबंधित खबरें 2"]
    assert [s[0] for s in doc_line_stats(lines, None)] == [5, 3]
    assert dup_keys_and_norms(lines) == (["हमें फेसबुक पर फॉलो करें", "संबंधित खबरें 2"], [lines[0], "संबंधित खबरें"])


def test_a_hindi_page_keeps_its_body_and_drops_its_furniture() -> None:
    body = [
        "वित्त मंत्री ने मंगलवार को कहा कि अगले साल बजट घाटा सकल घरेलू उत्पाद का 3.5 प्रतिशत रहेगा, समाचार एजेंसी ने"
        " यह जानकारी दी।",
        "मंत्री के अनुसार स्वास्थ्य पर खर्च 12 प्रतिशत और शिक्षा पर खर्च 8 प्रतिशत बढ़ेगा।",
        "संसद के सदस्य अगले सप्ताह बजट पर बहस करेंगे और महीने के अंत तक अंतिम मतदान होगा।",
    ]
    furniture = ["शेयर करें", "संबंधित खबरें", "हमें फेसबुक पर फॉलो करें"]
    page = "\n".join([furniture[0], "सरकार ने अगले साल के बजट को मंजूरी दी", *body, *furniture[1:]]) + "\n"
    art = clean_text(page)
    art.check_spans()
    assert art.lang == "hi"
    assert art.title is not None and art.title.text == "सरकार ने अगले साल के बजट को मंजूरी दी"
    assert [p.text for p in art.paragraphs] == body
    assert {r.text for r in art.removed} >= set(furniture)


@pytest.mark.parametrize(
    ("lang", "headline", "date_line", "published"),
    [
        ("hi", "सरकार ने अगले साल के बजट को मंजूरी दी", "प्रकाशित: 5 दिसंबर 2024, 10:30 AM", "2024-12-05"),
        ("hi", "सरकार ने अगले साल के बजट को मंजूरी दी", "12 मई 2024", "2024-05-12"),
        ("bn", "সরকার আগামী বছরের বাজেট অনুমোদন করেছে", "১২ ডিসেম্বর ২০২৪", "2024-12-12"),
        ("ur", "حکومت نے اگلے سال کے بجٹ کی منظوری دے دی", "5 دسمبر 2024", "2024-12-05"),
        ("el", "Η κυβέρνηση ενέκρινε τον νέο προϋπολογισμό", "Πέμπτη, 5 Δεκεμβρίου 2024", "2024-12-05"),
        ("el", "Η κυβέρνηση ενέκρινε τον νέο προϋπολογισμό", "5 ΔΕΚΕΜΒΡΙΟΥ 2024", "2024-12-05"),
        ("he", "הממשלה אישרה את התקציב החדש", "פורסם: 5 בדצמבר 2024", "2024-12-05"),
        ("vi", "Chính phủ phê duyệt ngân sách năm tới", "Thứ năm, 5 tháng 12 năm 2024", "2024-12-05"),
    ],
)
def test_date_lines_of_the_languages_added_in_session_27(
    lang: str, headline: str, date_line: str, published: str
) -> None:
    art = clean_text(f"{headline}\n{date_line}\n{BODY[lang]}")
    art.check_spans()
    assert art.published == published
    assert art.dateline is not None and art.dateline.text == date_line
    assert [p.text for p in art.paragraphs] == BODY[lang].splitlines()


def test_the_place_list_knows_towns_and_their_other_spellings() -> None:
    from newsdesk.clean.places import is_place

    assert all(map(is_place, ["Berlin", "Duisburg", "München", "Londres", "Bakı", "Frankfurt am Main"]))
    # words, codes, and parts of a name (the search is of whole names)
    assert not any(
        map(is_place, ["Stille", "Allgemein", "Seitenanfang", "HAM", "Frankfurt am", "", "Berlin\nX"])
    )


def _with_line_under_the_date(line: str, first: str | None = None) -> str:
    story = AGENCY_STORY.format(name="Fatma Sevinç Çetin")
    story = story.replace("Güncelleme: 20 Nisan 2026\n", f"Güncelleme: 20 Nisan 2026\n{line}\n")
    if first is not None:
        story = story.replace("Arpaguş, Başkanlık", f"{first} Arpaguş, Başkanlık")
    return story


def test_a_town_under_the_date_line_is_the_dateline() -> None:
    """Anadolu Ajansı prints the date, then the town the story was filed from, on lines of
    their own: the town is the dateline, the date line stays the page's date."""
    art = clean_text(_with_line_under_the_date("Ankara"))
    art.check_spans()
    assert art.dateline is not None and art.dateline.text == "Ankara"
    assert art.published == "2026-04-20" and art.published_source == "text:removed-metadata-line"
    assert art.published_from is not None and art.published_from.text.startswith("20 Nisan 2026")
    assert any(r.reason == "metadata" and r.text.startswith("20 Nisan 2026") for r in art.removed)
    assert [p.text.split()[0] for p in art.paragraphs] == ["Arpaguş,", '"Hazırlıklarımızı']


@pytest.mark.parametrize("label", ["Allgemein", "Seitenanfang", "Impresión", "Gündem"])
def test_a_label_under_the_date_line_is_no_dateline(label: str) -> None:
    art = clean_text(_with_line_under_the_date(label))
    art.check_spans()
    assert art.dateline is not None and art.dateline.text.startswith("20 Nisan 2026")
    assert label not in [p.text for p in art.paragraphs] or art.dateline.text != label


def test_a_town_under_the_date_line_gives_way_to_the_wires_opener() -> None:
    """The first paragraph names the place with the wire: that is the dateline, and the
    town's line is kept among the removed lines with why, not dropped."""
    art = clean_text(_with_line_under_the_date("Ankara", first="ANKARA (AA) -"))
    art.check_spans()
    assert art.dateline is not None and art.dateline.text == "ANKARA (AA)"
    kept = [r for r in art.removed if r.text == "Ankara"]
    assert len(kept) == 1 and kept[0].reason == "metadata"
    assert "Ankara" not in [p.text for p in art.paragraphs]


def test_a_show_more_control_on_its_own_line_is_removed_as_a_label() -> None:
    raw = (
        "Regjeringen legger fram nytt budsjett\n\n"
        "Finansministeren la i dag fram forslaget til statsbudsjett for neste år, og det er "
        "ventet at det blir en lang debatt i Stortinget om prioriteringene.\n\n"
        "Vis mer\n\n"
        "Opposisjonen mener at regjeringen bruker for mye penger, mens samarbeidspartiene "
        "krever at det settes av mer til skole og helse i kommunene.\n"
    )
    art = clean_text(raw)
    assert ("Vis mer", "label") in [(r.text, r.reason) for r in art.removed]
    assert all("Vis mer" not in p.text for p in art.paragraphs)
    assert all(raw[r.start : r.end] == r.text for r in art.removed)
