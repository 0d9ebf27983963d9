using System.Globalization;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>Reminders:* checked at start: a wrong zone or time would otherwise silently move or switch off reminders.</summary>
public sealed class ReminderOptionsValidation : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions o)
    {
        var problems = new List<string>();
        if (LocalCalendar.FindZone(o.TimeZone) is null)
            problems.Add($"Reminders:TimeZone '{o.TimeZone}' is not an IANA time zone (e.g. Asia/Shanghai).");
        if (!IsLanguage(o.Locale))
            problems.Add($"Reminders:Locale '{o.Locale}' is not a language the bot speaks (en-US or zh-CN).");
        foreach (var (kind, at) in o.Personal)
        {
            if (!ReminderKinds.Personal.Any(k => k.ToString().Equals(kind, StringComparison.OrdinalIgnoreCase)))
                problems.Add($"Reminders:Personal:{kind} is not a personal reminder ({string.Join(", ", ReminderKinds.Personal)}).");
            else if (!at.Equals("off", StringComparison.OrdinalIgnoreCase)
                && !TimeOnly.TryParseExact(at, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                problems.Add($"Reminders:Personal:{kind} '{at}' must be a local time (HH:mm, e.g. 08:30) or 'off'.");
        }
        if (o.ScanInterval <= TimeSpan.Zero || o.ScanInterval > TimeSpan.FromHours(1))
            problems.Add($"Reminders:ScanInterval '{o.ScanInterval}' must be positive and at most an hour.");
        if (o.Lease < TimeSpan.FromMinutes(1) || o.Lease > TimeSpan.FromHours(12))
            problems.Add($"Reminders:Lease '{o.Lease}' must be between a minute and 12 hours.");
        if (o.LookBack < TimeSpan.Zero || o.LookBack > TimeSpan.FromDays(31))
            problems.Add($"Reminders:LookBack '{o.LookBack}' must be between 0 and 31 days.");
        if (o.StaleDays < 1)
            problems.Add($"Reminders:StaleDays '{o.StaleDays}' must be at least 1.");
        if (o.Parallelism is < 1 or > 64)
            problems.Add($"Reminders:Parallelism '{o.Parallelism}' must be between 1 and 64.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    static bool IsLanguage(string? locale) =>
        locale is { Length: > 0 } && (locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
}
