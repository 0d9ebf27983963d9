using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// Visits:Cadence:* — days between visits by level (Important, Special, General tiers; Quality, HighValue, Strategic,
/// Group key-account classes). Strategic and Group have no default: the sales manager sets them, else the tier decides.
/// </summary>
public sealed class CadenceOptions
{
    public const string Section = "Visits:Cadence";
    public int Important { get; set; } = CadenceIntervals.Default.Important;
    public int Special { get; set; } = CadenceIntervals.Default.Special;
    public int General { get; set; } = CadenceIntervals.Default.General;
    public int Quality { get; set; } = CadenceIntervals.Default.Quality;
    public int HighValue { get; set; } = CadenceIntervals.Default.HighValue;
    public int? Strategic { get; set; }
    public int? Group { get; set; }

    public CadenceIntervals Intervals => new(Important, Special, General, Quality, HighValue, Strategic, Group);
}

/// <summary>Visits:Cadence:* checked at start: a zero or negative interval would make every file overdue at once.</summary>
public sealed class CadenceOptionsValidation : IValidateOptions<CadenceOptions>
{
    public const int MaxDays = 366;

    public ValidateOptionsResult Validate(string? name, CadenceOptions o)
    {
        var bad = new (string Key, int? Days)[]
            {
                (nameof(o.Important), o.Important), (nameof(o.Special), o.Special), (nameof(o.General), o.General), (nameof(o.Quality), o.Quality),
                (nameof(o.HighValue), o.HighValue), (nameof(o.Strategic), o.Strategic), (nameof(o.Group), o.Group),
            }
            .Where(s => s.Days is { } d && (d < 1 || d > MaxDays))
            .Select(s => $"{CadenceOptions.Section}:{s.Key} '{s.Days}' must be a number of days from 1 to {MaxDays}.")
            .ToList();
        return bad.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(bad);
    }
}
