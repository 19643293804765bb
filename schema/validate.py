#!/usr/bin/env python3
"""Checks experiment files against schema/capsim.schema.json with a real
JSON Schema validator (pip: jsonschema, pyyaml). Presets are checked against
the schema's `preset` definition. With no arguments: every shipped file.
The loader stays the authority; this checks the schema, not the files."""
import glob, json, os, sys

import jsonschema
import yaml

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
schema = json.load(open(os.path.join(root, "schema", "capsim.schema.json")))
jsonschema.Draft202012Validator.check_schema(schema)
preset = dict(schema["$defs"]["preset"], **{"$defs": schema["$defs"]})
# experiments/hpa/ holds HPA state files for `capsim hpa explain`, not experiments.
files = sys.argv[1:] or sorted(f for f in glob.glob(os.path.join(root, "experiments", "**", "*.yaml"), recursive=True)
                               if "/experiments/hpa/" not in f)
failed = 0
for f in files:
    validator = jsonschema.Draft202012Validator(preset if "/presets/" in f else schema)
    for e in validator.iter_errors(yaml.safe_load(open(f))):
        failed += 1
        print(f"{f}: {'.'.join(map(str, e.path))}: {e.message}")
print(f"{len(files)} file(s), {failed} error(s)")
sys.exit(1 if failed else 0)
