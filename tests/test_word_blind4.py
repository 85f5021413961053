"""The fourth blind corpus of Word plans (eight layouts that mix habits), written after the import reached the
first three: per document and level, what the import finds (409 of 672 items as it came; benchmarks/README.md)."""

from __future__ import annotations

from pathlib import Path

from tests.test_word_blind import corpus_tests, run_corpus, table

CORPUS = Path(__file__).parent / "fixtures" / "word_blind4"

# Per document, per level in LEVELS order: (at least found, at most invented), as reached; only better allowed.
REACHED: dict[str, tuple[tuple[int, int], ...]] = {
    "01_deinze_bijgehouden_wijzigingen": ((3, 0), (3, 0), (8, 0), (24, 0), (47, 0), (24, 0), (0, 0), (4, 0)),
    "02_eeklo_sd_banner_od_tabellen": ((4, 0), (3, 0), (8, 0), (22, 0), (42, 0), (8, 0), (0, 0), (4, 0)),
    "03_houthalen_letters_liggend": ((4, 0), (2, 0), (5, 0), (15, 0), (27, 0), (15, 0), (0, 0), (4, 0)),
    "04_wevelgem_ocmw_actieplan_evaluatiehoofdstuk": (
        (3, 0),
        (3, 0),
        (6, 0),
        (21, 0),
        (41, 0),
        (12, 0),
        (0, 0),
        (4, 0),
    ),
    "05_lanaken_webpagina_geplakt": ((3, 0), (3, 0), (6, 0), (18, 0), (37, 0), (18, 0), (0, 0), (4, 0)),
    "06_lommel_voetnoten_begroting_per_jaar": ((3, 0), (2, 0), (5, 0), (14, 0), (28, 0), (25, 0), (16, 0), (4, 0)),
    "07_heusden_inhoudsbesturing_meerlevellijst": ((4, 0), (3, 0), (8, 0), (23, 0), (41, 0), (18, 0), (0, 0), (4, 0)),
    "08_tessenderlo_voortgang_statustabel": ((1, 0), (3, 0), (7, 0), (0, 0), (26, 0), (10, 0), (0, 0), (4, 0)),
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
