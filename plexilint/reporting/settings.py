"""`plexilint check --show-settings`: the effective configuration of each project checked
(defaults filled in) and the database model plexilint built from it, so a user can see what
a `[tool.plexilint]` table changed and which fallback manager was found."""

from __future__ import annotations

import json
from collections.abc import Sequence

from plexilint.policy.database_access import describe_database_model
from plexilint.runner.project import ProjectAnalysis

SETTINGS_FORMATS = ("text", "json")


def project_settings(analysis: ProjectAnalysis) -> dict:
    return {
        "root": analysis.root.as_posix(),
        "config-file": analysis.config.source,
        "settings": dict(sorted(analysis.config.values.items())),
        "database-model": describe_database_model(analysis.index, analysis.config),
    }


def render_settings(analyses: Sequence[ProjectAnalysis], fmt: str) -> str:
    projects = [project_settings(a) for a in analyses]
    if fmt == "json":
        return json.dumps(projects, indent=2, default=str) + "\n"
    return "\n".join(_text(project) for project in projects)


def _value(value: object) -> str:
    return json.dumps(value, default=str)


def _text(project: dict) -> str:
    lines = [f"# {project['root']} ({project['config-file'] or 'no configuration file: defaults'})", "", "[settings]"]
    lines += [f"{key} = {_value(value)}" for key, value in project["settings"].items()]
    model = project["database-model"]
    manager = model["fallback-manager"]
    lines += ["", "[database model]"]
    if manager["found"]:
        lines.append(f"fallback manager: {', '.join(manager['classes'] or manager['configured'])}")
        lines.append(f"  {manager['how']}")
        lines.append(f"  call: {manager['call']}" + (f" ({manager['import']})" if manager["import"] else ""))
        if manager["accessors"]:
            lines.append(f"  accessors: {', '.join(manager['accessors'])}")
        if manager["operations"]:
            lines.append(f"  operations: {', '.join(manager['operations'])}")
    else:
        lines += ["fallback manager: none", f"  {manager['how']}"]
    for key in ("guarded", "allowed", "api", "raw-access", "outage-error"):
        lines.append(f"{key}: {_value(model[key])}")
    return "\n".join(lines) + "\n"
