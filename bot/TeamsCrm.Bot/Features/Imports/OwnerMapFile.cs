using TeamsCrm.Bot.Domain.Imports;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// The owner map as a file (.csv or .xlsx, first sheet): the ledger's name in the first column, the person's email (UPN) or
/// Entra object id in the second. A header row, or any row whose second cell is neither, is passed over.
/// </summary>
public static class OwnerMapFile
{
    public static Dictionary<string, string> Read(string path, int maxRows)
    {
        using var reader = WorkbookFile.Open(path, Path.GetFileName(path), maxRows);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in reader.Rows(reader.Sheets[0]))
            if (LedgerValues.Folded(row[0]) is { } name && LedgerValues.Folded(row[1]) is { } target
                && (target.Contains('@', StringComparison.Ordinal) || Guid.TryParse(target, out _)))
                map[name] = target;
        return map;
    }
}
