using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>
/// What a request and its decision do to the customer file, and the trail they leave in its history. Each step
/// is recorded with the request's id and is skipped when that record is already there, so running it again
/// (a double click, a redelivery, a retry after a crash between decision and effect) changes nothing.
/// </summary>
public static class ApprovalEffects
{
    const int Attempts = 5;

    /// <summary>The request itself, in the file's history: who asked, why.</summary>
    public static Task RecordRequestAsync(Approval a, ICustomerFiles files, DateTimeOffset now, CancellationToken ct) =>
        IsAboutCustomer(a)
            ? ApplyAsync(a, files, "requested", a.RequesterAadObjectId, now, a.Payload.Reason, _ => null, ct)
            : Task.CompletedTask;

    /// <summary>The decision (or the cancellation) and its effect on the file, together in one update.</summary>
    public static Task ApplyDecisionAsync(Approval a, ICustomerFiles files, DateTimeOffset now, CancellationToken ct)
    {
        if (!IsAboutCustomer(a) || a.IsPending) return Task.CompletedTask;
        var by = a.DecidedByAadObjectId ?? a.RequesterAadObjectId;
        Func<Customer, Customer?> effect = (a.Kind, a.Status) switch
        {
            (ApprovalKind.NewFile, ApprovalStatus.Approved) => c => c.Status == CustomerStatus.Pending ? c with { Status = CustomerStatus.Active } : null,
            _ => _ => null,
        };
        return ApplyAsync(a, files, a.Status.ToString().ToLowerInvariant(), by, now, a.Comment, effect, ct);
    }

    static bool IsAboutCustomer(Approval a) => a.Kind is ApprovalKind.NewFile or ApprovalKind.Modification or ApprovalKind.Deletion or ApprovalKind.Access;

    /// <param name="effect">The file after the effect, or null when the file stays as it is.</param>
    static async Task ApplyAsync(Approval a, ICustomerFiles files, string step, string by, DateTimeOffset now, string? reason,
        Func<Customer, Customer?> effect, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await files.GetFileAsync(a.Subject, ct) is not { } file) return;
            if (file.History.Any(h => h.ApprovalId == a.Id && h.Field == "approval" && h.NewValue == step)) return;   // done before
            var current = file.Customer;
            var changed = effect(current);
            var records = new List<ChangeRecord> { new(current.Number, "approval", null, step, by, now, reason, a.Id) };
            if (changed is not null && changed.Status != current.Status)
                records.Add(new(current.Number, "status", current.Status.ToString(), changed.Status.ToString(), by, now, reason, a.Id));
            try
            {
                await files.UpdateAsync(changed ?? current, records, ct);
                return;
            }
            catch (VersionConflictException) when (attempt < Attempts)
            {
                // Someone saved the file meanwhile: read it again and apply the step to what is stored now.
            }
        }
    }
}
