using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Analysis;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Purging a file for good: first everything filed under it goes (each list queried on its indexed CustomerNumber,
/// the items deleted in $batches of 20 with their eTags; the sales out of the owner's monthly rollups first), then the customer item is saved as what
/// <see cref="Retention.Purge"/> leaves, with the purge's record — an update like any other, guarded by the version.
/// In that order a purge that stops half-way leaves a file still deleted and due, which the next run purges again;
/// the other order could leave documents under a file nothing would look at again.
/// </summary>
sealed partial class SharePointCustomerFiles
{
    static readonly ListDef[] FiledUnder =
        [SharePointLists.Contacts, SharePointLists.ArchiveEntries, SharePointLists.ChangeRecords, SharePointLists.AccessGrants, SharePointLists.AccessLog];

    public async Task<Customer> PurgeAsync(Customer due, ChangeRecord purged, CancellationToken ct = default)
    {
        if (await GetAsync(due.Number, ct) is not { } stored) throw new KeyNotFoundException($"There is no customer {due.Number}.");
        if (stored.Version != due.Version) throw new VersionConflictException(stored);
        foreach (var list in FiledUnder)
        {
            var items = await site.ItemsAsync(list, ct);
            var found = await site.QueryAsync(list, ODataFilter.Eq(SharePointLists.CustomerNumber, due.Number), ct);
            // The sales leave the owner's rollups before the entries go: a purge cut short in between finds them again.
            if (list == SharePointLists.ArchiveEntries)
                await rollups.ApplyAsync(found.Where(i => i.Text(SharePointLists.CustomerNumber) == due.Number).Select(ReadEntry)
                    .Where(e => RollupEdit.SaleOf(e) is not null).Select(e => RollupEdit.NoSale(stored.OwnerAadObjectId, e)), ct);
            foreach (var chunk in found.Where(i => i.Text(SharePointLists.CustomerNumber) == due.Number).Chunk(GraphBatch.MaxSteps))
            {
                var answers = await batch.SendAsync([.. chunk.Select(i => SharePointSite.DeleteRequest(items, i.Id, i.ETag))], ct);
                // 404: gone already (a run before this one got that far).
                if (answers.FirstOrDefault(a => !a.IsSuccess && a.Status != 404) is { } failed) throw failed.Error();
            }
        }
        return await UpdateAsync(Retention.Purge(stored), [purged], ct);
    }
}
