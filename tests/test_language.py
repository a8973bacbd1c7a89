"""Language detection: confident on paragraphs, silent on snippets it cannot judge."""
import pytest

from onevoice.ingest.language import detect_language

ENGLISH = ("The foreign ministers of Arvenia and Boskaland met on Tuesday in the capital to discuss "
           "the dam on the river. They promised to resume negotiations next month.")
FRENCH = ("Les ministres des affaires étrangères de l'Arvénie et de la Boskalie se sont rencontrés "
          "mardi dans la capitale pour discuter du barrage. Ils ont promis de reprendre les "
          "négociations le mois prochain.")
GERMAN = ("Die Außenminister der beiden Länder trafen sich am Dienstag in der Hauptstadt, um über "
          "den Staudamm am Fluss zu sprechen. Sie versprachen, die Gespräche im nächsten Monat "
          "fortzusetzen.")
CHINESE = ("两国外交部长周二在首都会面，讨论河流上的水坝问题。他们承诺下个月恢复谈判，并就边境贸易达成初步共识。"
           "双方同意成立联合委员会，定期交换水文数据，避免旱季发生争端。") * 2


@pytest.mark.parametrize("text,lang", [(ENGLISH, "en"), (FRENCH, "fr"), (GERMAN, "de")])
def test_paragraphs(text, lang):
    assert detect_language(text) == lang


def test_chinese_is_not_english_even_when_its_relatives_split_the_vote():
    assert detect_language(CHINESE, ("en",)) == "zh"


@pytest.mark.parametrize("text", ["Talks resumed.", "Les ministres ont parlé.", "Obama", "", "   \n  ",
                                  "12,345 vs 6,789\n\nNet 1.2 mln vs 3.4 mln\n\n" * 10])
def test_too_little_to_judge(text):
    assert detect_language(text) is None


def test_names_in_another_script_do_not_outweigh_english():
    text = ("Queen Sirikit (Thai: สมเด็จพระนางเจ้าสิริกิติ์ พระบรมราชินีนาถ) and Princess Chulabhorn "
            "(Thai: สมเด็จพระเจ้าลูกเธอ เจ้าฟ้าจุฬาภรณวลัยลักษณ์) attended the funeral of a protester "
            "killed in clashes between police and demonstrators last Tuesday.")
    assert detect_language(text, ("en",)) == "en"


def test_leading_whitespace_does_not_hide_the_text():
    assert detect_language(" \n" * 500 + FRENCH.replace(" ", "\n        ")) == "fr"


def test_quick_english_answer_only_for_english():
    from onevoice.ingest.language import _plainly_english

    assert _plainly_english(ENGLISH)
    assert not _plainly_english(FRENCH) and not _plainly_english(GERMAN)
    assert not _plainly_english("the of and to")  # too few words to say
    # Dutch shares "was" and "is" with English, not enough of the list
    assert not _plainly_english("Het was een lange dag voor de ministers van de twee landen die "
                                "in de hoofdstad over de dam spraken en beloofden de gesprekken "
                                "volgende maand te hervatten omdat het water laag was")
