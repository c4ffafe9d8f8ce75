"""Union-find over records that keeps each cluster to at most one arXiv id and one DOI."""

from __future__ import annotations

from awesomeparse.match.records import Record


class Clusters:
    """Disjoint sets of record indexes; a union that would mix identities is refused."""

    def __init__(self, records: list[Record]) -> None:
        self._parent = list(range(len(records)))
        self._arxiv: list[set[str]] = [{record.arxiv} if record.arxiv else set() for record in records]
        self._doi: list[set[str]] = [{record.doi} if record.doi else set() for record in records]
        self._years: list[set[int]] = [{record.year} if record.year is not None else set() for record in records]
        self._names: list[set[str]] = [
            set(record.aliases) | ({record.key} if record.short and record.key else set()) for record in records
        ]

    def find(self, index: int) -> int:
        parent = self._parent
        root = index
        while parent[root] != root:
            root = parent[root]
        while parent[index] != root:
            parent[index], index = root, parent[index]
        return root

    def compatible(self, left: int, right: int) -> bool:
        """Two clusters may join unless both carry arXiv ids (or DOIs) and none is shared, their
        stated years would span more than one year, or they carry rival method names."""
        a, b = self.find(left), self.find(right)
        if a == b:
            return True
        if self._arxiv[a] and self._arxiv[b] and not self._arxiv[a] & self._arxiv[b]:
            return False
        if self._doi[a] and self._doi[b] and not self._doi[a] & self._doi[b]:
            return False
        left_years, right_years = self._years[a], self._years[b]
        if left_years and right_years and min(abs(x - y) for x in left_years for y in right_years) > 1:
            return False  # a chain of title matches must not join editions years apart
        return not _rival_names(self._names[a], self._names[b])

    def union(self, left: int, right: int) -> bool:
        """Join two clusters; the smaller index stays the root so results do not depend on order."""
        a, b = self.find(left), self.find(right)
        if a == b:
            return False
        root, child = (a, b) if a < b else (b, a)
        self._parent[child] = root
        self._arxiv[root] |= self._arxiv[child]
        self._doi[root] |= self._doi[child]
        self._names[root] |= self._names[child]
        self._years[root] |= self._years[child]
        return True

    def groups(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for index in range(len(self._parent)):
            found.setdefault(self.find(index), []).append(index)
        return found


def _rival_names(left: set[str], right: set[str]) -> bool:
    """``R-CNN`` on one side and ``Mask R-CNN`` on the other, and no name in common: a leading
    modifier makes another method, so a chain of matches must not join them."""
    if not left or not right or left & right:
        return False
    for one in left:
        for other in right:
            shorter, longer = sorted((one.split(), other.split()), key=len)
            if len(longer) > len(shorter) and longer[len(longer) - len(shorter) :] == shorter:
                return True  # ``mask r cnn`` ends with ``r cnn``; ``spp net`` and ``spp`` are one name
    return False
