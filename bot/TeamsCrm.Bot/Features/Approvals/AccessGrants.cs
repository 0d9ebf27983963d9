using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>档案的查阅: an approved access request becomes a grant to the requester, from the decision for the days asked.</summary>
static class AccessGrants
{
    public static AccessGrant Of(Approval a)
    {
        var from = a.DecidedAt ?? throw new InvalidOperationException($"Approval {a.Id} is not decided.");
        var days = Math.Clamp(a.Payload.GrantDays ?? ApprovalRules.DefaultGrantDays, 1, ApprovalRules.MaxGrantDays);
        return new AccessGrant(a.Subject, a.RequesterAadObjectId, a.DecidedByAadObjectId!, from, from.AddDays(days));
    }

    /// <summary>
    /// Adds the grant unless it is there already: it starts at the decision's time, so the same decision run again
    /// (a retry after a crash before its history record) finds its grant and adds no second one.
    /// </summary>
    public static async Task GrantOnceAsync(Approval a, ICustomerFiles files, CancellationToken ct)
    {
        var grant = Of(a);
        var existing = await files.GrantsForAsync(a.Subject, ct);
        if (existing.Any(g => string.Equals(g.GranteeAadObjectId, grant.GranteeAadObjectId, StringComparison.OrdinalIgnoreCase)
                && Math.Abs((g.From - grant.From).TotalSeconds) < 1))
            return;
        await files.AddGrantAsync(grant, ct);
    }
}
