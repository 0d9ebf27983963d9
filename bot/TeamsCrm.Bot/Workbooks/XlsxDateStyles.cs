using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TeamsCrm.Bot.Workbooks;

/// <summary>
/// Which cell styles show a number as a date. Excel keeps a date as a number (days since 1899-12-30, the "serial") and
/// only its number format says it is a date, so the importer has to read the styles to tell 46348 (an amount) from
/// 46348 (2026-11-22).
/// </summary>
sealed class XlsxDateStyles
{
    /// <summary>
    /// The built-in formats that are dates or times: 14–22 and 45–47 everywhere, and 27–36 and 50–58, which the
    /// Chinese, Japanese and Korean editions of Excel use for their own date forms (yyyy"年"m"月"d"日" …).
    /// </summary>
    static readonly HashSet<uint> BuiltInDates = [.. Enumerable.Range(14, 9).Concat(Enumerable.Range(27, 10)).Concat(Enumerable.Range(45, 3))
        .Concat(Enumerable.Range(50, 9)).Select(i => (uint)i)];

    readonly bool[] _isDate;
    readonly bool[] _hasTime;

    XlsxDateStyles(bool[] isDate, bool[] hasTime) => (_isDate, _hasTime) = (isDate, hasTime);

    public static readonly XlsxDateStyles None = new([], []);

    public bool IsDate(uint style) => style < _isDate.Length && _isDate[style];
    public bool HasTime(uint style) => style < _hasTime.Length && _hasTime[style];

    /// <summary>The styles part is small (formats, not cells): it is read whole.</summary>
    public static XlsxDateStyles Read(WorkbookStylesPart? part)
    {
        if (part?.Stylesheet is not { } sheet) return None;
        var custom = sheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        var formats = sheet.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var isDate = new bool[formats.Count];
        var hasTime = new bool[formats.Count];
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            if (custom.TryGetValue(id, out var code))
                (isDate[i], hasTime[i]) = Classify(code);
            else
                (isDate[i], hasTime[i]) = (BuiltInDates.Contains(id), id is 18 or 19 or 20 or 21 or 22 or 45 or 46 or 47);
        }
        return new XlsxDateStyles(isDate, hasTime);
    }

    /// <summary>
    /// A custom format is a date when, outside quoted text, escapes and [colour]/[condition] sections, it has a day, month
    /// or year letter ("yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\""); it holds a time when it has hours or seconds.
    /// </summary>
    public static (bool IsDate, bool HasTime) Classify(string code)
    {
        var letters = new System.Text.StringBuilder();
        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (ch == '"') { i = code.IndexOf('"', i + 1) is var end and >= 0 ? end : code.Length; continue; }
            if (ch is '\\' or '_' or '*') { i++; continue; }
            if (ch == '[') { i = code.IndexOf(']', i + 1) is var end and >= 0 ? end : code.Length; continue; }
            if (ch == ';') break;   // the first section (positive numbers) decides
            letters.Append(char.ToLowerInvariant(ch));
        }
        var text = letters.ToString();
        if (text.Contains("general", StringComparison.Ordinal)) text = text.Replace("general", "", StringComparison.Ordinal);
        var date = text.IndexOfAny(['y', 'd']) >= 0 || (text.Contains('m', StringComparison.Ordinal) && !text.Contains('h', StringComparison.Ordinal));
        var time = text.IndexOfAny(['h', 's']) >= 0;
        return (date || time, time);
    }
}
