using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// The end of retention (档案的删除): a deleted file past its PurgeAfter is purged for good — its documents (the files in
/// its folder), contacts, archive entries, history, grants and access log removed, its own data blanked. Only its number remains (numbers
/// are never reused), with status <see cref="CustomerStatus.Purged"/>, which no finder, card or command shows.
/// </summary>
public sealed class CustomerPurge(ICrmArchive archive, IOptions<DocumentLimits> documents)
{
    /// <returns>The numbers purged now.</returns>
    public async Task<IReadOnlyList<string>> PurgeDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        // Files received in a chat and never filed: the inbox is not an archive.
        foreach (var unfiled in await archive.Documents.UnfiledBeforeAsync(now - documents.Value.InboxLifetime, ct))
            await archive.Documents.DeleteAsync(unfiled, ct);
        var purged = new List<string>();
        foreach (var file in await archive.Customers.ListDeletedAsync(ct))
        {
            if (!Retention.IsDue(file, now)) continue;
            try
            {
                // Its documents first: a file past its retention cannot be restored any more, and a run cut short after this
                // finds the file still due and purges it then (the documents' purge is done, and harmless again).
                await archive.Documents.PurgeCustomerAsync(file.Number, ct);
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
