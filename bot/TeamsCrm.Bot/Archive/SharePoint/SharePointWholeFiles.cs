using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// The whole file in one round trip: one $batch of the file's four queries (<see cref="SharePointCustomerFiles.FileQueriesAsync"/>), the
/// customer's visits, the requests about it and its documents — each on one indexed column (Number, CustomerNumber, Subject) — and
/// the access log's new item beside them. A list with more than 5,000 of the customer's items costs one call per further page.
/// </summary>
sealed class SharePointWholeFiles(SharePointSite site, GraphBatch batch, SharePointCustomerFiles files, SharePointApprovalStore approvals,
    SharePointDocumentStore documents) : IWholeFiles
{
    public async Task<WholeFile?> ReadAsync(string number, int latestVisits, AccessLogEntry? read = null, CancellationToken ct = default)
    {
        var file = await files.FileQueriesAsync(number, ct);
        BatchQuery[] more =
        [
            new(await site.ItemsAsync(SharePointLists.Visits, ct), ODataFilter.Eq(SharePointLists.CustomerNumber, number)),
            new(await site.ItemsAsync(SharePointLists.Approvals, ct), SharePointApprovalStore.SubjectFilter(number)),
            new(await site.ItemsAsync(SharePointLists.Documents, ct), ODataFilter.Eq(SharePointLists.CustomerNumber, number)),
        ];
        var requests = file.Concat(more).Select(q => q.Request()).ToList();
        if (read is not null) requests.Add(SharePointSite.CreateRequest(await site.ItemsAsync(SharePointLists.AccessLog, ct), SharePointCustomerFiles.LogFields(read)));
        var answers = await batch.SendAsync(requests, ct);
        if (read is not null && !answers[^1].IsSuccess) throw answers[^1].Error();   // a read that cannot be logged is not shown

        if (await files.ReadFileAsync(number, file, answers[..file.Length], ct) is not { } whole) return null;
        var at = file.Length;
        var visits = SharePointVisitLog.LatestOf(await more[0].ReadAsync(site, answers[at], ct), number, latestVisits);
        var requested = approvals.AboutSubject(await more[1].ReadAsync(site, answers[at + 1], ct), number);
        var filed = documents.OfCustomer(await more[2].ReadAsync(site, answers[at + 2], ct), number);
        return new WholeFile(whole, visits, requested, filed);
    }
}
