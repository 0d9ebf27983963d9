// Validates Teams app manifests and localisation files against the official Teams JSON schemas
// (json-schemas/teams/vX.Y from the @microsoft/m365agentstoolkit-cli npm package; the test unpacks it).
// Usage: node validate-manifest.js <schema folder>   stdin: [{ "name", "kind": "manifest"|"localization", "json" }]
// stdout: [{ "name", "problems": ["/path: message", ...] }]. The Teams schemas are draft-04 (with a few
// later keywords such as const, which ajv knows), so the draft-04 flavour of ajv reads them.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const folder = process.argv[2];
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });   // the schemas' patterns are written for non-unicode regular expressions
addFormats(ajv);
const validators = {
  manifest: ajv.compile(JSON.parse(fs.readFileSync(path.join(folder, "MicrosoftTeams.schema.json"), "utf8"))),
  localization: ajv.compile(JSON.parse(fs.readFileSync(path.join(folder, "MicrosoftTeams.Localization.schema.json"), "utf8"))),
};

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const results = input.map(({ name, kind, json }) => {
  const validate = validators[kind];
  if (!validate) return { name, problems: [`unknown kind ${kind}`] };
  const ok = validate(json);
  return { name, problems: ok ? [] : validate.errors.map(e => `${e.instancePath || "/"}: ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`) };
});
process.stdout.write(JSON.stringify(results));
