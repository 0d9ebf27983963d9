using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TeamsCrm.Bot.Tests.Exports;

/// <summary>A downloaded .xlsx validated and read back with the Open XML SDK, as a spreadsheet would see it: each cell's kind and number format.</summary>
public sealed record WorkbookReadBack(IReadOnlyList<SheetReadBack> Sheets)
{
    public SheetReadBack this[int index] => Sheets[index];

    public static WorkbookReadBack Of(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        // What Excel would complain about: the schema and the package's relationships, as the SDK's validator checks them.
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Xunit.Assert.True(errors.Count == 0, string.Join("\n", errors));
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet!;
        var custom = formats.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var xfs = formats.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = formats.Fonts!.Elements<Font>().ToList();
        string FormatOf(uint style) => xfs[(int)style].NumberFormatId?.Value switch
        {
            null or 0 => "General", 1 => "0", 4 => "#,##0.00", var id => custom.GetValueOrDefault(id!.Value, id.Value.ToString(CultureInfo.InvariantCulture)),
        };
        bool BoldOf(uint style) => fonts[(int)(xfs[(int)style].FontId?.Value ?? 0)].Bold is not null;

        var sheets = new List<SheetReadBack>();
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var pane = part.Worksheet!.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();
            var widths = part.Worksheet.GetFirstChild<Columns>()?.Elements<Column>().Select(c => c.Width!.Value).ToList() ?? [];
            var cells = new Dictionary<string, CellReadBack>();
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var style = cell.StyleIndex?.Value ?? 0;
                var inline = cell.DataType?.Value == CellValues.InlineString;
                cells[cell.CellReference!.Value!] = new CellReadBack(
                    inline ? "text" : cell.DataType is null ? "number" : cell.DataType.InnerText ?? "",
                    inline ? cell.InlineString!.InnerText : cell.CellValue!.Text, FormatOf(style), BoldOf(style));
            }
            sheets.Add(new SheetReadBack(sheet.Name!.Value!, pane?.State?.Value == PaneStateValues.Frozen ? pane.TopLeftCell?.Value : null, widths, cells));
        }
        return new WorkbookReadBack(sheets);
    }
}

/// <param name="FrozenAt">The first scrolling cell of a frozen pane ("A2": row 1 stays), null without one.</param>
public sealed record SheetReadBack(string Name, string? FrozenAt, IReadOnlyList<double> Widths, IReadOnlyDictionary<string, CellReadBack> Cells)
{
    public CellReadBack? this[string reference] => Cells.GetValueOrDefault(reference);

    /// <summary>A row's texts from column A on, up to its last cell ("" for a gap).</summary>
    public IReadOnlyList<string> Row(int number)
    {
        var row = number.ToString(CultureInfo.InvariantCulture);
        var columns = Cells.Keys.Where(k => k[k.IndexOfAny("0123456789".ToCharArray())..] == row).Select(k => k[0] - 'A').ToList();
        return columns.Count == 0 ? [] : [.. Enumerable.Range(0, columns.Max() + 1).Select(i => this[$"{(char)('A' + i)}{row}"]?.Value ?? "")];
    }
}

/// <param name="Kind">"text" (an inline string), "number" (dates are numbers with a date format), or the stored type.</param>
public sealed record CellReadBack(string Kind, string Value, string Format, bool Bold);
