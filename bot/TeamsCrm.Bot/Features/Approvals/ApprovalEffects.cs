using System.Globalization;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Plans;
using TeamsCrm.Bot.Features.Targets;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>
/// What a request and its decision do to the customer file, and the trail they leave in its history. Each step
/// is recorded with the request's id and is skipped when that record is already there, so running it again
/// (a double click, a redelivery, a retry after a crash between decision and effect) changes nothing.
/// </summary>
public static class ApprovalEffects
{
    const int Attempts = 5;
    /// <summary>The history step of an approved modification that found a changed field no longer at its "before" value.</summary>
    public const string ChangedMeanwhile = "changedMeanwhile";

    /// <summary>The file after a step and what to record besides the step itself; null file: it stays as it is.</summary>
    sealed record Effect(Customer? Changed, IReadOnlyList<ChangeRecord> Records);

    static readonly Effect None = new(null, []);

    /// <summary>The request itself, in the file's history: who asked, why.</summary>
    public static async Task RecordRequestAsync(Approval a, ICustomerFiles files, DateTimeOffset now, CancellationToken ct)
    {
        if (IsAboutCustomer(a)) await ApplyAsync(a, files, "requested", a.RequesterAadObjectId, now, a.Payload.Reason, _ => None, ct);
    }

    /// <summary>A move of the request (escalated, delegated, reassigned), in the file's history: to whom, by whom, why.</summary>
    public static async Task RecordMoveAsync(Approval a, ICustomerFiles files, string step, string by, DateTimeOffset now, string? reason, CancellationToken ct)
    {
        if (IsAboutCustomer(a)) await ApplyAsync(a, files, step, by, now, reason, _ => None, ct);
    }

    /// <summary>The decision (or the cancellation) and its effect on what the request is about.</summary>
    /// <returns>True when an approval did not apply because its subject had changed meanwhile.</returns>
    public static Task<bool> ApplyDecisionAsync(Approval a, ICrmArchive archive, DateTimeOffset now, CancellationToken ct) => a.Kind switch
    {
        _ when a.IsPending => Task.FromResult(false),
        ApprovalKind.VisitPlan => PlanReview.ApplyAsync(a, archive.Visits, now, ct),
        _ when TargetEffects.IsAbout(a) => TargetEffects.ApplyDecisionAsync(a, archive.Targets, now, ct),   // a month's sales targets
        _ when IsAboutCustomer(a) => ApplyToFileAsync(a, archive.Customers, now, ct),
        _ => Task.FromResult(false),
    };

    /// <summary>The decision and its effect on the file, together in one update (an access grant just before it, once).</summary>
    static async Task<bool> ApplyToFileAsync(Approval a, ICustomerFiles files, DateTimeOffset now, CancellationToken ct)
    {
        var by = a.DecidedByAadObjectId ?? a.RequesterAadObjectId;
        if (a is { Kind: ApprovalKind.Access, Status: ApprovalStatus.Approved }) await AccessGrants.GrantOnceAsync(a, files, ct);
        Func<Customer, Effect> effect = (a.Kind, a.Status) switch
        {
            (ApprovalKind.NewFile, ApprovalStatus.Approved) => c => c.Status == CustomerStatus.Pending
                ? Status(c, c with { Status = CustomerStatus.Active }, by, now, a) : None,
            (ApprovalKind.Modification, ApprovalStatus.Approved) => c => Modify(c, a, now),
            // 档案的删除: kept for the retention period, then purged (CustomerPurge); restorable meanwhile.
            (ApprovalKind.Deletion, ApprovalStatus.Approved) => c => c.Status is CustomerStatus.Pending or CustomerStatus.Active
                ? Status(c, Retention.Delete(c, now), by, now, a) : None,
            // 借阅: the grant itself is stored just before; the history shows whom it was for and until when.
            (ApprovalKind.Access, ApprovalStatus.Approved) => c => new(null,
                [new(c.Number, "accessUntil", null, AccessGrants.Of(a).Until.ToString("O", CultureInfo.InvariantCulture), a.RequesterAadObjectId, now, a.Comment, a.Id)]),
            _ => _ => None,
        };
        return await ApplyAsync(a, files, a.Status.ToString().ToLowerInvariant(), by, now, a.Comment, effect, ct);
    }

    static bool IsAboutCustomer(Approval a) =>
        a.Kind is ApprovalKind.NewFile or ApprovalKind.Modification or ApprovalKind.Deletion or ApprovalKind.Access or ApprovalKind.VisitEscalation;

    static Effect Status(Customer current, Customer changed, string by, DateTimeOffset now, Approval a) => new(changed,
        [new(current.Number, "status", current.Status.ToString(), changed.Status.ToString(), by, now, a.Comment, a.Id)]);

    /// <summary>
    /// 档案的修改: each field goes from its "before" to its "after", recorded as the requester's change with their reason
    /// under this approval. A file whose fields all hold their "after" values already had the change applied by an
    /// earlier run that stopped before its history was written (on SharePoint the update and its records are a
    /// $batch, not one transaction): only the history is written now. A field that holds neither was changed
    /// meanwhile: then nothing applies (a stale "after" must not overwrite a newer value), and the history says so.
    /// </summary>
    static Effect Modify(Customer current, Approval a, DateTimeOffset now)
    {
        var changes = a.Payload.Changes ?? [];
        var stored = CustomerBasics.Of(current).Values(current.Kind);
        if (changes.Count == 0) return None;
        var records = changes.Select(ch => new ChangeRecord(current.Number, ch.Field, ch.Old, ch.New, a.RequesterAadObjectId, now, a.Payload.Reason, a.Id)).ToList();
        if (changes.All(ch => stored.TryGetValue(ch.Field, out var value) && value == ch.New)) return new(null, records);
        if (changes.Any(ch => !stored.ContainsKey(ch.Field) || stored[ch.Field] != ch.Old))
            return new(null, [new(current.Number, "approval", null, ChangedMeanwhile, a.DecidedByAadObjectId ?? a.RequesterAadObjectId, now, null, a.Id)]);
        var values = stored.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var ch in changes) values[ch.Field] = ch.New;
        return new(CustomerBasics.FromValues(values).ApplyTo(current), records);
    }

    /// <param name="effect">The file after the effect and its records.</param>
    /// <returns>Whether the step, now or before, found the file changed meanwhile.</returns>
    static async Task<bool> ApplyAsync(Approval a, ICustomerFiles files, string step, string by, DateTimeOffset now, string? reason,
        Func<Customer, Effect> effect, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await files.GetFileAsync(a.Subject, ct) is not { } file) return false;
            if (file.History.Any(h => h.ApprovalId == a.Id && h.Field == "approval" && h.NewValue == step))   // done before
                return file.History.Any(h => h.ApprovalId == a.Id && h.Field == "approval" && h.NewValue == ChangedMeanwhile);
            var current = file.Customer;
            var (changed, more) = effect(current);
            var records = new List<ChangeRecord> { new(current.Number, "approval", null, step, by, now, reason, a.Id) };
            // A record of this request already in the history (an earlier run's batch written in part) is not written twice.
            records.AddRange(more.Where(r => !file.History.Any(h => h.ApprovalId == a.Id && h.Field == r.Field && h.NewValue == r.NewValue)));
            try
            {
                await files.UpdateAsync(changed ?? current, records, ct);
                return more.Any(r => r.Field == "approval" && r.NewValue == ChangedMeanwhile);
            }
            catch (VersionConflictException) when (attempt < Attempts)
            {
                // Someone saved the file meanwhile: read it again and apply the step to what is stored now.
            }
        }
    }
}
