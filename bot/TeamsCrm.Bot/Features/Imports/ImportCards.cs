using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Imports;
using HeaderDictionary = TeamsCrm.Bot.Domain.Imports.HeaderDictionary;   // ASP.NET Core has one too (implicit usings)

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>The mapping card as shown again: the values as sent, a message beside each sheet that cannot be read so, a notice on top.</summary>
public sealed record MappingState(FormState Values, string? Notice = null);

/// <summary>
/// The import in the sales manager's 1:1 chat: how to read the ledger (the mapping card), the dry run's report (counts, the
/// rows that will not be imported and why, the owners to settle), and the end. Every card carries the run's id only; who
/// may act on it is decided from the store and the directory (<see cref="Access.ImportAccess"/>).
/// </summary>
public static class ImportCards
{
    public const string StartVerb = "import.start", CheckVerb = "import.check", ApplyVerb = "import.apply", DiscardVerb = "import.discard";
    /// <summary>What one card shows at most: more sheets, columns, problem rows or owners are in the downloadable report.</summary>
    public const int Sheets = 10, EditableColumns = 40, ProblemRows = 15, Owners = 20;

    /// <summary>The value of "leave this column out" and "not chosen": a choice's value may not be empty (the renderer refuses it).</summary>
    public const string None = "-";

    static readonly SheetKind[] Kinds = [SheetKind.Customers, SheetKind.Contacts, SheetKind.Entries, SheetKind.Visits, SheetKind.Ignored];

    /// <summary>"Import customers" beside received ledgers (the filing card, the <c>import</c> command).</summary>
    internal static JsonObject StartData(string documentId) => new() { ["document"] = documentId };

    /// <summary>
    /// Each sheet: what it holds (a choice), the columns recognised (as text) and the others (a choice each: a field of the
    /// sheet's kind, or left out). A sheet that cannot be read as chosen has its message beside its choice.
    /// </summary>
    public static JsonObject Mapping(CultureInfo c, ImportRun run, DateTimeOffset? importedBefore, TimeZoneInfo zone, MappingState? state = null)
    {
        var values = state?.Values ?? FreshValues(run.Mapping);
        var card = Card.Create().Title(T.Get(c, "import.mappingTitle", run.FileName)).Text(T.Get(c, "import.mappingText"), subtle: true);
        if (importedBefore is { } at) card.Warning(T.Get(c, "import.earlier", TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        var fields = new FormFields(card, c, values).Banner(state?.Notice);
        var editable = 0;
        foreach (var sheet in run.Mapping.Sheets.Take(Sheets))
        {
            card.Heading(T.Get(c, "import.sheet", sheet.Sheet, sheet.HeaderRow, sheet.Columns.Count));
            fields.Choice(SheetId(sheet), T.Get(c, "import.sheetKind"), Kinds.Select(k => (T.Get(c, "import.sheetKind." + k), k.ToString())), required: true);
            if (sheet.Kind == SheetKind.Ignored) continue;
            var known = sheet.Columns.Where(col => col.Field is not null && !IsEditable(sheet, col)).ToList();
            if (known.Count > 0)
                card.Text(T.Get(c, "import.recognised", string.Join(" · ", known.Select(col => $"{col.Label} → {FieldLabel(c, col.Field!)}"))), subtle: true);
            var choices = LedgerFields.Of(sheet.Kind).Select(f => (FieldLabel(c, f), f)).Prepend((T.Get(c, "import.leaveOut"), None)).ToList();
            foreach (var col in sheet.Columns.Where(col => IsEditable(sheet, col)))
            {
                if (++editable > EditableColumns) break;
                var id = ColumnId(sheet, col.Column);
                fields.Choice(id, T.Get(c, "import.column", Shorten(col.Label)), choices);
            }
        }
        if (run.Mapping.Sheets.Count > Sheets) card.Text(T.Get(c, "import.more", run.Mapping.Sheets.Count - Sheets), subtle: true);
        var data = new JsonObject { ["run"] = run.Id };
        return card.Execute(T.Get(c, "import.check"), CheckVerb, data, style: "positive")
            .Execute(T.Get(c, "import.discard"), DiscardVerb, new JsonObject { ["run"] = run.Id }, withInputs: false)
            .Build();
    }

    /// <summary>The card's input for what a sheet holds.</summary>
    public static string SheetId(SheetMapping sheet) => $"sheet.{sheet.Index}";

    /// <summary>The card's input for a column the dictionary did not map (or that someone mapped otherwise on the card).</summary>
    public static string ColumnId(SheetMapping sheet, int column) => $"col.{sheet.Index}.{column}";

    /// <summary>A column is offered as a choice unless its header alone says what it is and it is read so.</summary>
    public static bool IsEditable(SheetMapping sheet, ColumnMapping col) =>
        !string.IsNullOrWhiteSpace(col.Header) && (col.Field is null || HeaderDictionary.FieldOf(sheet.Kind, col.Header, col.Group) != col.Field);

    /// <summary>The values the mapping card starts with: each sheet's kind, each editable column's field (<see cref="None"/> = left out).</summary>
    public static FormState FreshValues(LedgerMapping mapping) => FormState.Fresh([
        .. mapping.Sheets.Select(s => (SheetId(s), (string?)s.Kind.ToString())),
        .. mapping.Sheets.SelectMany(s => s.Columns.Where(col => IsEditable(s, col)).Select(col => (ColumnId(s, col.Column), (string?)(col.Field ?? None))))]);

    /// <summary>Checking: the dry run goes on in the background and its report comes as a card of its own.</summary>
    public static JsonObject Working(CultureInfo c, string textKey, string fileName) => Card.Create().Text(T.Get(c, textKey, fileName)).Build();

    /// <summary>
    /// The dry run's report: what will be created, the rows that will not be and why (the first ones; the workbook has all),
    /// the owners to settle (a choice each, then Check again), Apply when something will be created.
    /// </summary>
    /// <param name="people">Who may own files: name and Entra id, for the owner choices.</param>
    public static JsonObject Report(CultureInfo c, ImportRun run, ImportReport report, string reportUrl,
        IReadOnlyList<(string Name, string AadObjectId)> people, IReadOnlyDictionary<string, string> mappedNames)
    {
        var card = Card.Create().Title(T.Get(c, "import.reportTitle", run.FileName))
            .Text(ImportText.Summary(report, c))
            .Text(T.Get(c, "import.reportText"), subtle: true);
        if (mappedNames.Count > 0) card.Facts(mappedNames.Select(m => (m.Key, m.Value)));
        var problems = report.FirstProblems.Take(ProblemRows).ToList();
        var problemCount = report.Total - report.Count(RowOutcome.Create) - report.Count(RowOutcome.AlreadyImported);
        if (problems.Count > 0)
        {
            card.Heading(T.Get(c, "import.problems"));
            // A table per sheet, its rows numbered as Excel does: "客户台账!190" in a narrow column breaks mid-word.
            foreach (var sheet in problems.GroupBy(p => p.Sheet))
                card.Text(T.Get(c, "import.problemSheet", sheet.Key), subtle: true)
                    .Table([1, 2, 3, 4], [T.Get(c, "import.col.row"), T.Get(c, "import.col.status"), T.Get(c, "import.col.customer"), T.Get(c, "import.col.detail")],
                        sheet.Select(p => (IReadOnlyList<string>)[p.Row.ToString(CultureInfo.InvariantCulture), T.Get(c, "import.outcome." + p.Outcome),
                            Shorten(p.Label), Shorten(p.Detail ?? "")]));
            if (problemCount > problems.Count) card.Text(T.Get(c, "import.problemsShown", problems.Count, problemCount), subtle: true);
        }
        var owners = report.UnknownOwners.Take(Owners).ToList();
        var data = new JsonObject { ["run"] = run.Id };
        if (owners.Count > 0)
        {
            card.Heading(T.Get(c, "import.ownersTitle")).Text(T.Get(c, "import.ownersText"), subtle: true);
            var fields = new FormFields(card, c, FormState.Fresh([.. owners.Select((_, i) => ($"owner.{i}", (string?)None))]));
            var choices = people.Select(p => (p.Name, p.AadObjectId)).Prepend((T.Get(c, "import.ownerUnchosen"), None)).ToList();
            for (var i = 0; i < owners.Count; i++) fields.Choice($"owner.{i}", Shorten(owners[i]), choices);
            data["owners"] = new JsonArray([.. owners.Select(o => (JsonNode)JsonValue.Create(o)!)]);
        }
        card.Link(T.Get(c, "import.download"), reportUrl);
        if (owners.Count > 0) card.Execute(T.Get(c, "import.checkAgain"), CheckVerb, data);
        if (report.Count(RowOutcome.Create) > 0)
            card.Execute(T.Get(c, "import.apply"), ApplyVerb, new JsonObject { ["run"] = run.Id }, style: "positive", withInputs: false);
        return card.Execute(T.Get(c, "import.discard"), DiscardVerb, new JsonObject { ["run"] = run.Id }, withInputs: false).Build();
    }

    /// <summary>Applied: what was created, what was not, and where the reps find their customers.</summary>
    public static JsonObject Done(CultureInfo c, ImportRun run, ImportReport report) => Card.Create()
        .Title(T.Get(c, "import.doneTitle", run.FileName))
        .Text(ImportText.Summary(report, c))
        .Text(T.Get(c, "import.doneText", run.FileName), subtle: true)
        .Build();

    /// <summary>Ledgers waiting in the sales manager's inbox, each with Import customers (the <c>import</c> command).</summary>
    public static JsonObject Waiting(CultureInfo c, IReadOnlyList<(string Id, string Name)> ledgers)
    {
        var card = Card.Create().Title(T.Get(c, "import.waiting")).Text(T.Get(c, "import.how"), subtle: true);
        foreach (var (id, name) in ledgers) card.ListItem(name, null, T.Get(c, "import.start"), StartVerb, StartData(id));
        return card.Build();
    }

    /// <summary>A one-line answer in place of the card pressed (gone, discarded, refused, not allowed).</summary>
    public static JsonObject Closed(CultureInfo c, string text) => Card.Create().Text(text).Build();

    public static string FieldLabel(CultureInfo c, string field) => T.Get(c, "import.label." + field);

    /// <summary>Ledger text on a card: a header or a cell can be long; the report workbook has it whole.</summary>
    static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
