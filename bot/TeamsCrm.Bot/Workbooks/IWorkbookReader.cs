namespace TeamsCrm.Bot.Workbooks;

/// <summary>
/// A workbook read row by row: an .xlsx (<see cref="XlsxReader"/>) or a CSV file (<see cref="CsvReader"/>, one sheet).
/// Rows are streamed, never held: enumerating <see cref="Rows"/> again reads the sheet again. Every cell comes as text,
/// the way a person reads it (see <see cref="SheetRow"/>), so the importer parses one form whatever the file was.
/// </summary>
public interface IWorkbookReader : IDisposable
{
    IReadOnlyList<WorkbookSheet> Sheets { get; }

    /// <summary>The sheet's non-empty rows, in order. Throws <see cref="WorkbookRefusedException"/> past the row limit.</summary>
    IEnumerable<SheetRow> Rows(WorkbookSheet sheet);

    /// <summary>The sheet's merged cells (a CSV has none). Reading them costs a pass over the sheet.</summary>
    IReadOnlyList<CellRange> MergedCells(WorkbookSheet sheet);
}

/// <param name="Index">0-based position in the workbook.</param>
/// <param name="Hidden">Hidden or very hidden in Excel: usually lookup lists, not data.</param>
public sealed record WorkbookSheet(string Name, int Index, bool Hidden);

/// <summary>
/// One row: its number as Excel shows it (1-based) and its cells by 0-based column, as text — shared and inline strings as
/// written, numbers in invariant form ("1234.5"), date-formatted numbers as "yyyy-MM-dd" (with " HH:mm" when they hold a
/// time), booleans "TRUE"/"FALSE", formulas by their cached value (never evaluated), errors and empty cells as null.
/// </summary>
public sealed record SheetRow(int Number, string?[] Cells)
{
    public string? this[int column] => column >= 0 && column < Cells.Length ? Cells[column] : null;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A rectangle of cells, 1-based rows and 0-based columns like <see cref="SheetRow"/>: "B2:D3" = rows 2–3, columns 1–3.</summary>
public sealed record CellRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    public bool Contains(int row, int column) => row >= FirstRow && row <= LastRow && column >= FirstColumn && column <= LastColumn;

    /// <summary>"B2:D3" or a single cell "B2"; null when it is neither.</summary>
    public static CellRange? Parse(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var parts = reference.Split(':');
        if (parts.Length > 2 || CellReference.Parse(parts[0]) is not var (r1, c1) || CellReference.Parse(parts[^1]) is not var (r2, c2)) return null;
        return new CellRange(Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2));
    }
}

/// <summary>A1-style references: "AB12" → row 12, column 27 (0-based).</summary>
public static class CellReference
{
    public static (int Row, int Column)? Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16_384) return null;   // Excel's last column is XFD
        }
        if (i == 0 || !int.TryParse(reference.AsSpan(i), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row)
            || row < 1)
            return null;
        return (row, column - 1);
    }

    /// <summary>The column of a reference without its row ("AB12" → 27), or null.</summary>
    public static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return i == 0 || column > 16_384 ? null : column - 1;
    }

    /// <summary>0-based column → its letters (27 → "AB").</summary>
    public static string Letters(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}
