using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>Visits:* settings.</summary>
public sealed class VisitOptions
{
    public const string Section = "Visits";
    /// <summary>
    /// How long after saving a report its rep may correct or withdraw it themselves; after that only a leader of the rep can
    /// (the rep's direct leader, the sales manager), so that what was reported for a closed week or month stays put.
    /// </summary>
    public TimeSpan CorrectionWindow { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>Visits:* checked at start: a zero or negative window would refuse every rep's correction without a word why.</summary>
public sealed class VisitOptionsValidation : IValidateOptions<VisitOptions>
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    public ValidateOptionsResult Validate(string? name, VisitOptions o) =>
        o.CorrectionWindow <= TimeSpan.Zero || o.CorrectionWindow > MaxWindow
            ? ValidateOptionsResult.Fail($"Visits:CorrectionWindow '{o.CorrectionWindow}' must be positive and at most {MaxWindow.TotalDays} days (e.g. \"7.00:00:00\").")
            : ValidateOptionsResult.Success;
}
