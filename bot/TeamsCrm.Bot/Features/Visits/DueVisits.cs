using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// Reads a rep's files and applies the configured cadence (Visits:Cadence): what "due visits", the plan's suggestions,
/// the channel's plan reminder and the manager's analysis all ask, one indexed query on the owner per rep.
/// </summary>
public sealed class DueVisits(ICrmArchive archive, IOptions<CadenceOptions> options)
{
    public CadenceIntervals Intervals => options.Value.Intervals;

    /// <summary>The rep's own active files overdue or due within <paramref name="withinDays"/> of <paramref name="today"/>, most overdue first.</summary>
    public async Task<IReadOnlyList<DueCustomer>> OfRepAsync(string repAadObjectId, DateOnly today, TimeZoneInfo zone, CancellationToken ct,
        int withinDays = VisitCadence.SoonDays) =>
        VisitCadence.Due(await archive.Customers.ListByOwnerAsync(repAadObjectId, ct), Intervals, today, zone, withinDays);

    /// <summary>Each rep's files overdue or due within <paramref name="withinDays"/>, as <see cref="OfRepAsync"/>, read a batch of owners at a time.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DueCustomer>>> OfRepsAsync(IReadOnlyList<string> repAadObjectIds, DateOnly today,
        TimeZoneInfo zone, int withinDays, CancellationToken ct)
    {
        var due = new Dictionary<string, IReadOnlyList<DueCustomer>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (owner, files) in await archive.Customers.ListByOwnersAsync(repAadObjectIds, ct))
            due[owner] = VisitCadence.Due(files, Intervals, today, zone, withinDays);
        return due;
    }

    /// <summary>How many of each rep's active key accounts are overdue, read with one query per batch of owners.</summary>
    public async Task<IReadOnlyDictionary<string, int>> OverdueKeyAccountsAsync(IReadOnlyList<string> repAadObjectIds, DateOnly today, TimeZoneInfo zone,
        CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (owner, files) in await archive.Customers.ListByOwnersAsync(repAadObjectIds, ct))
            counts[owner] = VisitCadence.OverdueKeyAccounts(files, Intervals, today, zone);
        return counts;
    }
}
