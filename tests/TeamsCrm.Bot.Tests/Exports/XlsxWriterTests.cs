using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Tests.Exports;

/// <summary>The writer on its own: real cell types, a bold frozen header, widths, and text that stays text.</summary>
public class XlsxWriterTests
{
    static byte[] Write(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, sheets);
        return stream.ToArray();
    }

    static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new("客户"), new("次数", CellKind.Integer), new("金额", CellKind.Money), new("日期", CellKind.Date), new("时间", CellKind.DateTime),
        new("差异", CellKind.SignedInteger), new("完成率", CellKind.Decimal),
    ];

    [Fact]
    public void Cells_get_their_columns_kind_and_the_header_is_bold_and_frozen()
    {
        var book = WorkbookReadBack.Of(Write(new XlsxSheet("Plan", Columns,
        [
            ["华东精密", "3", "80000.50", "2026-05-27", "2026-05-27 09:30:00", "-1", "75.0"],
            ["=HYPERLINK(\"x\")", "n/a", "", "someday", "", "+2", ""],
        ])));
        var sheet = book[0];
        Assert.Equal(("Plan", "A2"), (sheet.Name, sheet.FrozenAt));
        Assert.All(sheet.Row(1).Select((_, i) => sheet[$"{(char)('A' + i)}1"]!), h => Assert.True(h.Bold && h.Kind == "text"));
        Assert.Equal(new CellReadBack("text", "华东精密", "General", false), sheet["A2"]);
        Assert.Equal(new CellReadBack("number", "3", "0", false), sheet["B2"]);
        Assert.Equal(new CellReadBack("number", "80000.50", "#,##0.00", false), sheet["C2"]);
        Assert.Equal(("number", "46169", "yyyy-mm-dd"), (sheet["D2"]!.Kind, sheet["D2"]!.Value, sheet["D2"]!.Format));   // 2026-05-27 as Excel counts days
        Assert.Equal(("number", "46169.395833333336", "yyyy-mm-dd hh:mm:ss"), (sheet["E2"]!.Kind, sheet["E2"]!.Value, sheet["E2"]!.Format));
        Assert.Equal(("number", "-1", "+0;-0;0"), (sheet["F2"]!.Kind, sheet["F2"]!.Value, sheet["F2"]!.Format));
        Assert.Equal(("number", "75.0", "0.0"), (sheet["G2"]!.Kind, sheet["G2"]!.Value, sheet["G2"]!.Format));

        // A formula typed into a file stays the text it was (an inline string is never evaluated); what does not parse
        // as the column's kind is kept as text, and an empty cell is no cell.
        Assert.Equal(("text", "=HYPERLINK(\"x\")"), (sheet["A3"]!.Kind, sheet["A3"]!.Value));
        Assert.Equal(("text", "n/a"), (sheet["B3"]!.Kind, sheet["B3"]!.Value));
        Assert.Null(sheet["C3"]);
        Assert.Equal(("text", "someday"), (sheet["D3"]!.Kind, sheet["D3"]!.Value));
        Assert.Equal(7, sheet.Widths.Count);
        Assert.True(sheet.Widths[0] >= 10);   // 华东精密 is four wide characters
    }

    [Fact]
    public void The_import_reader_reads_the_written_workbook_back_as_the_same_text()
    {
        var bytes = Write(new XlsxSheet("Plan", Columns, [["华东 \"精密\"\u0001", "3", "80000.5", "2026-05-27", "2026-05-27 09:30:00", "0", "100"]]));
        using var reader = XlsxReader.Open(new MemoryStream(bytes), 1000);
        var rows = reader.Rows(reader.Sheets[0]).ToList();
        Assert.Equal(["客户", "次数", "金额", "日期", "时间", "差异", "完成率"], rows[0].Cells.Select(x => x ?? ""));
        Assert.Equal(["华东 \"精密\"", "3", "80000.5", "2026-05-27", "2026-05-27 09:30", "0", "100"], rows[1].Cells.Select(x => x ?? ""));   // the control character is dropped
    }

    [Fact]
    public void Title_lines_sit_above_the_table_and_the_pane_freezes_below_its_header()
    {
        var book = WorkbookReadBack.Of(Write(
            new XlsxSheet("5-27 月计划与执行", Columns, [["华东精密", "1", "", "", "", "", ""]]) { TitleLines = ["客户访问月计划表", "月份：2026年5月"] },
            new XlsxSheet("5-27 月计划与执行", [new("x")], []),
            new XlsxSheet("a/b:c*d?[e]" + new string('x', 40), [new("x")], [])));
        Assert.Equal(("客户访问月计划表", true), (book[0]["A1"]!.Value, book[0]["A1"]!.Bold));
        Assert.Equal(["客户", "次数", "金额", "日期", "时间", "差异", "完成率"], book[0].Row(4));
        Assert.Equal("A5", book[0].FrozenAt);
        Assert.Equal("5-27 月计划与执行 (2)", book[1].Name);   // sheet names are unique, at most 31 characters, without []:*?/\
        Assert.Equal(31, book[2].Name.Length);
        Assert.DoesNotContain(book[2].Name, ch => "[]:*?/\\".Contains(ch));
    }
}
