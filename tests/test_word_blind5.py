"""The fifth blind corpus of Word plans (ten layouts), written after the import reached the first four: per document
and level, what the import finds (476 of 816 items as it came; benchmarks/README.md)."""

from __future__ import annotations

from pathlib import Path

from tests.test_word_blind import corpus_tests, run_corpus, table

CORPUS = Path(__file__).parent / "fixtures" / "word_blind5"

# Per document, per level in LEVELS order: (at least found, at most invented), as reached; only better allowed.
REACHED: dict[str, tuple[tuple[int, int], ...]] = {
    "01_ieper_kopnummering_doorlopende_od": ((4, 0), (3, 0), (8, 0), (20, 0), (35, 0), (19, 0), (0, 0), (4, 0)),
    "02_oostende_google_docs_doel_subdoel": ((2, 0), (3, 0), (7, 0), (16, 0), (24, 0), (17, 0), (0, 0), (4, 0)),
    "03_sint-truiden_een_grote_tabel": ((3, 0), (3, 0), (7, 0), (17, 0), (38, 0), (14, 0), (0, 0), (3, 1)),
    "04_aarschot_omslagpagina_resultatentabel": ((3, 0), (3, 0), (7, 0), (17, 0), (34, 0), (26, 0), (0, 0), (4, 0)),
    "05_izegem_tekstvak_sd_actieletters": ((2, 0), (3, 0), (7, 0), (15, 0), (36, 0), (12, 0), (0, 0), (4, 0)),
    "06_mechelen_indicatorenlijst_bijlage": ((4, 0), (4, 0), (8, 0), (19, 0), (45, 0), (15, 0), (0, 0), (4, 0)),
    "07_halle_hoofdletters_tabvelden": ((3, 0), (3, 0), (7, 0), (15, 0), (30, 0), (23, 0), (0, 0), (4, 0)),
    "08_turnhout_beleidsdoelstelling_prioritair": ((2, 0), (3, 0), (8, 0), (0, 0), (28, 0), (7, 0), (0, 0), (4, 0)),
    "09_knokke-heist_libreoffice_romeinse_kopnummering": (
        (2, 0),
        (3, 0),
        (7, 0),
        (16, 0),
        (28, 0),
        (8, 0),
        (0, 0),
        (4, 0),
    ),
    "10_puurs-sint-amands_tweekoloms_budget_per_sd": (
        (3, 0),
        (3, 0),
        (7, 0),
        (17, 0),
        (34, 0),
        (11, 0),
        (8, 0),
        (4, 0),
    ),
}


(
    outcome,
    test_the_corpus_has_all_its_plans,
    test_each_document_keeps_what_it_reached,
    test_each_document_reads_every_field_of_what_it_found,
) = corpus_tests(CORPUS, REACHED, 10)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        print(table(run_corpus(Path(folder), CORPUS)))
