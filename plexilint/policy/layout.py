"""Whether a module can be created (or found) under a dotted name without hiding or being hidden
by another: a package `utils/` beside a module `utils.py` wins at import time and makes every
name of `utils.py` unimportable; a folder without `__init__.py` is a namespace package that a
new `__init__.py` would turn into a regular one. Read from the file system and the project
index; nothing is imported.
"""

from __future__ import annotations

from pathlib import Path

from plexilint.engine.facts import FileFacts
from plexilint.engine.index import ProjectIndex

FALLBACKS_LEAF = "fallbacks"


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _has_python(directory: Path) -> bool:
    try:
        return any(p.suffix == ".py" or (p.is_dir() and _has_python(p)) for p in directory.iterdir())
    except OSError:
        return False


def _extension_modules(directory: Path, name: str) -> list[Path]:
    try:
        return [p for p in directory.glob(f"{name}.*") if p.suffix in (".so", ".pyd")]
    except OSError:
        return []


def shadowing_problem(root: Path, created: Path) -> str | None:
    """Why creating `created` (a new `x.py`, or a new package's `x/__init__.py`) would hide an
    existing module or be hidden by one; None when it is safe."""
    if created.name == "__init__.py":
        directory = created.parent
        module = directory.with_suffix(".py")
        if module.is_file() or _extension_modules(directory.parent, directory.name):
            return (f"creating the package `{_rel(directory, root)}/` would hide the module "
                    f"`{_rel(module, root)}`: a package wins at import time, so every name of that module "
                    "would become unimportable")
        if directory.is_dir() and _has_python(directory):
            return (f"`{_rel(directory, root)}/` has no `__init__.py`: adding one would turn that namespace "
                    "package into a regular package and change how its modules are found")
        return None
    package = created.with_suffix("")
    if (package / "__init__.py").is_file():
        return (f"the new module `{_rel(created, root)}` would be hidden by the package `{_rel(package, root)}/` "
                "(a package wins at import time)")
    if package.is_dir() and _has_python(package):
        return (f"the new module `{_rel(created, root)}` would hide the namespace package "
                f"`{_rel(package, root)}/` (a module wins over a folder without `__init__.py`)")
    return None


def invalid_parts(dotted: str) -> list[str]:
    """The parts of a dotted name that are not Python identifiers (`my-app`, `2fa`, `class`)."""
    import keyword

    return [part for part in dotted.split(".") if not part.isidentifier() or keyword.iskeyword(part)]


def central_module_problem(root: Path, index: ProjectIndex, name: str) -> str | None:
    """Why the central module `name` cannot be found or created under that dotted name."""
    bad = invalid_parts(name)
    if bad:
        return f"`{bad[0]}` is not a valid Python identifier, so `{name}` cannot be imported by name"
    existing = index.by_module.get(name)
    if existing is not None:
        return _module_hidden_by(root, existing)
    return _path_problem(root, index, name)


def _module_hidden_by(root: Path, file: FileFacts) -> str | None:
    """A package whose folder stands beside a module of the same name (`utils/` and
    `utils.py`): both claim the dotted name and the package wins; the project index names the
    module by its path then."""
    if not file.is_package:
        return None
    folder = Path(file.path).parent
    module = folder.with_suffix(".py")
    if not module.is_file():
        return None
    return (f"`{_rel(folder, root)}/` and `{_rel(module, root)}` both claim `{file.module}`: the package "
            "hides the module")


def _path_problem(root: Path, index: ProjectIndex, name: str) -> str | None:
    """Walks the packages on the way to a module that does not exist yet."""
    parts = name.split(".")
    directory: Path | None = None
    for depth in range(1, len(parts)):
        prefix = ".".join(parts[:depth])
        package = index.by_module.get(prefix)
        if package is not None and not package.is_package:
            return (f"`{prefix}` is the module `{package.relpath}`, not a package, so `{name}` cannot exist: "
                    f"creating `{Path(package.relpath).with_suffix('').as_posix()}/` would hide that module")
        if package is not None:
            directory = Path(package.path).parent
            hidden = _module_hidden_by(root, package)
            if hidden:
                return hidden
            continue
        if directory is not None:
            missing = directory / parts[depth - 1]
            if missing.is_dir() and not (missing / "__init__.py").is_file() and _has_python(missing):
                return (f"`{_rel(missing, root)}/` has no `__init__.py`, so `{prefix}` is not a package "
                        f"and `{name}` cannot be imported under that name")
            directory = missing
    if directory is not None:
        problem = shadowing_problem(root, directory / f"{parts[-1]}.py")
        if problem:
            return problem
    return None


def free_central_name(root: Path, index: ProjectIndex, wanted: str) -> str | None:
    """A dotted name near `wanted` where the central module can live without shadowing: in the
    deepest existing package on its path (`pkg.core.fallbacks` for `pkg.core.utils.fallbacks`)."""
    parts = [p for p in wanted.split(".") if p]
    packages = []
    for depth in range(len(parts) - 1, 0, -1):
        prefix = ".".join(parts[:depth])
        package = index.by_module.get(prefix)
        if package is not None and package.is_package and not invalid_parts(prefix):
            packages.append(prefix)
    for package_name in packages:
        for leaf in (FALLBACKS_LEAF, f"{FALLBACKS_LEAF}_central", f"plexilint_{FALLBACKS_LEAF}"):
            candidate = f"{package_name}.{leaf}"
            if candidate != wanted and central_module_problem(root, index, candidate) is None:
                return candidate
    return None
