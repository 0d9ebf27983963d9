using System.Text.Json;
using TeamsCrm.Bot.Domain.Analysis;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Corrections of saved visits. SharePoint has no transaction across items, so the visit item decides: its history is JSON
/// in its Corrections note, and the corrected report and its history are one PATCH with If-Match (all or nothing; of two
/// corrections on one revision the later meets 412 and then the conflict). The follow-up and the customer's last contact
/// (and the visit's monthly rollups) are worked out from the stored visit afterwards, idempotently, and again by every redelivery of the same submission,
/// which completes a correction cut short after its PATCH.
/// </summary>
sealed partial class SharePointVisitLog
{
    const string CorrectionsColumn = "Corrections";
    const int MaxCorrectionAttempts = 8;

    public async Task<Visit?> GetAsync(string customerNumber, string submissionId, CancellationToken ct = default) =>
        (await site.QueryAsync(Visits, ODataFilter.Eq(SharePointLists.CustomerNumber, customerNumber), ct))
            .FirstOrDefault(i => i.Text(SharePointLists.CustomerNumber) == customerNumber && i.Text(VisitItems.SubmissionId) == submissionId) is { } item
            ? VisitItems.Read(item) : null;

    public async Task<IReadOnlyList<VisitCorrection>> HistoryAsync(string customerNumber, string visitId, CancellationToken ct = default) =>
        await VisitItemAsync(customerNumber, visitId, ct) is { } item ? History(item) : [];

    public async Task<VisitCorrected> CorrectOnceAsync(VisitCorrection correction, Visit after, CancellationToken ct = default)
    {
        if (correction.VisitId != after.Id) throw new ArgumentException($"The correction is of {correction.VisitId}, the visit is {after.Id}.", nameof(after));
        for (var attempt = 1; ; attempt++)
        {
            var item = await VisitItemAsync(after.CustomerNumber, after.Id, ct) ?? throw new KeyNotFoundException($"There is no visit {after.Id}.");
            var (stored, history) = (VisitItems.Read(item), History(item));
            if (history.FirstOrDefault(h => h.SubmissionId == correction.SubmissionId) is { } done)
            {
                await DerivedAsync(done, stored, ct);
                LogCorrectedBefore(correction.SubmissionId);
                return new VisitCorrected(stored, Created: false);
            }
            if (stored.Revision != correction.Revision || after.Revision != correction.Revision + 1
                || !string.Equals(stored.RepAadObjectId, after.RepAadObjectId, StringComparison.OrdinalIgnoreCase))
                throw new VisitConflictException(stored);
            try
            {
                await site.UpdateAsync(Visits, item.Id, item.ETag,
                    VisitItems.Corrected(after, JsonSerializer.Serialize<List<VisitCorrection>>([.. history, correction], ItemJson)), ct);
            }
            catch (Exception e) when (SharePointSite.Is(e, 412) && attempt < MaxCorrectionAttempts)
            {
                continue;   // written meanwhile: read again, and it is either this submission (done) or a conflict
            }
            await DerivedAsync(correction, after, ct);
            return new VisitCorrected(after, Created: true);
        }
    }

    /// <summary>The customer's visits are one query on the indexed CustomerNumber; the id is picked out here.</summary>
    async Task<ItemFields?> VisitItemAsync(string customerNumber, string visitId, CancellationToken ct) =>
        (await site.QueryAsync(Visits, ODataFilter.Eq(SharePointLists.CustomerNumber, customerNumber), ct))
            .FirstOrDefault(i => i.Text(SharePointLists.CustomerNumber) == customerNumber && i.Text("Title") == visitId);

    static List<VisitCorrection> History(ItemFields item) =>
        item.Text(CorrectionsColumn) is { } json ? JsonSerializer.Deserialize<List<VisitCorrection>>(json, ItemJson) ?? [] : [];

    /// <summary>What the stored visit drives: its rep's monthly rollups, its follow-up, then the customer's last contact.</summary>
    async Task DerivedAsync(VisitCorrection correction, Visit after, CancellationToken ct)
    {
        await rollups.ApplyAsync(RollupEdit.Corrected(correction, after), ct);
        await FollowUpAsync(after, ct);
        await RecountLastContactAsync(after.CustomerNumber, correction.LeftTime(after), ct);
    }

    /// <summary>The follow-up item (Title = the visit's id) made to match the visit: created, changed, or deleted.</summary>
    async Task FollowUpAsync(Visit visit, CancellationToken ct)
    {
        var wanted = visit.IsWithdrawn ? null : FollowUp.Of(visit);
        var item = (await site.QueryAsync(FollowUps, ODataFilter.Eq("Title", visit.Id), ct, top: 2)).FirstOrDefault(i => i.Text("Title") == visit.Id);
        try
        {
            if (item is null && wanted is not null) await site.CreateAsync(FollowUps, VisitItems.Fields(wanted), ct);
            else if (item is not null && wanted is null) await site.DeleteAsync(FollowUps, item.Id, item.ETag, ct);
            else if (item is not null && wanted is not null && VisitItems.ReadFollowUp(item) != wanted)
                await site.UpdateAsync(FollowUps, item.Id, item.ETag, VisitItems.Fields(wanted), ct);
        }
        catch (Exception e) when (SharePointSite.Is(e, 409) || SharePointSite.Is(e, 404) || SharePointSite.Is(e, 412))
        {
            await FollowUpAsync(visit, ct);   // another delivery of this correction got there first: look again
        }
    }

    /// <summary>
    /// As the SQLite store: the latest visit that still counts becomes the last contact when it is later, or when the stored
    /// last contact was the time this visit left. Read fresh (not from the remembered item): the decision depends on it.
    /// </summary>
    async Task RecountLastContactAsync(string number, DateTimeOffset? left, CancellationToken ct)
    {
        var latest = (await site.QueryAsync(Visits, ODataFilter.Eq(SharePointLists.CustomerNumber, number), ct))
            .Where(i => i.Text(SharePointLists.CustomerNumber) == number).Select(VisitItems.Read).Where(v => !v.IsWithdrawn)
            .Select(v => (DateTimeOffset?)ItemFields.Stored(v.Time)).Max();
        for (var attempt = 1; ; attempt++)
        {
            var customer = await ReadCustomerAsync(number, ct, customers.Get(number)?.Id) ?? throw new KeyNotFoundException($"There is no customer {number}.");
            var stored = customer.LastContactAt;
            var moves = (latest is { } l && (stored is null || stored < l)) || (left is { } gone && stored == ItemFields.Stored(gone) && stored != latest);
            if (!moves) return;
            try
            {
                Saw(number, customer.Id, await site.UpdateAsync(Customers, customer.Id, customer.ETag, ContactFields(latest), ct));
                return;
            }
            catch (Exception e) when (SharePointSite.Is(e, 412) && attempt < MaxContactAttempts) { }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Visit correction {SubmissionId} was stored before; its follow-up and last contact were checked again")]
    partial void LogCorrectedBefore(string submissionId);
}
