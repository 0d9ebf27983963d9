using System.Text;

namespace TeamsCrm.Bot.Features.Exports;

/// <summary>
/// CSV as Excel opens it: UTF-8 with a byte-order mark (without it Excel reads Chinese as the ANSI code page), CRLF,
/// every cell quoted. A cell starting with = + - @ (or a tab or CR) is prefixed with an apostrophe, so that text a
/// user typed into a file is never run by the spreadsheet as a formula (CSV injection).
/// </summary>
public static class Csv
{
    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        Line(text, headers);
        foreach (var row in rows) Line(text, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    static void Line(StringBuilder text, IReadOnlyList<string> cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append("\r\n");
    }

    static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(value) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    static bool IsNumber(string value) => decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _);
}
