using TeamsCrm.Bot.Features.Analysis;
using TeamsCrm.Bot.Web;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Exports;

/// <summary>
/// A table (or a ledger of several) as the file a signed link asked for: CSV as before, or an .xlsx whose columns
/// carry the table's cell kinds. The workbook is streamed to a temporary file that is deleted when the response has
/// been sent, so a large table never sits in memory as a whole zip.
/// </summary>
public static class TableFile
{
    public static IResult Serve(FigureTable table, DownloadFormat format) => format == DownloadFormat.Xlsx
        ? Workbook(table.Id, [Sheet(table)])
        : Results.File(Csv.Write(table.Headers, table.Rows), "text/csv; charset=utf-8", $"teamscrm-{table.Id}.csv");

    /// <summary>The table as one sheet named after its title, the header in row 1.</summary>
    public static XlsxSheet Sheet(FigureTable table, IReadOnlyList<string>? titleLines = null) =>
        new(table.Title, [.. table.Headers.Select((h, i) => new XlsxColumn(h, i < table.Kinds.Count ? table.Kinds[i] : CellKind.Text))], table.Rows)
        {
            TitleLines = titleLines ?? [],
        };

    public static IResult Workbook(string id, IReadOnlyList<XlsxSheet> sheets)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            XlsxWriter.Write(file, sheets);
            file.Position = 0;
        }
        catch
        {
            file.Dispose();
            throw;
        }
        return Results.File(file, XlsxWriter.ContentType, $"teamscrm-{id}.xlsx");   // disposed (and so deleted) after sending
    }
}
