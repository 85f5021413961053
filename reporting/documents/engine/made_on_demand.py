"""A sequence for a template whose items are made when the template reaches them and let go after."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Generic, TypeVar

Source = TypeVar("Source")
Item = TypeVar("Item")


class MadeOnDemand(Sequence, Generic[Item]):
    """`[make(s) for s in sources]`, but each item is made when it is asked for: a plan's objectives, with all
    their actions and figures, take no memory before and after the template prints them."""

    def __init__(self, sources: Iterable[Source], make: Callable[[Source], Item]) -> None:
        self._sources = tuple(sources)
        self._make = make

    def __len__(self) -> int:
        return len(self._sources)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._make(source) for source in self._sources[index]]
        return self._make(self._sources[index])

    def __iter__(self) -> Iterator[Item]:
        return (self._make(source) for source in self._sources)
