from __future__ import annotations

import json
from collections.abc import Iterator

from plexilint.model import Finding
from plexilint.policy.declared_contracts import ContractModel, Covered
from plexilint.rules.contracts.base import ContractRule


def schema_problems(schema: dict) -> list[str]:
    """Why a configuration schema is unusable: the metaschema, `required` keys that are not
    properties, and defaults that break their own property schema."""
    # Imported here: jsonschema takes longer to import (60 ms) than a cached run takes to answer.
    import jsonschema
    from jsonschema.validators import validator_for

    problems = []
    validator = validator_for(schema, default=jsonschema.Draft202012Validator)
    for error in sorted(validator(validator.META_SCHEMA).iter_errors(schema), key=str):
        location = "/".join(map(str, error.absolute_path)) or "the schema"
        problems.append(f"{location}: {error.message}")
    if problems:
        return problems
    properties = schema.get("properties", {}) if isinstance(schema.get("properties"), dict) else {}
    for name in schema.get("required", []) if isinstance(schema.get("required"), list) else []:
        if name not in properties:
            problems.append(f"`required` names `{name}`, which is not in `properties`")
    for name, spec in properties.items():
        if isinstance(spec, dict) and "default" in spec:
            for error in validator(spec).iter_errors(spec["default"]):
                problems.append(f"the default of `{name}` ({json.dumps(spec['default'])}) breaks its own "
                                f"schema: {error.message}")
    return problems


class ConfigSchemaInvalid(ContractRule):
    """## What it does
    Checks the dict literal returned by the contract's `config-schema-method` (for PlexiChat
    modules, `get_config_schema`): it must be a valid JSON Schema (checked against its
    metaschema with the `jsonschema` package, draft 2020-12 unless `$schema` says otherwise),
    every name in `required` must be a key of `properties`, and every `default` must satisfy its
    own property's `type`, `minimum`, `maximum`, `enum`... Schemas built at run time are not
    checked.

    ## Why is this bad?
    The loader validates user configuration against this schema. An invalid schema rejects
    every configuration (or none); a `required` key that is not a property can never be set
    correctly; a default that breaks its own schema fails the moment nobody overrides it.

    ## Example
    ```python
    # myapp/modules/relay.py
    from myapp.modules.base import BaseModule

    class Relay(BaseModule):
        def get_config_schema(self):
            return {
                "type": "object",
                "properties": {"timeout": {"type": "integer", "minimum": 1, "default": 0}},
                "required": ["secret"],
            }
    ```

    Use instead:
    ```python
    # myapp/modules/relay.py
    from myapp.modules.base import BaseModule

    class Relay(BaseModule):
        def get_config_schema(self):
            return {
                "type": "object",
                "properties": {
                    "timeout": {"type": "integer", "minimum": 1, "default": 30},
                    "secret": {"type": "string", "minLength": 1},
                },
                "required": ["secret"],
            }
    ```

    ## Options
    - `contracts`

    ## Fix
    No automatic fix. Correct the schema as the message says: valid JSON Schema keywords and
    types, every `required` name defined in `properties`, and each `default` within its
    property's `type`, range and `enum`.

    To keep it, end the reported line with `# noqa: PLX305` (pylint:
    `# pylint: disable=config-schema-invalid`).
    """

    code = "PLX305"
    symbol = "config-schema-invalid"
    category = "E"
    summary = "Configuration schema is not a valid, self-consistent JSON Schema"

    def check_class(self, covered: Covered, model: ContractModel) -> Iterator[Finding]:
        name = covered.contract.get("config-schema-method")
        if not name:
            return
        method = covered.own(name)
        if method is None or method.returned_literal is None:
            return
        schema = json.loads(method.returned_literal)
        problems = schema_problems(schema)
        if problems:
            shown = "; ".join(problems[:3]) + (f" (and {len(problems) - 3} more)" if len(problems) > 3 else "")
            yield self.report(
                covered, method.returned_literal_span or covered.cls.span,
                f"`{covered.cls.name}.{name}` returns an invalid configuration schema: {shown}",
                key=name,
            )
