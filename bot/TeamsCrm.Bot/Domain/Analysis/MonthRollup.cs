using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Domain.Analysis;

/// <summary>A sale as a rollup keeps it: the customer it was signed with and its amount.</summary>
public sealed record RolledSale(string CustomerNumber, decimal Amount);

/// <summary>
/// What the analysis and the team score need of one rep's month, kept as the archive is written so that they read a few
/// rollups instead of every customer's contracts: the sales (contracts and orders with an amount, dated in the month) of
/// the customers the rep owns, and the rep's unsuccessful visits (day in the month) with their reasons. Both are kept by
/// the id of the entry or visit they come from, not as running sums: writing the same entry or visit again (a redelivery,
/// a retry after a conflict, a rebuild) changes nothing, and a correction that moves a visit is a remove and a set.
/// </summary>
public sealed record MonthRollup(string RepAadObjectId, YearMonth Month)
{
    /// <summary>Entry id → the sale.</summary>
    public IReadOnlyDictionary<string, RolledSale> Sales { get; init; } = new Dictionary<string, RolledSale>(StringComparer.Ordinal);
    /// <summary>Visit id → why it failed.</summary>
    public IReadOnlyDictionary<string, UnsuccessfulReason> Unsuccessful { get; init; } = new Dictionary<string, UnsuccessfulReason>(StringComparer.Ordinal);

    public decimal SalesTotal => Sales.Values.Sum(s => s.Amount);

    public bool IsEmpty => Sales.Count == 0 && Unsuccessful.Count == 0;

    /// <summary>The same figures, whatever order they were written in.</summary>
    public bool SameAs(MonthRollup other) =>
        string.Equals(RepAadObjectId, other.RepAadObjectId, StringComparison.OrdinalIgnoreCase) && Month == other.Month &&
        Sales.Count == other.Sales.Count && Sales.All(s => other.Sales.TryGetValue(s.Key, out var o) && o == s.Value) &&
        Unsuccessful.Count == other.Unsuccessful.Count && Unsuccessful.All(u => other.Unsuccessful.TryGetValue(u.Key, out var o) && o == u.Value);

    public MonthRollup WithSale(string entryId, RolledSale? sale) => this with { Sales = Set(Sales, entryId, sale) };

    public MonthRollup WithVisit(string visitId, UnsuccessfulReason? reason) => this with { Unsuccessful = SetValue(Unsuccessful, visitId, reason) };

    static Dictionary<string, T> Set<T>(IReadOnlyDictionary<string, T> map, string key, T? value) where T : class
    {
        var copy = new Dictionary<string, T>(map, StringComparer.Ordinal);
        if (value is null) copy.Remove(key);
        else copy[key] = value;
        return copy;
    }

    static Dictionary<string, T> SetValue<T>(IReadOnlyDictionary<string, T> map, string key, T? value) where T : struct
    {
        var copy = new Dictionary<string, T>(map, StringComparer.Ordinal);
        if (value is { } v) copy[key] = v;
        else copy.Remove(key);
        return copy;
    }
}

/// <summary>
/// One change to one rep's month: set (or, with null, remove) one entry's sale or one visit's reason. Idempotent by
/// design: applying it twice is applying it once.
/// </summary>
public sealed record RollupEdit(string RepAadObjectId, YearMonth Month, Func<MonthRollup, MonthRollup> Apply)
{
    /// <summary>"{rep}|2026-11", the rep in lower case: one rollup per rep and month.</summary>
    public string Key => RollupKeys.Of(RepAadObjectId, Month);

    /// <summary>The entry's sale in its customer owner's month (nothing when the entry is not a sale).</summary>
    public static RollupEdit Sale(string ownerAadObjectId, ArchiveEntry entry) =>
        new(ownerAadObjectId, YearMonth.Of(entry.Date), r => r.WithSale(entry.Id, SaleOf(entry)));

    /// <summary>The entry taken out of its customer owner's month (the file was purged).</summary>
    public static RollupEdit NoSale(string ownerAadObjectId, ArchiveEntry entry) =>
        new(ownerAadObjectId, YearMonth.Of(entry.Date), r => r.WithSale(entry.Id, null));

    /// <summary>The visit as it is now in its rep's month: counted when unsuccessful and not withdrawn, taken out otherwise.</summary>
    public static RollupEdit Visit(Visit v) => new(v.RepAadObjectId, YearMonth.Of(v.LocalDate), r => r.WithVisit(v.Id, ReasonOf(v)));

    /// <summary>
    /// What a correction changes (the rep never changes): the visit out of the month its old time was in, when the time
    /// moved to another month, then in its month as it is now (out, when it succeeded after all or was withdrawn).
    /// </summary>
    public static IReadOnlyList<RollupEdit> Corrected(VisitCorrection correction, Visit after)
    {
        var month = YearMonth.Of(after.LocalDate);
        var left = correction.LeftTime(after) is { } time
            ? YearMonth.Of(LocalCalendar.DateOf(time, TimeZoneInfo.FindSystemTimeZoneById(after.TimeZoneId))) : month;
        return left == month ? [Visit(after)] : [new(after.RepAadObjectId, left, r => r.WithVisit(after.Id, null)), Visit(after)];
    }

    public static RolledSale? SaleOf(ArchiveEntry e) => SalesActuals.IsSale(e) ? new RolledSale(e.CustomerNumber, e.Amount!.Value) : null;

    /// <summary>As <see cref="UnsuccessfulVisits"/> counts it: a record without a reason counts as Other.</summary>
    public static UnsuccessfulReason? ReasonOf(Visit v) =>
        v.IsWithdrawn || v.Result != VisitResult.NotYet ? null : v.Reason ?? UnsuccessfulReason.Other;
}

public static class RollupKeys
{
    public static string Of(string repAadObjectId, YearMonth month) => $"{RepPrefix(repAadObjectId)}{month}";

    /// <summary>What every key of the rep starts with.</summary>
    public static string RepPrefix(string repAadObjectId) => repAadObjectId.ToLowerInvariant() + "|";
}

/// <summary>Rollups computed from the records themselves: the rebuild, the embedded store, and the tests' yardstick.</summary>
public static class MonthRollups
{
    /// <param name="sales">Entries of the customers each owner owns: (owner, entry).</param>
    /// <param name="visits">Visits as stored (withdrawn and successful ones are left out here).</param>
    public static IReadOnlyList<MonthRollup> From(IEnumerable<(string Owner, ArchiveEntry Entry)> sales, IEnumerable<Visit> visits)
    {
        var edits = sales.Where(s => SalesActuals.IsSale(s.Entry)).Select(s => RollupEdit.Sale(s.Owner, s.Entry))
            .Concat(visits.Where(v => RollupEdit.ReasonOf(v) is not null).Select(RollupEdit.Visit));
        return [.. edits.GroupBy(e => e.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate(new MonthRollup(g.First().RepAadObjectId, g.First().Month), (r, e) => e.Apply(r)))
            .OrderBy(r => r.RepAadObjectId, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Month.Year).ThenBy(r => r.Month.Month)];
    }

    /// <summary>The sales total per rep (the team score's actual), over the rollups given.</summary>
    public static IReadOnlyDictionary<string, decimal> SalesByRep(IEnumerable<MonthRollup> rollups) =>
        rollups.GroupBy(r => r.RepAadObjectId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.SalesTotal), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every amount signed per customer, over the rollups given (the key-account classes need them all).</summary>
    public static ILookup<string, decimal> SalesByCustomer(IEnumerable<MonthRollup> rollups) =>
        rollups.SelectMany(r => r.Sales.Values).ToLookup(s => s.CustomerNumber, s => s.Amount, StringComparer.Ordinal);

    /// <summary>Unsuccessful visits per reason in the month, over everyone's rollups given.</summary>
    public static IReadOnlyDictionary<UnsuccessfulReason, int> Reasons(YearMonth month, IEnumerable<MonthRollup> rollups) =>
        rollups.Where(r => r.Month == month).SelectMany(r => r.Unsuccessful.Values).GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
}
