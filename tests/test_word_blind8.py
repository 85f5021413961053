"""The eighth blind corpus of Word plans (six layouts), written after the import reached the first seven: per document
and level, what the import finds (318 of 473 items as it came; benchmarks/README.md)."""

from __future__ import annotations

from pathlib import Path

from tests.test_word_blind import corpus_tests, run_corpus, table

CORPUS = Path(__file__).parent / "fixtures" / "word_blind8"

# Per document, per level in LEVELS order: (at least found, at most invented), as reached; only better allowed.
REACHED: dict[str, tuple[tuple[int, int], ...]] = {
    "01_poperinge_overzichtsniveaus_zonder_codes": ((3, 0), (3, 0), (7, 0), (16, 0), (30, 0), (16, 0), (0, 0), (4, 0)),
    "02_zele_niveau_code_tabel": ((3, 1), (3, 0), (7, 0), (18, 0), (41, 0), (0, 0), (0, 0), (4, 0)),
    "03_wervik_indicatorzinnen_genummerde_acties": ((3, 0), (3, 0), (6, 0), (15, 0), (38, 0), (15, 0), (0, 0), (4, 0)),
    "04_londerzeel_sd_in_koptekst_od_infotabel_begroting": (
        (4, 0),
        (4, 0),
        (7, 0),
        (18, 0),
        (37, 0),
        (18, 0),
        (5, 0),
        (4, 0),
    ),
    "05_kapellen_cms_export_ankers_nbsp": ((3, 0), (3, 0), (7, 0), (20, 0), (42, 0), (20, 0), (0, 0), (4, 0)),
    "06_overijse_tweetalig_nl_en_kolommen": ((3, 0), (3, 0), (6, 0), (0, 0), (22, 0), (0, 0), (0, 0), (4, 0)),
}


(
    outcome,
    test_the_corpus_has_all_its_plans,
    test_each_document_keeps_what_it_reached,
    test_each_document_reads_every_field_of_what_it_found,
) = corpus_tests(CORPUS, REACHED, 6)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        print(table(run_corpus(Path(folder), CORPUS)))
