"""The second blind corpus of Word plans (other layouts): per document and level, what the import finds."""

from __future__ import annotations

from pathlib import Path

from tests.test_word_blind import corpus_tests, run_corpus, table

CORPUS = Path(__file__).parent / "fixtures" / "word_blind2"

# Per document, per level in LEVELS order: (at least found, at most invented), as reached; only better allowed.
REACHED: dict[str, tuple[tuple[int, int], ...]] = {
    "01_oudenaarde_pdf_regels_afgebroken": ((3, 0), (4, 0), (12, 0), (29, 0), (50, 0), (29, 0), (0, 0), (4, 0)),
    "02_menen_een_grote_tabel": ((3, 0), (3, 0), (9, 0), (18, 0), (35, 0), (18, 0), (0, 0), (4, 0)),
    "03_lier_romeinse_cijfers_letters": ((4, 0), (3, 0), (9, 0), (21, 0), (33, 0), (21, 0), (0, 0), (4, 0)),
    "04_tielt_gelokaliseerde_stijlen": ((3, 0), (4, 0), (12, 0), (24, 0), (60, 0), (24, 0), (0, 0), (4, 0)),
    "05_mol_twee_kolommen_tekstvakken": ((2, 0), (3, 0), (9, 0), (18, 0), (34, 0), (18, 0), (0, 0), (4, 0)),
    "06_genk_goal_doelstelling_tweetalig": ((3, 0), (4, 0), (8, 0), (21, 0), (28, 0), (21, 0), (0, 0), (4, 0)),
    "07_roeselare_ap_a_voetnoten_opmerkingen": ((2, 0), (3, 0), (9, 0), (0, 0), (22, 0), (12, 0), (0, 0), (4, 0)),
    "08_heist_placeholders_begroting_subtotalen": ((3, 0), (4, 0), (7, 0), (17, 0), (33, 0), (30, 0), (7, 0), (4, 0)),
}


(
    outcome,
    test_the_corpus_has_all_its_plans,
    test_each_document_keeps_what_it_reached,
    test_each_document_reads_every_field_of_what_it_found,
) = corpus_tests(CORPUS, REACHED, 8)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        print(table(run_corpus(Path(folder), CORPUS)))
