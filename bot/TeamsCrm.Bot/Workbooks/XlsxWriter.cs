using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TeamsCrm.Bot.Workbooks;

/// <summary>What a column holds, so that a spreadsheet gets a real cell type: dates sort as dates and money sums.</summary>
public enum CellKind { Text, Integer, SignedInteger, Decimal, Money, Date, DateTime }

/// <param name="Width">In Excel's character widths; 0 = estimated from the header and the first rows.</param>
public sealed record XlsxColumn(string Header, CellKind Kind = CellKind.Text, double Width = 0);

/// <summary>
/// One sheet: optional title lines above the table (a ledger's heading, who and which month), then the header row
/// (bold, frozen so it stays in view while scrolling) and the rows. Cells come as text in invariant form — "1234.50",
/// "2026-05-27", "2026-05-27 09:30:00" — the same text the CSV has; a cell that does not parse as its column's kind
/// (a total row's label, an empty cell) is written as text or left empty.
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IEnumerable<IReadOnlyList<string>> Rows)
{
    public IReadOnlyList<string> TitleLines { get; init; } = [];
}

/// <summary>
/// Writes .xlsx with the Open XML SDK's forward-only <see cref="OpenXmlWriter"/>: rows go to the zip stream as they
/// come and are never held, so a 50,000-row table costs no more memory than a 50-row one. Strings are inline (no
/// shared-string table to build in memory); an inline string is never evaluated, so text a user typed into a file
/// cannot run as a formula (unlike CSV, where <see cref="Features.Exports.Csv"/> has to defuse it).
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limit for one cell's text.</summary>
    const int MaxCellText = 32_767;

    /// <summary>Rows looked at to size a column before the first is written (widths come before the data in the file).</summary>
    const int SampledRows = 100;

    // Style indexes into cellXfs, in the order Styles() writes them.
    const uint Plain = 0, Bold = 1, Title = 2, IntegerStyle = 3, SignedStyle = 4, DecimalStyle = 5, MoneyStyle = 6, DateStyle = 7, DateTimeStyle = 8;

    static readonly DateTime SerialBase = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Writes the workbook to <paramref name="output"/>, front to back (it need not be seekable).</summary>
    /// <remarks>
    /// The zip is written with <see cref="ZipArchiveMode.Create"/>, each part compressed as it is written. The SDK's
    /// own <c>SpreadsheetDocument.Create</c> opens its package read-write, and System.IO.Packaging then keeps every
    /// part uncompressed in memory until the end (the whole sheet, however large); so the package's few fixed parts
    /// are written here and the sheets and styles by the SDK's <see cref="OpenXmlWriter"/> and elements.
    /// </remarks>
    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        if (sheets.Count == 0) throw new ArgumentException("A workbook needs a sheet.", nameof(sheets));
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var numbers = Enumerable.Range(1, sheets.Count).ToList();
        Text(zip, "[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{string.Concat(numbers.Select(n => $"""<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""))}</Types>""");
        Text(zip, "_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeDocument}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Text(zip, "xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{Relationships}">{string.Concat(numbers.Select(n => $"""<Relationship Id="rId{n}" Type="{OfficeDocument}/worksheet" Target="worksheets/sheet{n}.xml"/>"""))}<Relationship Id="rIdStyles" Type="{OfficeDocument}/styles" Target="styles.xml"/></Relationships>""");

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Element(zip, "xl/workbook.xml", new Workbook(new Sheets(numbers.Select(n =>
            new Sheet { Name = SheetName(sheets[n - 1].Name, names), SheetId = (uint)n, Id = $"rId{n}" }))));
        Element(zip, "xl/styles.xml", Styles());
        foreach (var n in numbers)
        {
            using var part = zip.CreateEntry($"xl/worksheets/sheet{n}.xml", CompressionLevel.Optimal).Open();
            WriteSheet(part, sheets[n - 1], selected: n == 1);
        }
    }

    const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    static void Text(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new System.Text.UTF8Encoding(false));
        writer.Write(xml);
    }

    static void Element(ZipArchive zip, string name, OpenXmlElement root)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(part);   // disposed first: it flushes into the part, which closes the entry
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
    }

    static void WriteSheet(Stream part, XlsxSheet sheet, bool selected)
    {
        var columns = sheet.Columns;
        using var rows = sheet.Rows.GetEnumerator();
        var sample = new List<IReadOnlyList<string>>();
        while (sample.Count < SampledRows && rows.MoveNext()) sample.Add(rows.Current);

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());

        var headerRow = sheet.TitleLines.Count + (sheet.TitleLines.Count > 0 ? 2 : 1);   // a blank line between the titles and the table
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0, TabSelected = selected ? true : null });
        writer.WriteElement(new Pane
        {
            VerticalSplit = headerRow, TopLeftCell = "A" + (headerRow + 1).ToString(CultureInfo.InvariantCulture),
            ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        });
        writer.WriteEndElement();
        writer.WriteEndElement();

        writer.WriteStartElement(new Columns());
        for (var i = 0; i < columns.Count; i++)
        {
            var n = (uint)i + 1;
            writer.WriteElement(new Column { Min = n, Max = n, Width = WidthOf(columns[i], i, sample), CustomWidth = true });
        }
        writer.WriteEndElement();

        writer.WriteStartElement(new SheetData());
        var r = 0;
        foreach (var line in sheet.TitleLines) WriteRow(writer, ++r, [TextCell(line, r == 1 ? Title : Plain)]);
        if (sheet.TitleLines.Count > 0) r++;
        WriteRow(writer, ++r, [.. columns.Select(c => TextCell(c.Header, Bold))]);
        foreach (var row in sample) WriteRow(writer, ++r, Cells(columns, row));
        while (rows.MoveNext()) WriteRow(writer, ++r, Cells(columns, rows.Current));
        writer.WriteEndElement();

        writer.WriteEndElement();
    }

    static void WriteRow(OpenXmlWriter writer, int number, IEnumerable<Cell?> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        var column = 0;
        foreach (var cell in cells)
        {
            column++;
            if (cell is null) continue;
            cell.CellReference = ColumnName(column) + number.ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    static IEnumerable<Cell?> Cells(IReadOnlyList<XlsxColumn> columns, IReadOnlyList<string> row)
    {
        for (var i = 0; i < row.Count; i++)
            yield return Typed(i < columns.Count ? columns[i].Kind : CellKind.Text, row[i]);
    }

    /// <summary>The cell for a value of a column's kind; text when it does not parse as that kind, null when empty.</summary>
    static Cell? Typed(CellKind kind, string value)
    {
        if (value.Length == 0) return null;
        var number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        switch (kind)
        {
            case CellKind.Integer or CellKind.SignedInteger or CellKind.Decimal or CellKind.Money
                when decimal.TryParse(value, number, CultureInfo.InvariantCulture, out var d):
                return NumberCell(d.ToString(CultureInfo.InvariantCulture), kind switch
                {
                    CellKind.Integer => IntegerStyle, CellKind.SignedInteger => SignedStyle, CellKind.Decimal => DecimalStyle, _ => MoneyStyle,
                });
            case CellKind.Date or CellKind.DateTime
                when DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var t) && t.Year is >= 1900 and <= 9999:
                var serial = (t - SerialBase).TotalDays;
                return NumberCell(serial.ToString("R", CultureInfo.InvariantCulture), kind == CellKind.Date ? DateStyle : DateTimeStyle);
            default:
                return TextCell(value, Plain);
        }
    }

    static Cell NumberCell(string value, uint style) => new(new CellValue(value)) { StyleIndex = style };

    static Cell TextCell(string value, uint style)
    {
        var text = XmlSafe(value);
        return new Cell(new InlineString(new Text(text) { Space = text.Trim().Length == text.Length ? null : SpaceProcessingModeValues.Preserve }))
        {
            DataType = CellValues.InlineString, StyleIndex = style == Plain ? null : style,
        };
    }

    /// <summary>Text as XML 1.0 can carry it (control characters dropped) and a cell can hold it.</summary>
    static string XmlSafe(string value)
    {
        var safe = value.Any(ch => ch < ' ' && ch is not ('\t' or '\n' or '\r') || char.IsSurrogate(ch))
            ? new string([.. value.Where((ch, i) => !(ch < ' ' && ch is not ('\t' or '\n' or '\r')) && SurrogateOk(value, i))])
            : value;
        return safe.Length > MaxCellText ? safe[..MaxCellText] : safe;
    }

    static bool SurrogateOk(string s, int i) =>
        !char.IsSurrogate(s[i])
        || char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])
        || char.IsLowSurrogate(s[i]) && i > 0 && char.IsHighSurrogate(s[i - 1]);

    /// <summary>The header's or the widest sampled cell's width (a CJK character is two), within 8–60.</summary>
    static double WidthOf(XlsxColumn column, int index, IReadOnlyList<IReadOnlyList<string>> sample)
    {
        if (column.Width > 0) return column.Width;
        var widest = column.Kind switch { CellKind.Date => 11, CellKind.DateTime => 19, _ => 0 };
        if (column.Kind is CellKind.Text or CellKind.Integer or CellKind.SignedInteger or CellKind.Decimal or CellKind.Money)
            foreach (var row in sample)
                if (index < row.Count) widest = Math.Max(widest, DisplayWidth(row[index]) + (column.Kind == CellKind.Money ? 2 : 0));
        return Math.Clamp(Math.Max(widest, DisplayWidth(column.Header)) + 2, 8, 60);
    }

    static int DisplayWidth(string text) => text.Sum(ch => ch >= 0x1100 ? 2 : 1);

    static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel's sheet-name rules: at most 31 characters, none of []:*?/\, unique in the workbook.</summary>
    static string SheetName(string wanted, HashSet<string> taken)
    {
        var clean = new string([.. wanted.Where(ch => ch is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\') && ch >= ' ')]).Trim('\'', ' ');
        if (clean.Length == 0) clean = "Sheet";
        if (clean.Length > 31) clean = clean[..31];
        var name = clean;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
            name = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }
        return name;
    }

    /// <summary>Fonts: normal, bold, bold 14 pt. Number formats: built-in 1 "0", 4 "#,##0.00"; ours from 164.</summary>
    static Stylesheet Styles()
    {
        static CellFormat Format(uint font, uint numberFormat) => new()
        {
            FontId = font, FillId = 0, BorderId = 0, NumberFormatId = numberFormat,
            ApplyFont = font != 0 ? true : null, ApplyNumberFormat = numberFormat != 0 ? true : null,
        };
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "+0;-0;0" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0" },
                new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = 167, FormatCode = "yyyy-mm-dd hh:mm:ss" }) { Count = 4 },
            new Fonts(
                new Font(new FontSize { Val = 11 }),
                new Font(new Bold(), new FontSize { Val = 11 }),
                new Font(new Bold(), new FontSize { Val = 14 })) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                Format(0, 0), Format(1, 0), Format(2, 0),          // Plain, Bold, Title
                Format(0, 1), Format(0, 164), Format(0, 165),       // IntegerStyle, SignedStyle, DecimalStyle
                Format(0, 4), Format(0, 166), Format(0, 167))       // MoneyStyle, DateStyle, DateTimeStyle
            { Count = 9 });
    }
}
