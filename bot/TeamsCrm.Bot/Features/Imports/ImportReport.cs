using TeamsCrm.Bot.Domain.Imports;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>What happens to a row: the dry run says what would, the apply what did.</summary>
public enum RowOutcome
{
    /// <summary>Will be (dry run) or was (apply) filed.</summary>
    Create,
    /// <summary>An earlier import of the same file filed it already: nothing to do.</summary>
    AlreadyImported,
    /// <summary>The duplicate check found the customer on file (or earlier in the file): not filed.</summary>
    Duplicate,
    /// <summary>The 业务员 is nobody the directory knows (or two people of that name): not filed until the owner map says who.</summary>
    UnknownOwner,
    /// <summary>A field fails the form's check: not filed.</summary>
    Refused,
    /// <summary>A contact, entry or visit whose customer is not being filed.</summary>
    Skipped,
}

/// <summary>
/// One row's verdict, as the report shows it: the sheet and row as Excel numbers them, what the row is about (a customer's
/// name), and the detail — the file it duplicates or will be, the owner not found, the field refused and why (localised).
/// </summary>
public sealed record RowVerdict(string Sheet, int Row, SheetKind Kind, RowOutcome Outcome, string Label, string? Number, string? Detail);

/// <summary>
/// The counts of a dry run or an apply, and its first problem rows (for the card). Every verdict also goes to the caller's
/// sink as it is made, so a report of any length is written out without being held.
/// </summary>
public sealed class ImportReport
{
    /// <summary>Problem rows kept for the card; the downloadable report and the command line have them all.</summary>
    public const int KeptProblems = 50;

    readonly List<RowVerdict> _problems = [];
    readonly Dictionary<(SheetKind, RowOutcome), int> _counts = [];

    public required string FileName { get; init; }
    public bool Applied { get; init; }
    public IReadOnlyList<RowVerdict> FirstProblems => _problems;
    /// <summary>Owner names the directory does not know, each once, in the order met: what the owner map must settle.</summary>
    public List<string> UnknownOwners { get; } = [];

    public int Count(SheetKind kind, RowOutcome outcome) => _counts.GetValueOrDefault((kind, outcome));

    public int Count(RowOutcome outcome) => _counts.Where(c => c.Key.Item2 == outcome).Sum(c => c.Value);

    public int Total => _counts.Values.Sum();

    public bool HasProblems => Count(RowOutcome.Duplicate) + Count(RowOutcome.UnknownOwner) + Count(RowOutcome.Refused) + Count(RowOutcome.Skipped) > 0;

    internal void Add(RowVerdict verdict)
    {
        _counts[(verdict.Kind, verdict.Outcome)] = Count(verdict.Kind, verdict.Outcome) + 1;
        if (verdict.Outcome is not (RowOutcome.Create or RowOutcome.AlreadyImported) && _problems.Count < KeptProblems) _problems.Add(verdict);
    }

    /// <summary>As the import run keeps them.</summary>
    public ImportCounts Counts => new()
    {
        Customers = Count(SheetKind.Customers, RowOutcome.Create), Contacts = Count(SheetKind.Contacts, RowOutcome.Create),
        Entries = Count(SheetKind.Entries, RowOutcome.Create), Visits = Count(SheetKind.Visits, RowOutcome.Create),
        Duplicates = Count(RowOutcome.Duplicate), UnknownOwners = Count(RowOutcome.UnknownOwner), Refused = Count(RowOutcome.Refused),
        Skipped = Count(RowOutcome.Skipped), AlreadyImported = Count(RowOutcome.AlreadyImported),
    };
}
