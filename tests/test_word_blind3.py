"""The third blind corpus of Word plans (twelve more layouts): per document and level, what the import finds."""

from __future__ import annotations

from pathlib import Path

from tests.test_word_blind import corpus_tests, run_corpus, table

CORPUS = Path(__file__).parent / "fixtures" / "word_blind3"

# Per document, per level in LEVELS order: (at least found, at most invented), as reached; only better allowed.
REACHED: dict[str, tuple[tuple[int, int], ...]] = {
    "01_aalter_kopnummering_uit_numbering": ((3, 0), (3, 0), (8, 0), (27, 0), (62, 0), (0, 0), (0, 0), (4, 0)),
    "02_zottegem_actietabel_per_sd": ((2, 0), (3, 0), (8, 0), (0, 0), (24, 0), (16, 0), (0, 0), (4, 0)),
    "03_lochristi_planningstool_export": ((0, 0), (3, 0), (8, 0), (0, 0), (24, 0), (0, 0), (0, 0), (4, 0)),
    "04_bilzen_doelstelling_r_a_codes": ((3, 0), (2, 0), (5, 0), (16, 0), (30, 0), (16, 0), (0, 0), (4, 0)),
    "05_tongeren_beleidsdomeinen_overzichtstabel": ((2, 0), (4, 0), (9, 0), (21, 0), (46, 0), (0, 0), (0, 0), (4, 0)),
    "06_maldegem_indicatortabel_per_od": ((2, 0), (3, 0), (8, 0), (0, 0), (22, 0), (17, 0), (0, 0), (4, 0)),
    "07_dilbeek_onzichtbare_tabel": ((3, 0), (3, 0), (8, 0), (21, 0), (43, 0), (21, 0), (0, 0), (4, 0)),
    "08_wetteren_actie_nummer_per_od": ((3, 0), (3, 0), (8, 0), (0, 0), (24, 0), (0, 0), (0, 0), (4, 0)),
    "09_hamme_kantlijnlabels": ((2, 0), (3, 0), (8, 0), (18, 0), (37, 0), (18, 0), (0, 0), (4, 0)),
    "10_brasschaat_google_docs_budgetbijlage": ((4, 0), (3, 0), (7, 0), (19, 0), (38, 0), (0, 0), (12, 0), (4, 0)),
    "11_herzele_gemeente_ocmw_tekstvak_cover": ((3, 0), (4, 0), (9, 0), (0, 0), (18, 0), (0, 0), (0, 0), (4, 0)),
    "12_kortrijk_groot_benchmark": ((4, 0), (4, 0), (20, 0), (60, 0), (180, 0), (117, 0), (0, 0), (4, 0)),
}


(
    outcome,
    test_the_corpus_has_all_its_plans,
    test_each_document_keeps_what_it_reached,
    test_each_document_reads_every_field_of_what_it_found,
) = corpus_tests(CORPUS, REACHED, 12)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        print(table(run_corpus(Path(folder), CORPUS)))
