using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Domain.Targets;

/// <summary>
/// A month's sales targets (销售指标), one amount per rep, kept as one record: a director's form sets several reps at
/// once, and one record means one write, so a save that fails half way leaves the month as it was (SharePoint has no
/// transaction across items). Money is exact (decimal). Reps are keyed by Entra object id, compared without case.
/// </summary>
public sealed record TargetSheet
{
    public required YearMonth Month { get; init; }
    public required IReadOnlyDictionary<string, decimal> Amounts { get; init; }
    public required string SetByAadObjectId { get; init; }
    public required DateTimeOffset SetAt { get; init; }
    /// <summary>The approval that brought the last change in, when it came through one.</summary>
    public string? ApprovalId { get; init; }
    /// <summary>Optimistic concurrency token; "" for a month with no sheet stored yet.</summary>
    public string Version { get; init; } = "";

    public decimal? TargetOf(string repAadObjectId) => Amounts.TryGetValue(repAadObjectId, out var a) ? a : null;

    public static TargetSheet Empty(YearMonth month) => new()
    {
        Month = month, Amounts = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase), SetByAadObjectId = "", SetAt = default,
    };

    /// <summary>This sheet with <paramref name="changes"/> applied (a null amount removes the rep's target).</summary>
    public TargetSheet With(IEnumerable<KeyValuePair<string, decimal?>> changes, string by, DateTimeOffset at, string? approvalId)
    {
        var amounts = new Dictionary<string, decimal>(Amounts, StringComparer.OrdinalIgnoreCase);
        foreach (var (rep, amount) in changes)
            if (amount is { } a) amounts[rep] = a;
            else amounts.Remove(rep);
        return this with { Amounts = amounts, SetByAadObjectId = by, SetAt = at, ApprovalId = approvalId };
    }
}
