using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Domain.Analysis;

/// <summary>One figure of a breakdown: a key (an enum name, a region as typed, "" for none given) and a count.</summary>
public sealed record Share(string Key, int Count);

/// <summary>
/// The consumption analysis of DOMAIN.md ("customer composition") and the file review (动态管理): what the live files
/// are made of, which are key accounts by their contract records, why visits failed month by month, and which files
/// nobody has updated or reviewed for 60 days. Plain functions over what the archive returned.
/// </summary>
public static class CustomerAnalysis
{
    /// <summary>DOMAIN.md: files are reviewed every two months; one untouched for longer is stale.</summary>
    public const int StaleDays = 60;

    /// <summary>Only files that are in use count: pending and active (deleted and purged ones are not customers now).</summary>
    public static IEnumerable<Customer> Live(IEnumerable<Customer> customers) =>
        customers.Where(c => c.Status is CustomerStatus.Pending or CustomerStatus.Active);

    /// <summary>Counts per value, largest first, then by key; "" collects the files where the field is empty.</summary>
    public static IReadOnlyList<Share> By(IEnumerable<Customer> customers, Func<Customer, string?> key) =>
        [.. customers.GroupBy(c => (key(c) ?? "").Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new Share(g.Key, g.Count())).OrderByDescending(s => s.Count).ThenBy(s => s.Key, StringComparer.Ordinal)];

    /// <summary>
    /// 大客户 classes recomputed from each file's contracts and orders (<see cref="KeyAccountRules"/>; group and strategic as a
    /// manager set them): how many files hold each class. Referrals are not recorded, so quality comes from contracts only.
    /// </summary>
    /// <param name="signed">Customer number → the amounts of its signed contracts and orders (<see cref="MonthRollups.SalesByCustomer"/>).</param>
    public static IReadOnlyList<Share> KeyAccounts(IEnumerable<Customer> customers, ILookup<string, decimal> signed)
    {
        var classes = customers.Select(c => KeyAccountRules.ClassifySigned(c.KeyAccount, c.Credit, signed[c.Number], referredACustomerWhoSigned: false)).ToList();
        return [.. Enum.GetValues<KeyAccountClasses>().Where(k => k != KeyAccountClasses.None)
            .Select(k => new Share(k.ToString(), classes.Count(c => c.HasFlag(k))))];
    }

    /// <summary>Unsuccessful visits per month and reason, for the months given (oldest first), from everyone's rollups.</summary>
    public static IReadOnlyList<(YearMonth Month, IReadOnlyDictionary<UnsuccessfulReason, int> Reasons)> ReasonsByMonth(
        IReadOnlyList<YearMonth> months, IReadOnlyList<MonthRollup> rollups) =>
        [.. months.Select(m => (m, MonthRollups.Reasons(m, rollups)))];

    /// <summary>The last time anyone touched the file: its last update or its last full review, whichever is later.</summary>
    public static DateTimeOffset LastTouched(Customer c) => c.LastReviewedAt is { } r && r > c.UpdatedAt ? r : c.UpdatedAt;

    /// <summary>No update and no review in <see cref="StaleDays"/> days; the longest untouched first.</summary>
    public static IReadOnlyList<Customer> Stale(IEnumerable<Customer> customers, DateTimeOffset now) =>
        [.. customers.Where(c => now - LastTouched(c) > TimeSpan.FromDays(StaleDays)).OrderBy(LastTouched).ThenBy(c => c.Number, StringComparer.Ordinal)];

    /// <summary>The month of <paramref name="today"/> and the <paramref name="count"/> − 1 before it, oldest first.</summary>
    public static IReadOnlyList<YearMonth> MonthsUpTo(DateOnly today, int count) =>
        [.. Enumerable.Range(0, count).Select(i => YearMonth.Of(today.AddMonths(i - count + 1)))];
}
