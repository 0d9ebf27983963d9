using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive;

/// <summary>
/// Check-ins at customers' sites. Queried by the rep's local day (a team's day: one indexed column, the team kept in code)
/// and by customer (its location is its owner's first exact check-in). Times are kept to whole seconds.
/// </summary>
public interface ICheckInLog
{
    /// <summary>Stores the check-in once per <see cref="CheckIn.Id"/>: a second call with the same id stores nothing and returns the first.</summary>
    Task<CheckIn> AddOnceAsync(CheckIn checkIn, CancellationToken ct = default);

    Task<CheckIn?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>
    /// Records when the rep left: the first check-out counts, a later one returns the check-in as stored. Null when there is
    /// no such check-in.
    /// </summary>
    Task<CheckIn?> CheckOutAsync(string id, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>The reps' check-ins of a local day, in time order.</summary>
    Task<IReadOnlyList<CheckIn>> ForDayAsync(IReadOnlyCollection<string> repAadObjectIds, DateOnly day, CancellationToken ct = default);

    /// <summary>A customer's check-ins, oldest first.</summary>
    Task<IReadOnlyList<CheckIn>> ForCustomerAsync(string customerNumber, CancellationToken ct = default);
}
