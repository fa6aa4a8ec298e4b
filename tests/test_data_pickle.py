"""How facts and findings are pickled (the cache, the workers' hand-over): each slotted dataclass
as its class and field values, rebuilt by its constructor into the same object; any class that
its constructor would not rebuild exactly is pickled the usual way."""

from __future__ import annotations

import dataclasses
import pickle
import pickletools
from dataclasses import InitVar, dataclass, field
from pathlib import Path

import pytest

from conftest import SAMPLES
from plexilint.analysis.modules import distinct_module_names
from plexilint.config import load_config
from plexilint.engine import cache_store, data_pickle
from plexilint.engine.facts import FACT_KINDS, FALLBACKS_IN_TESTS, FileFacts, extract_facts
from plexilint.runner.project import analyse_project

FUNCTIONAL = Path(__file__).parent / "functional"


def _sample_facts() -> list[FileFacts]:
    facts = []
    for root in sorted(p for p in [*SAMPLES.iterdir(), *FUNCTIONAL.iterdir()] if p.is_dir()):
        paths = [p for p in sorted(root.rglob("*.py")) if "__pycache__" not in p.parts]
        modules = distinct_module_names(paths, root)
        facts += [extract_facts(p, p.relative_to(root).as_posix(), p.read_bytes(),
                                kinds=FACT_KINDS | {FALLBACKS_IN_TESTS}, module=modules[p]) for p in paths]
    return facts


def _opcodes(pickled: bytes) -> set[str]:
    return {opcode.name for opcode, _, _ in pickletools.genops(pickled)}


def _classes(value: object, found: set[type]) -> set[type]:
    if dataclasses.is_dataclass(value):
        found.add(type(value))
        for item in dataclasses.fields(value):
            _classes(getattr(value, item.name), found)
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            _classes(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            _classes(item, found)
    return found


def _same(one: object, other: object) -> bool:
    """Equal, of the same types all the way down, fields left out of comparisons included."""
    if type(one) is not type(other):
        return False
    if dataclasses.is_dataclass(one):
        return all(_same(getattr(one, item.name), getattr(other, item.name)) for item in dataclasses.fields(one))
    if isinstance(one, (tuple, list)):
        return len(one) == len(other) and all(map(_same, one, other))
    if isinstance(one, dict):
        return one.keys() == other.keys() and all(_same(value, other[key]) for key, value in one.items())
    return one == other


def test_facts_come_back_identical_and_every_class_through_its_constructor():
    facts = _sample_facts()
    pickled = data_pickle.dumps(facts)
    loaded = pickle.loads(pickled)
    assert loaded == facts and _same(loaded, facts)
    # No object needed its state set after construction (BUILD): no fact class fell back to
    # the slow way, in which loading calls dataclasses.fields() for every object.
    assert "BUILD" not in _opcodes(pickled)
    assert len(_classes(facts, set())) > 30  # every kind of fact took part


def test_findings_come_back_identical_through_the_cache_loader():
    root = SAMPLES / "plexichat_legacy"
    findings = analyse_project(root, load_config(root)).findings
    assert any(f.measures for found in findings.values() for f in found)
    assert any(f.fix is not None for found in findings.values() for f in found)
    entry = cache_store.dump_entry("key", (findings,))
    assert entry is not None and "BUILD" not in _opcodes(entry[cache_store._PREFIX:])
    loaded = cache_store.load_entry(entry, "key", tuple)
    assert loaded == (findings,) and _same(loaded, (findings,))


def test_shared_objects_stay_shared():
    facts = _sample_facts()[0]
    loaded = pickle.loads(data_pickle.dumps((facts, facts)))
    assert loaded[0] is loaded[1] and loaded[0] == facts


# Dataclasses that their constructor, called with their field values, would not rebuild.

@dataclass(frozen=True, slots=True)
class Doubled:
    value: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", self.value * 2)


@dataclass(frozen=True, slots=True)
class Derived:
    value: int
    square: int = field(init=False, default=0)


@dataclass(frozen=True, slots=True, kw_only=True)
class KeywordOnly:
    first: int
    second: int = 2


@dataclass(frozen=True)
class WithDictionary:
    value: int


@dataclass(slots=True)
class WithInitVar:
    value: int
    scale: InitVar[int] = 1


@dataclass(frozen=True, slots=True)
class Rebuildable:
    first: int
    second: tuple[int, ...] = ()
    only: str | None = None


@dataclass(frozen=True, slots=True)
class OneField:
    value: int


def _extra_attribute() -> WithDictionary:
    value = WithDictionary(1)
    object.__setattr__(value, "extra", "kept")
    return value


@pytest.mark.parametrize("value", [
    Doubled(3), Derived(4), KeywordOnly(first=1, second=5), _extra_attribute(), WithInitVar(7, 3),
], ids=["post-init", "init-false", "keyword-only", "instance-dictionary", "init-var"])
def test_classes_the_constructor_would_not_rebuild_are_pickled_the_usual_way(value):
    pickled = data_pickle.dumps(value)
    assert "BUILD" in _opcodes(pickled)
    loaded = pickle.loads(pickled)
    assert loaded == value and getattr(loaded, "__dict__", None) == getattr(value, "__dict__", None)


@pytest.mark.parametrize("value", [Rebuildable(1, (2, 3), "x"), Rebuildable(1), OneField(5)])
def test_slotted_dataclasses_are_rebuilt_by_their_constructor(value):
    pickled = data_pickle.dumps(value)
    assert "BUILD" not in _opcodes(pickled)
    assert pickle.loads(pickled) == value
