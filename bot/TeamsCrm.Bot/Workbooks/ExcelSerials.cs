using System.Globalization;

namespace TeamsCrm.Bot.Workbooks;

/// <summary>
/// Excel's date serials: days since 1899-12-30 (Excel counts a 29 February 1900 that never was, which this base date
/// absorbs for every date after it), the time of day as the fraction.
/// </summary>
public static class ExcelSerials
{
    static readonly DateTime Base = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The last serial Excel shows as a date: 9999-12-31.</summary>
    public const double Max = 2_958_465;

    public static DateTime? ToDateTime(double serial)
    {
        if (double.IsNaN(serial) || serial < 1 || serial >= Max + 1) return null;
        // To the minute: a stored 0.375 is 09:00, not 08:59:59.9999 after the double's rounding.
        return Base.AddMinutes(Math.Round(serial * 24 * 60));
    }

    /// <summary>A date cell as the importer reads it: "yyyy-MM-dd", with " HH:mm" when it holds a time of day.</summary>
    public static string? Text(double serial, bool withTime)
    {
        if (ToDateTime(serial) is not { } t) return null;
        return withTime && t.TimeOfDay != TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
