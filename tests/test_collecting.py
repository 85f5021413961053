import gc

import pytest

from reporting.collecting import YOUNG, fewer_collections


def test_collections_are_rarer_inside_and_as_before_after_even_on_an_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with fewer_collections():
            assert gc.get_threshold()[0] == YOUNG > before[0]
            raise RuntimeError
    assert gc.get_threshold() == before
    assert gc.isenabled()
