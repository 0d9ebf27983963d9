using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TeamsCrm.Bot.Tests.Imports;

/// <summary>
/// Writes .xlsx files the way Excel does for the import tests: shared strings, date cells as serials with a date format,
/// formulas with their cached values, merged cells. A cell value is a string (shared string), a double (number), a
/// <see cref="DateOnly"/> (serial, date-formatted), a <see cref="Formula"/>, or null (no cell).
/// </summary>
public sealed class LedgerWorkbook
{
    public sealed record Formula(string Expression, double Cached);

    readonly List<(string Name, List<object?[]> Rows, List<string> Merges)> _sheets = [];

    public LedgerWorkbook Sheet(string name, IEnumerable<object?[]> rows, params string[] merges)
    {
        _sheets.Add((name, [.. rows], [.. merges]));
        return this;
    }

    public void Save(string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })), new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));   // 1: a date (m/d/yyyy)
        var strings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        uint id = 1;
        foreach (var (name, rows, merges) in _sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                    if (Cell(rows[r][c], $"{Column(c)}{r + 1}", strings, index) is { } cell) row.Append(cell);
                data.Append(row);
            }
            var sheet = new Worksheet(data);
            if (merges.Count > 0) sheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
            part.Worksheet = sheet;
            workbook.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = id++, Id = workbook.GetIdOfPart(part) });
        }
        var shared = workbook.AddNewPart<SharedStringTablePart>();
        shared.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
    }

    static Cell? Cell(object? value, string reference, List<string> strings, Dictionary<string, int> index) => value switch
    {
        null => null,
        string s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Shared(s, strings, index)) },
        double d => new Cell { CellReference = reference, CellValue = new CellValue(d) },
        int i => new Cell { CellReference = reference, CellValue = new CellValue(i) },
        DateOnly day => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(day.DayNumber - new DateOnly(1899, 12, 30).DayNumber) },
        Formula f => new Cell { CellReference = reference, CellFormula = new CellFormula(f.Expression), CellValue = new CellValue(f.Cached) },
        _ => throw new ArgumentException($"No cell for {value.GetType()}"),
    };

    static int Shared(string s, List<string> strings, Dictionary<string, int> index)
    {
        if (index.TryGetValue(s, out var i)) return i;
        strings.Add(s);
        return index[s] = strings.Count - 1;
    }

    static string Column(int c) => c < 26 ? ((char)('A' + c)).ToString() : $"{(char)('A' + c / 26 - 1)}{(char)('A' + c % 26)}";
}
