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

    /// <summary>
    /// What is left of a purged file: its number (numbers are never reused; it stands in for the name too), kind, owner,
    /// dates and status — no name, no contact data, no intelligence. Everything filed under it goes with it (<c>ICustomerFiles.PurgeAsync</c>).
    /// </summary>
    public static Customer Purge(Customer c) => new()
    {
        Number = c.Number, Kind = c.Kind, Name = c.Number, OwnerAadObjectId = c.OwnerAadObjectId, Status = CustomerStatus.Purged,
        CreatedAt = c.CreatedAt, UpdatedAt = c.UpdatedAt, DeletedAt = c.DeletedAt, PurgeAfter = c.PurgeAfter, Version = c.Version,
    };

    public static bool IsDue(Customer c, DateTimeOffset now) => c.Status == CustomerStatus.Deleted && c.PurgeAfter is { } until && now >= until;
}
