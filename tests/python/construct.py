"""Build error bodies with the constructors of a generated format v2 module.

For tests that hold them to another target's bodies (tests/node/construct-v2.mjs builds
TypeScript's from the same lines).

Usage: python construct.py MODULE.py MODEL.json < LINES, where MODEL.json is what
``errspec model`` prints for the module's spec and each line of LINES is a JSON object
``{"code": "quota_exceeded", "params": {"limit": 100, ...}, "message": "..."}``: ``params``
and ``message`` may be left out or null. For each line it prints one line, the JSON text of
the body, members in the order the module made them: the code's constructor (found by its
Python name in the model) called with the message first for a code without a template (the
message is ignored for one with a template), then each parameter given, by its Python name.
A code the model does not have stops the script with an error naming the line.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any


def main() -> None:
    """Read the lines on stdin and print each one's body."""
    module_path, model_path = sys.argv[1:3]
    spec = importlib.util.spec_from_file_location("error_codes", module_path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load {module_path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = json.loads(Path(model_path).read_text(encoding="utf-8"))
    codes = {code["code"]: code for code in model["codes"]}
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        item: dict[str, Any] = json.loads(line)
        code = codes.get(item["code"])
        if code is None:
            sys.exit(f"line {number}: {model_path} has no code {item['code']!r}")
        constructor = getattr(module, code["identifiers"]["python_constructor"])
        params = item.get("params") or {}
        arguments = {
            param["identifiers"]["python"]: params[param["name"]]
            for param in code["params"]
            if params.get(param["name"]) is not None
        }
        message = [] if code["message_template"] is not None else [item.get("message")]
        body = constructor(*message, **arguments)
        sys.stdout.write(json.dumps(body, ensure_ascii=False, separators=(",", ":")))
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
