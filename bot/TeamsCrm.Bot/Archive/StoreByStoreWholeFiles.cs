using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Archive;

/// <summary>
/// The whole file store by store, for an archive whose reads cost no round trips (SQLite): the file first, so that a read of no
/// file logs nothing.
/// </summary>
public sealed class StoreByStoreWholeFiles(ICrmArchive archive) : IWholeFiles
{
    public async Task<WholeFile?> ReadAsync(string number, int latestVisits, AccessLogEntry? read = null, CancellationToken ct = default)
    {
        if (await archive.Customers.GetFileAsync(number, ct) is not { } file) return null;
        if (read is not null) await archive.Customers.LogAccessAsync(read, ct);
        return new WholeFile(file, await archive.Visits.ForCustomerAsync(number, latestVisits, ct), await archive.Approvals.ForSubjectAsync(number, ct),
            await archive.Documents.ForCustomerAsync(number, ct));
    }
}
