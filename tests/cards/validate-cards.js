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

  const withFallback = new Set();
  walkElements(card, (e) => {
    if (e.type === 'Input.ChoiceSet' && e['choices.data'] !== undefined) checkDataQuery(e, problems);
    if (!AC.GlobalRegistry.elements.findByName(e.type) && !e.type.startsWith('Action.') && isTypedElement(e)) {
      if (e.fallback && typeof e.fallback === 'object') withFallback.add(e.type);
      else problems.push(`${e.type} is not an Adaptive Card element: give it a fallback element that shows the same content`);
    }
  });

  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(describe(context.getEventAt(i)));
  for (const e of parsed.validateProperties().validationEvents) problems.push(describe(e));
  return problems.filter((p) => !TEAMS_DATA_QUERY.test(p) && !acceptedUnknown(p, withFallback));
}

// Teams draws elements of its own (Chart.Donut, Chart.VerticalBar, …) that this renderer does not know. Such an element
// is accepted only when every use of it carries a fallback element (not "drop": the figures must show somewhere); the
// renderer parses and checks that fallback like any other element.
const UNKNOWN_ELEMENT = /^UnknownElementType: Unknown element type "([^"]+)"/;

function acceptedUnknown(problem, withFallback) {
  const m = UNKNOWN_ELEMENT.exec(problem);
  return m !== null && withFallback.has(m[1]);
}

// Objects with a "type" inside a card that are not elements: table rows and cells, choices, facts, columns are
// known to the registry or sit under known properties; these are the only ones the walk would see besides elements.
const NOT_ELEMENTS = new Set(['AdaptiveCard', 'TableRow', 'TableCell', 'Column', 'Data.Query', 'TextRun']);

function isTypedElement(e) {
  return !NOT_ELEMENTS.has(e.type);
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

// An action's data is the app's own JSON (it may hold a "type" of its own, e.g. an entry type), and "msteams" holds
// Teams' own properties (mention entities, width): neither is card content.
function walkElements(node, visit) {
  if (Array.isArray(node)) return node.forEach((n) => walkElements(n, visit));
  if (node === null || typeof node !== 'object') return;
  if (typeof node.type === 'string') visit(node);
  for (const [key, value] of Object.entries(node)) if (key !== 'data' && key !== 'msteams') walkElements(value, visit);
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
