using System.Globalization;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>The report's words, shared by the cards and the command line.</summary>
public static class ImportText
{
    static readonly RowOutcome[] Problems = [RowOutcome.Duplicate, RowOutcome.UnknownOwner, RowOutcome.Refused, RowOutcome.Skipped];

    /// <summary>"Will be created: 195 customers, 40 contacts … · duplicate: 3 · owner not in the directory: 2".</summary>
    public static string Summary(ImportReport report, CultureInfo c)
    {
        var kinds = new[] { SheetKind.Customers, SheetKind.Contacts, SheetKind.Entries, SheetKind.Visits };
        var created = string.Join(", ", kinds.Where(k => report.Count(k, RowOutcome.Create) > 0)
            .Select(k => $"{report.Count(k, RowOutcome.Create)} {T.Get(c, "import.kind." + k)}"));
        var parts = new List<string> { T.Get(c, report.Applied ? "import.summary.created" : "import.summary.willCreate", created.Length == 0 ? "0" : created) };
        parts.AddRange(new[] { RowOutcome.AlreadyImported }.Concat(Problems).Where(o => report.Count(o) > 0)
            .Select(o => $"{T.Get(c, "import.outcome." + o)}: {report.Count(o)}"));
        return string.Join(" · ", parts);
    }

    public static string Refused(WorkbookRefusedException e, CultureInfo c, int maxRows) =>
        T.Get(c, "import.refused." + e.Problem, maxRows, e.Detail ?? "");
}
