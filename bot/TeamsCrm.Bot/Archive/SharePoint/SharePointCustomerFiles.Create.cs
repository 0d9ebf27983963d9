using System.Diagnostics;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Filing a new customer. SharePoint has no transaction across items, so all-or-nothing is built from the order of
/// the writes and from undoing them:
/// <list type="number">
/// <item>Claim the submission: an item in Submissions whose Title (the submission id) is unique. A redelivery of the
///   same form gets 409, and waits for the first delivery's file instead of filing a second one.</item>
/// <item>Take the year's next number (<see cref="NumberCounter"/>).</item>
/// <item>One ordered $batch: record the number on the claim, write the contacts, and write the customer <b>last</b>.
///   Every reader finds a file through its customer item, so until that item exists nothing of the file is visible,
///   and once it exists the file is complete.</item>
/// </list>
/// If a step fails (a contact refused, an outage, a cancellation), what was written is deleted (contacts, claim) and
/// the number is given back when no later one was taken. If the process dies half way, the claim keeps the number: a
/// redelivery after <see cref="StaleClaim"/> takes the claim over and finishes the file under that number.
/// </summary>
sealed partial class SharePointCustomerFiles
{
    /// <summary>Longer than any create takes, throttling included: an older unfinished claim was left by a process that died.</summary>
    static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(5);
    /// <summary>How long a redelivery waits for the first delivery to finish the file.</summary>
    static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(30);
    static readonly ListDef Submissions = SharePointLists.Submissions;

    sealed record Claim(string ItemId, string ETag, string? Number);

    public async Task<Customer> CreateAsync(NewCustomer draft, string submissionId, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var (claim, filed) = await ClaimAsync(submissionId, ct);
        if (filed is not null) return filed;   // redelivered form: the first file, and no second number

        var now = clock.GetUtcNow();
        TakenNumber? taken = null;
        var number = claim!.Number;
        try
        {
            if (number is not null) await DeleteContactsAsync(number, ct);   // a takeover: what the dead process left
            else number = (taken = await _numbers.TakeAsync(now.UtcDateTime.Year, ct)).Number;
            var customer = new Customer
            {
                Number = number, Kind = draft.Kind, Name = draft.Name, OwnerAadObjectId = draft.OwnerAadObjectId,
                Industry = draft.Industry, CompanySize = draft.CompanySize, Region = draft.Region, Address = draft.Address,
                Phone = draft.Phone, Email = draft.Email, Website = draft.Website, CreditCode = draft.CreditCode, Aliases = draft.Aliases,
                Coordinates = draft.Coordinates,
                Category = draft.Category, Tier = draft.Tier, Status = CustomerStatus.Pending, CreatedAt = now, UpdatedAt = now,
            };
            var writes = new List<Microsoft.Kiota.Abstractions.RequestInformation>();
            if (claim.Number is null)
                writes.Add(SharePointSite.UpdateRequest(await site.ItemsAsync(Submissions, ct), claim.ItemId, claim.ETag,
                    new Dictionary<string, object?> { [SharePointLists.CustomerNumber] = number }));
            var contacts = await site.ItemsAsync(SharePointLists.Contacts, ct);
            writes.AddRange((draft.Contacts ?? []).Select(c => SharePointSite.CreateRequest(contacts, ContactFields(number, c))));
            writes.Add(SharePointSite.CreateRequest(await site.ItemsAsync(Customers, ct), CustomerFields.ForCreate(customer)));

            var answers = await batch.SendInOrderAsync(writes, ct);
            if (Array.Find(answers, a => a is { IsSuccess: false }) is { } failed) throw failed.Error();   // else every step succeeded
            return Remember(answers[^1]!.Item());
        }
        catch (Exception error)
        {
            bool IsThisFile(Customer c) => c.Name == draft.Name && c.OwnerAadObjectId == draft.OwnerAadObjectId && c.CreatedAt == ItemFields.Stored(now);
            if (await UndoAsync(claim, number, taken, IsThisFile) is { } complete) return complete;
            LogCreateUndone(submissionId, number, error.GetType().Name);
            throw;
        }
    }

    /// <summary>Ours to file (a claim), or filed already by an earlier delivery of the same submission.</summary>
    async Task<(Claim? Claim, Customer? Filed)> ClaimAsync(string submissionId, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        for (var round = 1; ; round++)
        {
            try
            {
                var item = await site.CreateAsync(Submissions, new Dictionary<string, object?>
                {
                    ["Title"] = submissionId, ["ClaimedAt"] = ItemFields.Wire(clock.GetUtcNow()),
                }, ct);
                return (new Claim(item.Id, item.ETag, null), null);
            }
            catch (Exception e) when (SharePointSite.Is(e, 409)) { }

            if (await site.FindAsync(Submissions, "Title", submissionId, ct) is { } first)
            {
                var number = first.Text(SharePointLists.CustomerNumber);
                if (number is not null && await GetAsync(number, ct) is { } filed) return (null, filed);
                if (clock.GetUtcNow() - (first.Time("ClaimedAt") ?? default) > StaleClaim)
                {
                    try
                    {
                        var renewed = await site.UpdateAsync(Submissions, first.Id, first.ETag,
                            new Dictionary<string, object?> { ["ClaimedAt"] = ItemFields.Wire(clock.GetUtcNow()) }, ct);
                        LogClaimTakenOver(submissionId, number);
                        return (new Claim(first.Id, renewed.ETag, number), null);
                    }
                    catch (Exception e) when (SharePointSite.Is(e, 412)) { continue; }   // another delivery took it over
                }
            }
            if (waited.Elapsed > WaitForFirst)
                throw new TimeoutException($"Submission {submissionId} is being filed by another delivery that has not finished in {WaitForFirst}.");
            // Real time: this waits for the other delivery, it stamps nothing.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(25 * round, 500)), ct);
        }
    }

    /// <summary>
    /// Undoes a failed create, whatever the caller's token says. If this create's customer item exists after all (the
    /// batch went through and only its answer was lost), the file is complete and is returned instead. Contacts go first,
    /// then the claim, and only then is the number given back: a number is never free while something carries it.
    /// </summary>
    async Task<Customer?> UndoAsync(Claim claim, string? number, TakenNumber? taken, Func<Customer, bool> isThisFile)
    {
        var none = CancellationToken.None;
        try
        {
            if (number is not null)
            {
                if (await GetAsync(number, none) is { } stored)
                    return isThisFile(stored) ? stored : throw new InvalidOperationException($"{number} was given to another customer: the counter is behind.");
                await DeleteContactsAsync(number, none);
            }
            var current = await site.GetAsync(Submissions, claim.ItemId, none);
            if (current is not null) await site.DeleteAsync(Submissions, current.Id, current.ETag, none);
            if (taken is not null && !await _numbers.GiveBackAsync(taken, none)) LogNumberUnused(taken.Number);
        }
        catch (Exception e)
        {
            // The claim (with the number on it) stays: a redelivery takes it over later and finishes the file.
            LogUndoFailed(e, number);
        }
        return null;
    }

    async Task DeleteContactsAsync(string number, CancellationToken ct)
    {
        var contacts = await site.QueryAsync(SharePointLists.Contacts, ODataFilter.Eq(SharePointLists.CustomerNumber, number), ct);
        if (contacts.Count == 0) return;
        var items = await site.ItemsAsync(SharePointLists.Contacts, ct);
        var answers = await batch.SendAsync([.. contacts.Select(c => SharePointSite.DeleteRequest(items, c.Id, c.ETag))], ct);
        if (answers.FirstOrDefault(a => !a.IsSuccess && a.Status != 404) is { } failed) throw failed.Error();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating a customer for submission {SubmissionId} failed ({Error}); what was written under {Number} was removed")]
    partial void LogCreateUndone(string submissionId, string? number, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission {SubmissionId} was claimed more than five minutes ago and never finished; taking it over (number {Number})")]
    partial void LogClaimTakenOver(string submissionId, string? number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration number {Number} stays unused: a later number was taken before the failed create could give it back")]
    partial void LogNumberUnused(string number);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not undo a failed create under {Number}; its submission stays claimed and a redelivery will finish it")]
    partial void LogUndoFailed(Exception error, string? number);
}
