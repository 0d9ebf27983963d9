using System.Globalization;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>How customer values read in the user's language: enums, fields, dates and amounts.</summary>
public static class CustomerText
{
    public static string Of<TEnum>(CultureInfo c, TEnum value) where TEnum : struct, Enum => T.Get(c, $"{typeof(TEnum).Name}.{value}");

    public static IEnumerable<(string Title, string Value)> Choices<TEnum>(CultureInfo c, IEnumerable<TEnum>? only = null) where TEnum : struct, Enum =>
        (only ?? Enum.GetValues<TEnum>()).Select(v => (Of(c, v), v.ToString()));

    public static IEnumerable<(string Title, string Value)> CompanySizes(CultureInfo c) =>
        CustomerBasics.CompanySizes.Select(s => (T.Get(c, "companySize", s), s));

    public static string Field(CultureInfo c, string field) =>
        Targets.TargetEffects.IsTargetField(field) ? T.Get(c, "targets.fieldOf", Targets.TargetEffects.RepNameOf(field)) : T.Get(c, "field." + field);

    /// <summary>A stored field value as a person reads it (category "Regular" → 老客户); "—" for empty.</summary>
    public static string FieldValue(CultureInfo c, string field, string? value) => (field, value) switch
    {
        (_, null or "") => "—",
        _ when Targets.TargetEffects.IsTargetField(field) && Targets.TargetEffects.ParseAmount(value) is { } amount => Money(c, amount),
        ("category", _) when Enum.TryParse<CustomerCategory>(value, out var v) => Of(c, v),
        ("tier", _) when Enum.TryParse<CustomerTier>(value, out var v) => Of(c, v),
        ("companySize", _) => T.Get(c, "companySize", value),
        ("status", _) when Enum.TryParse<CustomerStatus>(value, out var st) => Of(c, st),
        ("approval", _) => T.Get(c, "approvals.event." + value),
        ("accessUntil", _) when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) =>
            until.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        ("keyAccount", _) when Enum.TryParse<KeyAccountClasses>(value, out var k) => k == KeyAccountClasses.None ? Of(c, k)
            : string.Join(", ", Enum.GetValues<KeyAccountClasses>().Where(f => f != KeyAccountClasses.None && k.HasFlag(f)).Select(f => Of(c, f))),
        _ => value,
    };

    /// <summary>A value inside a sentence: “quoted”, or a dash when empty.</summary>
    public static string Quoted(CultureInfo c, string field, string? value) =>
        string.IsNullOrEmpty(value) ? "—" : $"“{FieldValue(c, field, value)}”";

    public static string Money(CultureInfo c, decimal amount) => amount.ToString("N2", c);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
