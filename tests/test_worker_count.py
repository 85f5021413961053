"""The batch runs one worker per core, fewer when the year reports would not fit in the free memory together."""

from planrapport.commands.documents import worker_count as module
from planrapport.commands.documents.worker_count import BASE_BYTES, BYTES_PER_FILE_BYTE, estimated_peak, worker_count

MIB = 2**20


def _workbooks(tmp_path, *sizes):
    paths = []
    for number, size in enumerate(sizes):
        path = tmp_path / f"plan-{number}.xlsx"
        path.write_bytes(b"x" * size)
        paths.append(path)
    return paths


def test_every_core_when_memory_is_plenty(tmp_path, monkeypatch):
    monkeypatch.setattr(module, "available_memory", lambda: 20 * 1024 * MIB)
    assert worker_count(_workbooks(tmp_path, 100_000, 200_000, 50_000), cores=2) == 2


def test_never_more_workers_than_workbooks(tmp_path, monkeypatch):
    monkeypatch.setattr(module, "available_memory", lambda: 20 * 1024 * MIB)
    assert worker_count(_workbooks(tmp_path, 100_000), cores=8) == 1


def test_fewer_workers_when_the_largest_report_would_not_fit_twice(tmp_path, monkeypatch):
    paths = _workbooks(tmp_path, 10_000, 20 * MIB, 10_000, 10_000)  # one plan of many thousands of actions
    peak = estimated_peak(paths[1])
    assert peak == BASE_BYTES + BYTES_PER_FILE_BYTE * 20 * MIB
    monkeypatch.setattr(module, "available_memory", lambda: int(peak * 1.5))
    assert worker_count(paths, cores=4) == 1
    monkeypatch.setattr(module, "available_memory", lambda: int(peak * 3.1 / module.MEMORY_SHARE))
    assert worker_count(paths, cores=4) == 3


def test_one_worker_at_least_and_every_core_when_memory_cannot_be_told(tmp_path, monkeypatch):
    paths = _workbooks(tmp_path, 1000, 1000, 1000)
    monkeypatch.setattr(module, "available_memory", lambda: 0)
    assert worker_count(paths, cores=4) == 1
    monkeypatch.setattr(module, "available_memory", lambda: None)
    assert worker_count(paths, cores=4) == 3


def test_the_free_memory_of_this_computer_is_known():
    free = module.available_memory()
    assert free is None or free > 0
