"""The sixth blind corpus of Word plans (ten layouts), written after the import reached the first five: per document
and level, what the import finds (242 of 768 items as it came; benchmarks/README.md)."""

from __future__ import annotations

from pathlib import Path

from tests.test_word_blind import corpus_tests, run_corpus, table

CORPUS = Path(__file__).parent / "fixtures" / "word_blind6"

# Per document, per level in LEVELS order: (at least found, at most invented), as reached; only better allowed.
REACHED: dict[str, tuple[tuple[int, int], ...]] = {
    "01_bree_ambitie_beleidsdoel_maatregel_verborgen": (
        (3, 0),
        (3, 0),
        (7, 0),
        (0, 0),
        (30, 0),
        (0, 0),
        (0, 0),
        (4, 0),
    ),
    "02_diest_speerpunt_seq_acties": ((3, 0), (4, 0), (7, 0), (17, 0), (34, 0), (17, 0), (0, 0), (4, 0)),
    "03_maaseik_code_na_titel_resultaat_acties_cel": (
        (1, 0),
        (3, 0),
        (7, 0),
        (17, 0),
        (33, 0),
        (28, 0),
        (0, 0),
        (3, 1),
    ),
    "04_sint-genesius-rode_tweetalig_faciliteiten": ((3, 0), (3, 0), (7, 0), (17, 0), (35, 0), (0, 0), (4, 0), (4, 0)),
    "05_zaventem_codes_sd_od_a_statustabel": ((1, 0), (3, 0), (8, 0), (20, 0), (38, 0), (0, 0), (0, 0), (4, 0)),
    "06_tervuren_overzicht_koptekst_per_sd_extra_punt": (
        (3, 0),
        (3, 0),
        (8, 0),
        (21, 0),
        (45, 0),
        (21, 0),
        (0, 0),
        (4, 0),
    ),
    "07_hasselt_gedraaide_sd_kolom_geneste_tabel": ((3, 0), (3, 0), (8, 0), (20, 0), (36, 0), (12, 0), (0, 0), (4, 0)),
    "08_dendermonde_prioriteit_initiatieven_per_resultaat": (
        (2, 0),
        (3, 0),
        (8, 0),
        (21, 0),
        (41, 0),
        (0, 0),
        (0, 0),
        (4, 0),
    ),
    "09_mortsel_actiefiches_keuzelijsten": ((1, 0), (3, 0), (8, 0), (0, 0), (29, 0), (0, 0), (0, 0), (4, 0)),
    "10_geraardsbergen_project_indicatorzinnen_budgetlijst": (
        (3, 0),
        (4, 0),
        (8, 0),
        (17, 0),
        (28, 0),
        (12, 0),
        (4, 0),
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
