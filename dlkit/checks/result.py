"""The result of a checkpoint and its short, deterministic text report."""
from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("passed", "failed", "not_implemented", "crashed", "timeout")


@dataclass
class Finding:
    """One problem: a stable mistake id, the hint a learner reads, optional detail lines."""

    id: str
    hint: str
    details: list = field(default_factory=list)
    generic: bool = False   # a shape/value message, not a recognised mistake


@dataclass
class CheckResult:
    """What ``check(name, fn)`` returns.

    ``str(result)`` (and ``repr``, so a bare ``check(...)`` at the end of a
    cell shows it) is the report: a first line with the verdict and points,
    then one line per problem. It holds no addresses, timings or unrounded
    numbers, so it reads the same on every machine.
    """

    name: str
    status: str
    points: int
    max_points: int
    findings: list = field(default_factory=list)
    notes: list = field(default_factory=list)   # extra lines that are not mistakes
    cases: int = 0
    carried_forward: dict = field(default_factory=dict)  # helper -> why it failed, when graded with dlkit's

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    @property
    def mistakes(self) -> list:
        return [f.id for f in self.findings]

    @property
    def hints(self) -> list:
        return [f.hint for f in self.findings]

    def report(self) -> str:
        head = f"{self.name}: {self.points}/{self.max_points}"
        n = len(self.findings)
        if self.status == "passed":
            head += f" passed ({self.cases} case{'s' if self.cases != 1 else ''})"
            if self.carried_forward:
                names = list(self.carried_forward)
                names = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
                head += f" given dlkit's {names} (error carried forward)"
        elif self.status == "not_implemented":
            head += " - not implemented yet"
        elif self.status == "timeout":
            head += " - stopped: time limit reached"
        elif self.status == "crashed":
            head += " - your code raised an error"
        else:
            head += f" - {n} problem{'s' if n != 1 else ''}"
        lines = [head]
        for f in self.findings:
            lines.append(f"- {f.hint}")
            lines.extend(f"  {d}" for d in f.details)
        lines.extend(f"  {note}" for note in self.notes)
        return "\n".join(lines)

    def __str__(self):
        return self.report()

    __repr__ = __str__

    def to_dict(self) -> dict:
        """Plain data for a gradebook row."""
        return {
            "name": self.name, "status": self.status, "passed": self.passed,
            "points": self.points, "max_points": self.max_points,
            "mistakes": self.mistakes, "hints": self.hints, "report": self.report(),
            "carried_forward": dict(self.carried_forward),
        }
