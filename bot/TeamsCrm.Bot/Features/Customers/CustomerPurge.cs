using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// The end of retention (档案的删除): a deleted file past its PurgeAfter is purged for good — its contacts, documents
/// (archive entries), history, grants and access log removed, its own data blanked. Only its number remains (numbers
/// are never reused), with status <see cref="CustomerStatus.Purged"/>, which no finder, card or command shows.
/// </summary>
public sealed class CustomerPurge(ICrmArchive archive)
{
    /// <returns>The numbers purged now.</returns>
    public async Task<IReadOnlyList<string>> PurgeDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var purged = new List<string>();
        foreach (var file in await archive.Customers.ListDeletedAsync(ct))
        {
            if (!Retention.IsDue(file, now)) continue;
            try
            {
                await archive.Customers.PurgeAsync(file,
                    new ChangeRecord(file.Number, "status", file.Status.ToString(), nameof(CustomerStatus.Purged), Retention.PurgedBy, now, null, null), ct);
                purged.Add(file.Number);
            }
            catch (VersionConflictException)
            {
                // Restored or purged by another run meanwhile: the next run looks again.
            }
        }
        return purged;
    }
}

/// <summary>Runs the purge at start and then every hour, on the app's <see cref="TimeProvider"/>.</summary>
public sealed class CustomerPurgeService(CustomerPurge purge, TimeProvider clock, ILogger<CustomerPurgeService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                if (await purge.PurgeDueAsync(clock.GetUtcNow(), stoppingToken) is { Count: > 0 } numbers)
                    log.LogInformation("Purged {Count} customer files past retention: {Numbers}", numbers.Count, string.Join(", ", numbers));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The purge of deleted customer files failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
