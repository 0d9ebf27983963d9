using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TeamsCrm.Bot.Workbooks;

/// <summary>
/// An .xlsx read with the Open XML SDK's forward-only <see cref="OpenXmlReader"/>: one row's XML in memory at a time, so a
/// sheet of any size never is. The shared-string table (every distinct text of the workbook) is the one part held, as
/// every cell may point into it; its size is bounded with the row limit. Formulas are never evaluated: a cell gives the
/// value Excel cached when it last saved the file (none, for a file written by a program that does not calculate).
/// </summary>
public sealed class XlsxReader : IWorkbookReader
{
    /// <summary>Distinct texts allowed per row allowed: a workbook within the row limit never comes near it.</summary>
    const int SharedStringsPerRow = 64;

    readonly Stream _stream;
    readonly SpreadsheetDocument _document;
    readonly int _maxRows;
    readonly List<string> _sharedStrings;
    readonly XlsxDateStyles _dates;
    readonly Dictionary<WorkbookSheet, WorksheetPart> _parts = [];

    XlsxReader(Stream stream, SpreadsheetDocument document, int maxRows)
    {
        _stream = stream;
        _document = document;
        _maxRows = maxRows;
        var workbook = document.WorkbookPart ?? throw new WorkbookRefusedException(WorkbookProblem.NotAWorkbook);
        var sheets = new List<WorkbookSheet>();
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            // Chart sheets and dialog sheets have no rows.
            if (sheet.Id?.Value is not { } id || !workbook.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet) continue;
            var state = sheet.State?.Value;
            var entry = new WorkbookSheet(sheet.Name?.Value ?? $"Sheet{sheets.Count + 1}", sheets.Count,
                state == SheetStateValues.Hidden || state == SheetStateValues.VeryHidden);
            sheets.Add(entry);
            _parts[entry] = worksheet;
        }
        Sheets = sheets;
        _dates = XlsxDateStyles.Read(workbook.WorkbookStylesPart);
        _sharedStrings = ReadSharedStrings(workbook.SharedStringTablePart, (long)maxRows * SharedStringsPerRow);
    }

    public IReadOnlyList<WorkbookSheet> Sheets { get; }

    /// <summary>Opens the package; the stream must be seekable (a zip is read from its end). The reader owns it from here.</summary>
    public static XlsxReader Open(Stream stream, int maxRows)
    {
        try
        {
            return new XlsxReader(stream, SpreadsheetDocument.Open(stream, isEditable: false), maxRows);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException or InvalidOperationException)
        {
            // A zip that is not an Office package, or an Office package that is not a workbook (a .docx), or one cut short.
            throw new WorkbookRefusedException(e is OpenXmlPackageException or InvalidOperationException ? WorkbookProblem.NotAWorkbook : WorkbookProblem.Damaged,
                inner: e);
        }
    }

    public IEnumerable<SheetRow> Rows(WorkbookSheet sheet) => Guarded(ReadRows(_parts[sheet], sheet.Name));

    public IReadOnlyList<CellRange> MergedCells(WorkbookSheet sheet) => [.. Guarded(ReadMerges(_parts[sheet]))];

    IEnumerable<SheetRow> ReadRows(WorksheetPart part, string sheetName)
    {
        using var reader = OpenXmlReader.Create(part);
        var previous = 0;
        var yielded = 0;
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType == typeof(SheetDimension) && reader.IsStartElement)
            {
                // The dimension comes first: a sheet that says it is too large is refused before a row is read.
                if (CellRange.Parse(Attribute(reader, "ref")) is { } used && used.LastRow > _maxRows)
                    throw new WorkbookRefusedException(WorkbookProblem.TooManyRows, sheetName);
            }
            else if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                var row = (Row)reader.LoadCurrentElement()!;   // moves the reader past the row
                var number = row.RowIndex?.Value is { } r ? (int)r : previous + 1;
                previous = number;
                var cells = ReadCells(row);
                if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
                {
                    if (++yielded > _maxRows) throw new WorkbookRefusedException(WorkbookProblem.TooManyRows, sheetName);
                    yield return new SheetRow(number, cells);
                }
                more = !reader.EOF;
                continue;
            }
            more = reader.Read();
        }
    }

    string?[] ReadCells(Row row)
    {
        var cells = new List<string?>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = CellReference.ColumnOf(cell.CellReference?.Value) ?? cells.Count;
            if (column > 16_383) continue;
            while (cells.Count <= column) cells.Add(null);
            cells[column] = Text(cell);
        }
        return [.. cells];
    }

    string? Text(Cell cell)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? ItemText(inline) : null;
        var raw = cell.CellValue?.Text;
        if (raw is null) return null;   // empty, or a formula never calculated
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count ? _sharedStrings[i] : null;
        if (type == CellValues.String) return raw;   // a formula's text result
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.Error) return null;   // #N/A, #DIV/0!…: no value
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso)
                ? iso.ToString(iso.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                : raw;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        var style = cell.StyleIndex?.Value ?? 0;
        if (_dates.IsDate(style) && ExcelSerials.Text(number, _dates.HasTime(style)) is { } date) return date;
        return Number(number);
    }

    /// <summary>
    /// As Excel shows it at most: 15 significant digits, so that 0.1 + 0.2 stored as 0.30000000000000004 reads 0.3 and a
    /// phone number 13800138000 stays whole. The decimal conversion rounds to 15 digits and drops trailing zeros.
    /// </summary>
    static string Number(double value) =>
        Math.Abs(value) < 7.9e27 ? ((decimal)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A shared or inline string: its text, or its runs' texts joined; phonetic guides (rPh, furigana) are not text.</summary>
    static string ItemText(OpenXmlElement item)
    {
        var text = new System.Text.StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is Text t) text.Append(t.Text);
            else if (child is Run run) text.Append(run.Text?.Text);
        }
        return text.ToString();
    }

    static List<string> ReadSharedStrings(SharedStringTablePart? part, long max)
    {
        var strings = new List<string>();
        if (part is null) return strings;
        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                if (strings.Count == max) throw new WorkbookRefusedException(WorkbookProblem.TooManyRows, "shared strings");
                strings.Add(ItemText(reader.LoadCurrentElement()!));
                more = !reader.EOF;
                continue;
            }
            more = reader.Read();
        }
        return strings;
    }

    static IEnumerable<CellRange> ReadMerges(WorksheetPart part)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            // mergeCells comes after sheetData: skip the rows without building them.
            if (reader.ElementType == typeof(SheetData) && reader.IsStartElement) reader.Skip();
            if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement && CellRange.Parse(Attribute(reader, "ref")) is { } range)
                yield return range;
        }
    }

    static string? Attribute(OpenXmlReader reader, string name) => reader.Attributes.FirstOrDefault(a => a.LocalName == name).Value;

    /// <summary>A part cut short or damaged fails while it is read, not when the package opens: the same refusal either way.</summary>
    static IEnumerable<T> Guarded<T>(IEnumerable<T> items)
    {
        using var e = items.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext()) yield break;
            }
            catch (Exception error) when (error is XmlException or InvalidDataException or IOException)
            {
                throw new WorkbookRefusedException(WorkbookProblem.Damaged, inner: error);
            }
            yield return e.Current;
        }
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }
}
