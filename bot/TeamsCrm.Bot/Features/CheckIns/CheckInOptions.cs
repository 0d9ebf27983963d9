using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Features.CheckIns;

/// <summary>The "CheckIn" configuration section: how close is at the customer, how exact a device must be.</summary>
public sealed class CheckInOptions
{
    public const string Section = "CheckIn";

    /// <summary>A check-in farther than this (metres) from the customer's location is flagged.</summary>
    public double Radius { get; set; } = 500;
    /// <summary>A device less exact than this (metres) is flagged, and cannot give a customer its location.</summary>
    public double PoorAccuracy { get; set; } = 150;
    /// <summary>A device less exact than this (metres) is refused: it does not know where it is.</summary>
    public double MaxAccuracy { get; set; } = 2_000;
    /// <summary>
    /// How long the dialog's signed link works: long enough to check out at the end of a visit on the page that checked in,
    /// short enough that a link found later is useless.
    /// </summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(3);
}

public sealed class CheckInOptionsValidation : IValidateOptions<CheckInOptions>
{
    public ValidateOptionsResult Validate(string? name, CheckInOptions o)
    {
        var problems = new List<string>();
        if (o.Radius is < 10 or > 100_000) problems.Add("CheckIn:Radius must be between 10 and 100,000 metres.");
        if (o.PoorAccuracy is < 1 or > 100_000) problems.Add("CheckIn:PoorAccuracy must be between 1 and 100,000 metres.");
        if (o.MaxAccuracy < o.PoorAccuracy || o.MaxAccuracy > 1_000_000) problems.Add("CheckIn:MaxAccuracy must be at least CheckIn:PoorAccuracy and at most 1,000,000 metres.");
        if (o.LinkLifetime < TimeSpan.FromMinutes(5) || o.LinkLifetime > TimeSpan.FromHours(12)) problems.Add("CheckIn:LinkLifetime must be between 00:05:00 and 12:00:00.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
