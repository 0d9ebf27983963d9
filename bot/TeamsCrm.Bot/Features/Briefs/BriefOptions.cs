using System.Globalization;
using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Features.Briefs;

/// <summary>The "Brief" configuration section: the morning brief's default time and what it reads.</summary>
public sealed class BriefOptions
{
    public const string Section = "Brief";

    /// <summary>When a rep who chose nothing gets the brief, in their own zone ("HH:mm", or "off" for nobody by default).</summary>
    public string DefaultTime { get; set; } = "07:30";
    /// <summary>Days a debt may stay unpaid before it is overdue (the payment term when a file names none in days).</summary>
    public int PaymentTermDays { get; set; } = 30;
    /// <summary>Planned visits one brief shows (a card has a size limit; more are opened one by one with <c>brief C-…</c>).</summary>
    public int MaxVisits { get; set; } = 10;

    /// <summary>When a person's brief comes: the time they chose, none when they chose off, the default when they chose nothing.</summary>
    public TimeOnly? TimeFor(string? choice) => BriefTimes.Parse(choice ?? DefaultTime);
}

/// <summary>"07:30", "7:30", "off": a person's or the default brief time.</summary>
public static class BriefTimes
{
    public const string Off = "off";

    /// <summary>The time, or null for off or anything that is no time.</summary>
    public static TimeOnly? Parse(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    public static string Format(TimeOnly at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);
}

public sealed class BriefOptionsValidation : IValidateOptions<BriefOptions>
{
    public ValidateOptionsResult Validate(string? name, BriefOptions o)
    {
        var problems = new List<string>();
        if (BriefTimes.Parse(o.DefaultTime) is null && !string.Equals(o.DefaultTime, BriefTimes.Off, StringComparison.OrdinalIgnoreCase))
            problems.Add($"Brief:DefaultTime '{o.DefaultTime}' must be a time (HH:mm) or 'off'.");
        if (o.PaymentTermDays is < 0 or > 3650) problems.Add("Brief:PaymentTermDays must be between 0 and 3650.");
        if (o.MaxVisits is < 1 or > 20) problems.Add("Brief:MaxVisits must be between 1 and 20.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
