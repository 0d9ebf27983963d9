using Microsoft.Kiota.Abstractions;
using TeamsCrm.Bot.Domain.Analysis;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Saving a visit. SharePoint has no transaction across items, so the visit item decides (its SubmissionId is unique)
/// and the other two writes are idempotent:
/// <list type="number">
/// <item>The customer's item as last seen (<see cref="CustomerItems"/>): after the customer was opened — the save's access
///   check reads it — this costs nothing; otherwise one $batch reads the customer and looks for the submission.</item>
/// <item>One ordered $batch: create the visit; create its follow-up (Title = the visit's id, unique); an unsuccessful visit's
///   reason into its rep's monthly rollup (If-Match; <see cref="SharePointMonthlyRollups"/>); PATCH the customer's
///   LastContactAt with If-Match, only when the visit is later. The customer's EditVersion is not touched, so an edit
///   form opened meanwhile still saves (its write meets a new eTag, reads the file and finds no edit between).</item>
/// <item>A 409 on the visit: the submission was stored before. The stored visit is read and its follow-up and last
///   contact are applied again (a 409 on the follow-up, or a later last contact, means done), so a redelivery completes a
///   save that was cut short. The stored visit is returned, not created.</item>
/// </list>
/// A 412 on the last contact (the customer was written since it was seen) reads the item and tries again.
/// </summary>
sealed partial class SharePointVisitLog
{
    const int MaxContactAttempts = 8;
    static readonly ListDef Customers = SharePointLists.Customers;

    /// <param name="asRead">Not needed here: the customer items read by the access check are already remembered in
    /// <see cref="CustomerItems"/>, with the eTag the last-contact write needs, shared with the customer files.</param>
    public async Task<VisitSaved> AddOnceAsync(Visit visit, Domain.Customer? asRead = null, CancellationToken ct = default)
    {
        if (asRead is not null && asRead.Number != visit.CustomerNumber)
            throw new ArgumentException($"The file read ({asRead.Number}) is not the visit's customer ({visit.CustomerNumber}).", nameof(asRead));
        var customer = customers.Get(visit.CustomerNumber);
        if (customer is null)
        {
            var (found, first) = await LookUpAsync(visit, ct);
            if (first is not null) return await AgainAsync(first, ct);
            customer = found ?? throw new KeyNotFoundException($"There is no customer {visit.CustomerNumber}.");
        }

        var followUp = FollowUp.Of(visit);
        var moves = customer.IsBefore(visit.Time);
        List<RequestInformation> writes = [SharePointSite.CreateRequest(await site.ItemsAsync(Visits, ct), VisitItems.Fields(visit))];
        if (followUp is not null) writes.Add(SharePointSite.CreateRequest(await site.ItemsAsync(FollowUps, ct), VisitItems.Fields(followUp)));
        var steps = await rollups.StepsAsync(RollupEditsOf(visit), ct);
        writes.AddRange(steps.Select(s => s.Request));
        if (moves) writes.Add(await ContactRequestAsync(customer, visit.Time, ct));
        var answers = await batch.SendInOrderAsync(writes, ct);

        var created = answers[0] ?? throw new InvalidOperationException("The first step of a $batch was not answered.");
        if (created.Status == 409)
            return await AgainAsync(await FindAsync(visit.SubmissionId, ct)
                ?? throw new InvalidOperationException($"Submission {visit.SubmissionId} was refused as a duplicate but cannot be found."), ct);
        if (!created.IsSuccess) throw created.Error();
        // The visit is stored. What failed after it (throttling that outlasted the retries, a race) is applied again here
        // or, if that fails too, by the redelivery of this submission.
        if (followUp is not null && answers[1] is { IsSuccess: false, Status: not 409 } refused) throw refused.Error();
        var firstStep = followUp is null ? 1 : 2;
        await rollups.FinishAsync(steps, answers[firstStep..(firstStep + steps.Count)], ct);
        if (moves)
        {
            if (answers[^1] is { IsSuccess: true } moved) Saw(visit.CustomerNumber, customer.Id, moved.Item());
            else await MoveLastContactAsync(visit.CustomerNumber, customer, visit.Time, ct);
        }
        return new VisitSaved(visit, Created: true);
    }

    /// <summary>One round trip: the customer by its unique number and the submission's visit by its unique SubmissionId.</summary>
    async Task<(CustomerItem? Customer, Visit? First)> LookUpAsync(Visit visit, CancellationToken ct)
    {
        var (customerItems, visitItems) = (await site.ItemsAsync(Customers, ct), await site.ItemsAsync(Visits, ct));
        var answers = await batch.SendAsync(
        [
            SharePointSite.QueryRequest(customerItems, ODataFilter.Eq(CustomerFields.Number, visit.CustomerNumber), 2),
            SharePointSite.QueryRequest(visitItems, ODataFilter.Eq(VisitItems.SubmissionId, visit.SubmissionId), 2),
        ], ct);
        if (answers.FirstOrDefault(a => !a.IsSuccess) is { } failed) throw failed.Error();
        var customer = (await site.ReadAllAsync(customerItems, answers[0], ct)).FirstOrDefault(i => i.Text(CustomerFields.Number) == visit.CustomerNumber);
        if (customer is not null) customers.Saw(visit.CustomerNumber, CustomerItem.Of(customer));
        var first = First(await site.ReadAllAsync(visitItems, answers[1], ct), visit.SubmissionId);
        return (customer is null ? null : CustomerItem.Of(customer), first is null ? null : VisitItems.Read(first));
    }

    async Task<Visit?> FindAsync(string submissionId, CancellationToken ct) =>
        First(await site.QueryAsync(Visits, ODataFilter.Eq(VisitItems.SubmissionId, submissionId), ct, top: 2), submissionId) is { } item
            ? VisitItems.Read(item) : null;

    /// <summary>SharePoint's unique values ignore case, so a submission id that differs only in case is the same submission (ours are GUIDs).</summary>
    static ItemFields? First(List<ItemFields> items, string submissionId) =>
        items.FirstOrDefault(i => i.Text(VisitItems.SubmissionId) == submissionId) ?? items.FirstOrDefault();

    /// <summary>
    /// The submission was stored before: the stored visit's follow-up and last contact are written again, in one $batch of
    /// independent steps, so a save cut short after its visit item is completed.
    /// </summary>
    async Task<VisitSaved> AgainAsync(Visit first, CancellationToken ct)
    {
        // Withdrawn since: what it drove is gone on purpose, and a late redelivery of its save must not bring it back.
        if (first.IsWithdrawn) return new VisitSaved(first, Created: false);
        var customer = customers.Get(first.CustomerNumber) ?? await ReadCustomerAsync(first.CustomerNumber, ct);
        var followUp = FollowUp.Of(first);
        var mover = customer is not null && customer.IsBefore(first.Time) ? customer : null;
        List<RequestInformation> writes = [];
        if (followUp is not null) writes.Add(SharePointSite.CreateRequest(await site.ItemsAsync(FollowUps, ct), VisitItems.Fields(followUp)));
        if (mover is not null) writes.Add(await ContactRequestAsync(mover, first.Time, ct));
        if (writes.Count > 0)
        {
            var answers = await batch.SendAsync(writes, ct);
            if (followUp is not null && answers[0] is { IsSuccess: false, Status: not 409 } refused) throw refused.Error();
            if (mover is null) { }
            else if (answers[^1] is { IsSuccess: true } moved) Saw(first.CustomerNumber, mover.Id, moved.Item());
            else await MoveLastContactAsync(first.CustomerNumber, mover, first.Time, ct);
        }
        await rollups.ApplyAsync(RollupEditsOf(first), ct);
        LogAgain(first.SubmissionId, writes.Count);
        return new VisitSaved(first, Created: false);
    }

    /// <summary>Moves the last contact forward with If-Match; a 412 means someone wrote the customer since: read it, look again.</summary>
    async Task MoveLastContactAsync(string number, CustomerItem known, DateTimeOffset time, CancellationToken ct)
    {
        for (var attempt = 1; known.IsBefore(time); attempt++)
        {
            try
            {
                var saved = await site.UpdateAsync(Customers, known.Id, known.ETag, ContactFields(time), ct);
                Saw(number, known.Id, saved);
                return;
            }
            catch (Exception e) when (SharePointSite.Is(e, 412) && attempt < MaxContactAttempts)
            {
                known = await ReadCustomerAsync(number, ct, known.Id) ?? throw new KeyNotFoundException($"There is no customer {number}.");
            }
        }
    }

    /// <summary>By item id when it is known (one unit of SharePoint's budget), else by number.</summary>
    async Task<CustomerItem?> ReadCustomerAsync(string number, CancellationToken ct, string? itemId = null)
    {
        var item = itemId is not null ? await site.GetAsync(Customers, itemId, ct)
            : (await site.QueryAsync(Customers, ODataFilter.Eq(CustomerFields.Number, number), ct, top: 2)).FirstOrDefault(i => i.Text(CustomerFields.Number) == number);
        if (item is null) return null;
        var seen = CustomerItem.Of(item);
        customers.Saw(number, seen);
        return seen;
    }

    /// <summary>An unsuccessful visit counts in its rep's month; any other changes no rollup.</summary>
    static IReadOnlyList<RollupEdit> RollupEditsOf(Visit v) => RollupEdit.ReasonOf(v) is null ? [] : [RollupEdit.Visit(v)];

    async Task<RequestInformation> ContactRequestAsync(CustomerItem customer, DateTimeOffset time, CancellationToken ct) =>
        SharePointSite.UpdateRequest(await site.ItemsAsync(Customers, ct), customer.Id, customer.ETag, ContactFields(time));

    /// <summary>Only the last contact: not UpdatedAt, not the edit version — a visit is filed under the customer, it is not an edit.</summary>
    static Dictionary<string, object?> ContactFields(DateTimeOffset? time) => new() { [CustomerFields.LastContactAt] = ItemFields.Wire(time) };

    /// <summary>PATCH …/fields answers the fields without the item's id.</summary>
    void Saw(string number, string itemId, ItemFields saved) =>
        customers.Saw(number, CustomerItem.Of(saved.Id.Length > 0 ? saved : new ItemFields(saved.ETag, saved.Values, itemId)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Visit submission {SubmissionId} was stored before; {Writes} idempotent write(s) applied again")]
    partial void LogAgain(string submissionId, int writes);
}
