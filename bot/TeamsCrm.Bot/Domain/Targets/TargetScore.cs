namespace TeamsCrm.Bot.Domain.Targets;

/// <summary>A rep's month against target: the figures and the score (null when the rep has no target).</summary>
public sealed record ScoreLine(string RepAadObjectId, string RepName, decimal? Target, decimal Actual, decimal? Percent, int? Score);

/// <summary>
/// DOMAIN.md, "Sales targets": 100 % of target scores 100; each FULL 5 % below subtracts 1 point, each FULL 5 % above
/// adds 1 point. A part of 5 % counts nothing, in either direction (the steps are cut toward 100 %, never rounded):
/// 95 % → 99, 94.9 % → 99, 90 % → 98, 95.1 % → 100, 104.9 % → 100, 105 % → 101, 0 % → 80.
/// A target of 0 (or none) has no score: any sale would be "infinitely" above it, and a rep without a target is not
/// measured; such a rep is shown with "—" and ranked after everyone who has a score.
/// </summary>
public static class TargetScore
{
    public const int AtTarget = 100;
    public const decimal Step = 0.05m;

    public static int? Score(decimal target, decimal actual)
    {
        if (target <= 0) return null;
        var steps = decimal.Truncate((actual / target - 1m) / Step);   // toward zero: only whole steps count
        return AtTarget + (int)steps;
    }

    /// <summary>
    /// The percentage as shown, cut (not rounded) to one decimal, so that a figure that did not reach a step never
    /// shows as if it had (104.96 % shows 104.9 %, which scores 100, not 105.0 %).
    /// </summary>
    public static decimal? Percent(decimal target, decimal actual) =>
        target <= 0 ? null : decimal.Truncate(actual / target * 1000m) / 10m;

    public static ScoreLine Line(string rep, string name, decimal? target, decimal actual) =>
        new(rep, name, target, actual, target is { } t ? Percent(t, actual) : null, target is { } u ? Score(u, actual) : null);

    /// <summary>Best score first; equal scores by higher actual, then by name; reps without a score last.</summary>
    public static IReadOnlyList<ScoreLine> Ranked(IEnumerable<ScoreLine> lines) =>
        [.. lines.OrderBy(l => l.Score is null).ThenByDescending(l => l.Score).ThenByDescending(l => l.Actual)
            .ThenBy(l => l.RepName, StringComparer.Ordinal)];
}
