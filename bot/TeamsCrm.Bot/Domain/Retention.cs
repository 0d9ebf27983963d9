namespace TeamsCrm.Bot.Domain;

/// <summary>
/// 档案的删除: an approved deletion keeps the file for one month (30 days), during which its owner or a sales
/// manager may restore it; after that it is purged for good and no longer shown anywhere.
/// </summary>
public static class Retention
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(30);

    /// <summary>Whose name the purge's change records carry: no person purges, the retention rule does.</summary>
    public const string PurgedBy = "TeamsCrm";

    public static Customer Delete(Customer c, DateTimeOffset now) =>
        c with { Status = CustomerStatus.Deleted, DeletedAt = now, PurgeAfter = now + Period };

    public static bool MayRestore(Customer c, DateTimeOffset now) => c.Status == CustomerStatus.Deleted && c.PurgeAfter is { } until && now < until;

    public static Customer Restore(Customer c) => c with { Status = CustomerStatus.Active, DeletedAt = null, PurgeAfter = null };

    public static bool IsDue(Customer c, DateTimeOffset now) => c.Status == CustomerStatus.Deleted && c.PurgeAfter is { } until && now >= until;
}
