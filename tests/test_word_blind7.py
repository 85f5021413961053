"""The seventh blind corpus of Word plans (eight layouts), written after the import reached the first six: per document
and level, what the import finds (531 of 770 items as it came; benchmarks/README.md)."""

from __future__ import annotations

from pathlib import Path

from tests.test_word_blind import corpus_tests, run_corpus, table

CORPUS = Path(__file__).parent / "fixtures" / "word_blind7"

# Per document, per level in LEVELS order: (at least found, at most invented), as reached; only better allowed.
REACHED: dict[str, tuple[tuple[int, int], ...]] = {
    "01_lier_nota_genummerde_paragrafen": ((4, 0), (3, 0), (7, 0), (0, 0), (27, 0), (0, 0), (0, 0), (4, 0)),
    "02_mol_bouwstenen_grijze_labelkolom": ((3, 0), (3, 0), (6, 0), (21, 0), (46, 0), (21, 0), (0, 0), (4, 0)),
    "03_turnhout_dubbele_nummering": ((4, 0), (3, 0), (8, 0), (21, 0), (46, 0), (21, 0), (0, 0), (4, 0)),
    "04_roeselare_acties_in_tekstkaders": ((2, 0), (2, 0), (6, 0), (21, 0), (44, 0), (21, 0), (0, 0), (4, 0)),
    "05_genk_tabs_als_tabel_afkortingen_bijlage": ((5, 0), (3, 0), (8, 0), (20, 0), (30, 0), (20, 0), (0, 0), (4, 0)),
    "06_aalst_resultaat_actie_rijen_jaarindicatoren": (
        (3, 0),
        (3, 0),
        (8, 0),
        (26, 0),
        (54, 0),
        (42, 0),
        (0, 0),
        (4, 0),
    ),
    "07_knokke-heist_ocr_scan": ((4, 0), (2, 0), (6, 0), (17, 0), (36, 0), (17, 0), (0, 0), (4, 0)),
    "08_brugge_smartart_glyphs_begroting": ((4, 0), (4, 0), (7, 0), (25, 0), (45, 0), (0, 0), (9, 0), (4, 0)),
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
