"""What the behaviour check found: per file what it verified, and each failure with what it
concerns (a stub, an import, a file, or the whole fix)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Failure:
    path: str  # relative to the project root; "" for the whole fix
    reason: str
    name: str | None = None  # a moved stub to leave in place
    import_line: int | None = None  # an import of `path` not to retarget


@dataclass
class FileVerification:
    path: str
    names: int = 0  # names bound as before
    conditional: int = 0  # of which bound in a branch
    equivalent: list[str] = field(default_factory=list)  # removed definitions, equivalent to the central ones
    retargeted: list[str] = field(default_factory=list)  # imports now naming the central module, same definition
    added: list[str] = field(default_factory=list)  # names bound only after (helpers, fallbacks)
    dropped: list[str] = field(default_factory=list)  # imports only the removed code used, imported by no one

    def summary(self) -> str:
        parts = [f"{self.names} name(s) bound as before, same kind and conditions"
                 + (f" ({self.conditional} in a branch)" if self.conditional else "")]
        if self.equivalent:
            parts.append(f"{len(self.equivalent)} removed definition(s) equivalent to the central ones")
        if self.retargeted:
            parts.append(f"{len(self.retargeted)} import(s) retargeted to the same definition")
        if self.added:
            parts.append(f"added: {', '.join(sorted(self.added))}")
        if self.dropped:
            parts.append(f"unused imports dropped (not exported, imported from here by no module): "
                         f"{', '.join(sorted(self.dropped))}")
        return "; ".join(parts)


@dataclass
class BehaviourReport:
    files: dict[str, FileVerification] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    central: list[str] = field(default_factory=list)  # what was verified about the central module

    @property
    def passed(self) -> bool:
        return not self.failures
