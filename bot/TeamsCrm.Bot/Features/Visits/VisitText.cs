using System.Globalization;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>How visit values read in the user's language: purposes, methods, results, reasons, days and times.</summary>
public static class VisitText
{
    public static string Of<TEnum>(CultureInfo c, TEnum value) where TEnum : struct, Enum => CustomerText.Of(c, value);

    public static IEnumerable<(string Title, string Value)> Choices<TEnum>(CultureInfo c) where TEnum : struct, Enum => CustomerText.Choices<TEnum>(c);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"Wed 18 Nov 2026" / "2026年11月18日 周三".</summary>
    public static string Day(CultureInfo c, DateOnly date) => T.Get(c, "visits.day", date.ToDateTime(TimeOnly.MinValue), Weekday(c, date));

    public static string Weekday(CultureInfo c, DateOnly date) => T.Get(c, "weekday." + LocalCalendar.IsoDayOfWeek(date));

    /// <summary>The visit's time where it was logged: "2026-11-18 10:15".</summary>
    public static string When(Visit v) => LocalTime(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Just the hour: "10:15".</summary>
    public static string Clock(Visit v) => LocalTime(v).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Money(CultureInfo c, decimal amount) => CustomerText.Money(c, amount);

    public static string Result(CultureInfo c, Visit v) => v.Result == VisitResult.Successful || v.Reason is not { } reason
        ? Of(c, v.Result)
        : T.Get(c, "visits.notYetBecause", Of(c, v.Result), Of(c, reason));

    /// <summary>"Send the quote (2026-11-20)", or a dash.</summary>
    public static string NextStep(Visit v) => v.NextAction is null ? "—"
        : v.NextActionDate is { } due ? $"{v.NextAction} ({Date(due)})" : v.NextAction;

    public static string Shorten(string text, int max) => CustomerText.Shorten(text, max);

    static DateTimeOffset LocalTime(Visit v) =>
        LocalCalendar.FindZone(v.TimeZoneId) is { } zone ? TimeZoneInfo.ConvertTime(v.Time, zone) : v.Time;
}
