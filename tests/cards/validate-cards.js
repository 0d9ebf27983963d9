// Validates Adaptive Cards with the official renderer (npm "adaptivecards"), the way Teams' own renderer
// would read them. Input on stdin: [{ "name": "...", "card": {...} }, ...]. Output on stdout:
// [{ "name": "...", "problems": ["..."] }, ...]. The renderer does not flag a missing "type", a version
// above what bots may send (1.5), an Action.Execute without a verb, or an oversized message: checked here.
'use strict';
const AC = require('adaptivecards/dist/adaptivecards.js');

const MAX_CARD_BYTES = 80 * 1024; // Teams rejects messages near 100 KB (UTF-16); stay well under.

function validate(card) {
  const problems = [];
  if (card.type !== 'AdaptiveCard') problems.push('type must be "AdaptiveCard"');
  if (card.version !== '1.5') problems.push(`version must be "1.5" (bots may send 1.5 at most), got "${card.version}"`);
  const bytes = Buffer.byteLength(JSON.stringify(card), 'utf16le');
  if (bytes > MAX_CARD_BYTES) problems.push(`card is ${bytes} bytes (UTF-16); keep under ${MAX_CARD_BYTES}`);
  walkActions(card, (a) => {
    if (a.type === 'Action.Execute' && !a.verb) problems.push(`Action.Execute "${a.title}" has no verb`);
  });

  walkElements(card, (e) => {
    if (e.type === 'Input.ChoiceSet' && e['choices.data'] !== undefined) checkDataQuery(e, problems);
  });

  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(describe(context.getEventAt(i)));
  for (const e of parsed.validateProperties().validationEvents) problems.push(describe(e));
  return problems.filter((p) => !TEAMS_DATA_QUERY.test(p) && !hasFallback(card, p));
}

// Teams' chart elements (Chart.VerticalBar, Chart.Donut, …) are unknown to this renderer. A client that does not know
// an element shows its "fallback" instead, so an unknown type is let through only when every element of that type
// carries one (the fallback itself is parsed and checked like any other element).
const UNKNOWN_ELEMENT = /^UnknownElementType: Unknown element type "([^"]+)"/;

function hasFallback(card, problem) {
  const m = UNKNOWN_ELEMENT.exec(problem);
  if (!m) return false;
  const ofType = [];
  walkElements(card, (e) => { if (e.type === m[1]) ofType.push(e); });
  return ofType.length > 0 && ofType.every((e) => e.fallback && typeof e.fallback === 'object');
}

// Teams documents dynamic typeahead (Input.ChoiceSet "choices.data": Data.Query, answered through the
// application/search invoke) for bot cards of any version — its own example is a 1.2 card — while this
// renderer knows the property only from 1.6 on. That one report is let through; the property is checked
// here instead: a Data.Query with a dataset, the filtered style, and static choices for clients without it.
const TEAMS_DATA_QUERY = /^UnsupportedProperty: Property "choices\.data" is supported in version 1\.6/;

function checkDataQuery(e, problems) {
  const q = e['choices.data'];
  if (!q || q.type !== 'Data.Query' || typeof q.dataset !== 'string' || q.dataset === '')
    problems.push(`Input.ChoiceSet "${e.id}": choices.data must be a Data.Query with a dataset`);
  if (e.style !== 'filtered') problems.push(`Input.ChoiceSet "${e.id}": dynamic typeahead needs style "filtered"`);
  if (!Array.isArray(e.choices)) problems.push(`Input.ChoiceSet "${e.id}": give static choices as the fallback`);
}

function walkElements(node, visit) {
  if (Array.isArray(node)) return node.forEach((n) => walkElements(n, visit));
  if (node === null || typeof node !== 'object') return;
  if (typeof node.type === 'string') visit(node);
  for (const value of Object.values(node)) walkElements(value, visit);
}

function describe(e) {
  return `${AC.ValidationEvent[e.event]}: ${e.message}`;
}

function walkActions(node, visit) {
  if (Array.isArray(node)) return node.forEach((n) => walkActions(n, visit));
  if (node === null || typeof node !== 'object') return;
  if (typeof node.type === 'string' && node.type.startsWith('Action.')) visit(node);
  for (const value of Object.values(node)) walkActions(value, visit);
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const cards = JSON.parse(input);
  process.stdout.write(JSON.stringify(cards.map(({ name, card }) => ({ name, problems: validate(card) }))));
});
