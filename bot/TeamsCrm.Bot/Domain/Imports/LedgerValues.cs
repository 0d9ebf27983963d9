using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TeamsCrm.Bot.Domain.Imports;

/// <summary>
/// Ledger cells as people type them, put into the forms the bot's form readers take (yyyy-MM-dd dates, plain amounts). A
/// value that cannot be read is passed on as it was, so that the form reader refuses it with its own message.
/// </summary>
public static partial class LedgerValues
{
    /// <summary>
    /// "2026-11-22", "2026/11/22", "2026.11.22", "2026年11月22日", "20261122", full-width digits, a time after the day, or an
    /// Excel serial (46348) that a cell without a date format shows → "2026-11-22". Otherwise the text, trimmed.
    /// </summary>
    public static string? Date(string? cell)
    {
        if (Folded(cell) is not { } text) return null;
        if (DatePattern().Match(text) is { Success: true } m
            && TryDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out var date))
            return Iso(date);
        if (CompactDate().IsMatch(text) && TryDate(text[..4], text[4..6], text[6..], out var compact)) return Iso(compact);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2_958_466
            && !text.Contains('e', StringComparison.OrdinalIgnoreCase))
            return DateOnly.FromDateTime(new DateTime(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified).AddDays(Math.Floor(serial))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>"09:30", "9:30", "9时30分", or the time after a day ("2026-11-22 14:00") → "09:30"; otherwise the text.</summary>
    public static string? Time(string? cell)
    {
        if (Folded(cell) is not { } text) return null;
        if (TimePattern().Match(text) is { Success: true } m && int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) is var h and < 24
            && int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is var min and < 60)
            return string.Create(CultureInfo.InvariantCulture, $"{h:D2}:{min:D2}");
        return text;
    }

    /// <summary>Whether a date cell also holds a time of day ("2026-11-22 14:00").</summary>
    public static bool HasTime(string? cell) => Folded(cell) is { } text && DatePattern().IsMatch(text) && TimePattern().IsMatch(text);

    /// <summary>
    /// "¥1,234.50", "１２３４．５", "1234.5元", "RMB 1,234" → "1234.5"; with a scale of 10,000 (a header in 万元) "12.5" → "125000".
    /// Only the currency sign and unit are dropped: what is left is checked by the form reader's amount rule.
    /// </summary>
    public static string? Amount(string? cell, int scale = 1)
    {
        if (Folded(cell) is not { } text) return null;
        var plain = text.Replace(" ", "", StringComparison.Ordinal).Replace("￥", "", StringComparison.Ordinal).Replace("¥", "", StringComparison.Ordinal);
        foreach (var unit in (string[])["人民币", "RMB", "CNY", "元整", "元"])
        {
            if (plain.StartsWith(unit, StringComparison.OrdinalIgnoreCase)) plain = plain[unit.Length..];
            if (plain.EndsWith(unit, StringComparison.OrdinalIgnoreCase)) plain = plain[..^unit.Length];
        }
        if (plain.EndsWith('万') && scale == 1) (plain, scale) = (plain[..^1], 10_000);
        if (scale == 1) return plain;
        return decimal.TryParse(plain.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? (amount * scale).ToString("0.##", CultureInfo.InvariantCulture)
            : plain;
    }

    /// <summary>A head count ("350", "350人", "约350人") → the form's size band ("100-499"); a band as written ("100-499人") → itself.</summary>
    public static string? CompanySize(string? cell, IReadOnlyList<string> bands)
    {
        if (Folded(cell) is not { } text) return null;
        var plain = text.Replace(" ", "", StringComparison.Ordinal).Replace("人", "", StringComparison.Ordinal).Replace("约", "", StringComparison.Ordinal)
            .Replace("~", "-", StringComparison.Ordinal).Replace("以上", "+", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (bands.Contains(plain)) return plain;
        if (!int.TryParse(plain, NumberStyles.None, CultureInfo.InvariantCulture, out var people)) return text;
        foreach (var band in bands)
        {
            var parts = band.TrimEnd('+').Split('-');
            var low = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var high = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : int.MaxValue;
            if (people >= low && people <= high) return band;
        }
        return text;
    }

    /// <summary>The cell with full-width characters folded and spaces at the ends trimmed; null when empty.</summary>
    public static string? Folded(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell)) return null;
        var text = cell.Normalize(NormalizationForm.FormKC).Trim();
        return text.Length == 0 ? null : text;
    }

    static bool TryDate(string y, string m, string d, out DateOnly date) =>
        DateOnly.TryParseExact($"{y}-{m.PadLeft(2, '0')}-{d.PadLeft(2, '0')}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?(?:[\sT].*)?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d{8}$")]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"(?:^|[\sT])(?<h>\d{1,2})\s*[:时点]\s*(?<m>\d{1,2})\s*分?(?::\d{1,2})?\s*$")]
    private static partial Regex TimePattern();
}
