using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Requests;

/// <summary>
/// 档案的查阅: someone who sees another rep's file redacted asks the sales manager or the GM to read it for some days
/// ("access C-2026-00042", or the redacted card's button). The first of them to answer decides; an approval becomes
/// a grant (ApprovalEffects). Asking again while a request waits shows the waiting one.
/// </summary>
public static class AccessRequestHandler
{
    public static Task<Reply> Command(Turn turn, ICrmArchive archive, IDirectory directory, ApprovalDesk approvals, TimeProvider clock,
        CancellationToken ct) =>
        FormAsync(turn, archive, directory, approvals, clock, CustomerNumbers.Parse(turn.Text), asCard: false, ct);

    public static Task<Reply> Form(Turn turn, ICrmArchive archive, IDirectory directory, ApprovalDesk approvals, TimeProvider clock,
        CancellationToken ct) =>
        FormAsync(turn, archive, directory, approvals, clock, CustomerNumbers.Parse(turn.DataString("number")), asCard: true, ct);

    static async Task<Reply> FormAsync(Turn turn, ICrmArchive archive, IDirectory directory, ApprovalDesk approvals, TimeProvider clock,
        string? number, bool asCard, CancellationToken ct)
    {
        var c = turn.Culture;
        if (number is null) return Reply.Text(T.Get(c, "requests.access.which"));
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || await archive.Customers.GetAsync(number, ct) is not { Status: not CustomerStatus.Purged } customer)
            return Reply.Text(T.Get(c, "customers.notFound"));
        var (view, _) = await CustomerPages.ViewAsync(me, customer, archive.Customers, directory, clock, ct);
        if (view == FileView.None) return Reply.Text(T.Get(c, "customers.notFound"));
        if (view == FileView.Full) return Answer(RequestCards.Sent(c, customer.Name, T.Get(c, "requests.access.notNeeded", number)), asCard);
        if (await approvals.WaitingAsync(number, ApprovalKind.Access, me.AadObjectId, ct) is { } waiting)
            return Answer(RequestCards.Sent(c, customer.Name, T.Get(c, "requests.access.waiting", waiting.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), asCard);
        var fresh = FormState.Fresh(("days", ApprovalRules.DefaultGrantDays.ToString(CultureInfo.InvariantCulture)));
        return Answer(RequestCards.Access(c, number, customer.Name, fresh, SubmissionIds.New()), asCard);
    }

    public static async Task<Reply> Send(Turn turn, ICrmArchive archive, IDirectory directory, ApprovalDesk approvals, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        var (action, refusal) = await FileAction.ReadAsync(turn, archive.Customers, directory, ct);
        if (action is not (var me, var customer)) return refusal;
        if (SubmissionIds.Parse(turn.DataString("submissionId")) is not { } submission) return Reply.Text(T.Get(c, "help.staleCard"));
        var (view, _) = await CustomerPages.ViewAsync(me, customer, archive.Customers, directory, clock, ct);
        if (view == FileView.Full) return Reply.ReplaceCard(RequestCards.Sent(c, customer.Name, T.Get(c, "requests.access.notNeeded", customer.Number)));

        var form = new FormReader(turn.Data, c);
        var days = form.OneOf("days", RequestCards.GrantDays.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToList(), required: true);
        var reason = form.MultiLine("reason", required: true, maxLength: Limits.Reason);
        if (!form.IsValid) return Reply.ReplaceCard(RequestCards.Access(c, customer.Number, customer.Name, new FormState(turn.Data, form.Errors), submission));

        var filing = await approvals.FileAsync(turn, ApprovalKind.Access, customer.Number, customer.Name,
            new ApprovalPayload(reason, GrantDays: int.Parse(days!, CultureInfo.InvariantCulture)), $"access:{me.AadObjectId}:{submission}", ct);
        return Reply.ReplaceCard(RequestCards.Sent(c, customer.Name, await approvals.SentNoticeAsync(turn, filing, "requests.sent", ct)));
    }

    static Reply Answer(JsonObject card, bool replace) => replace ? Reply.ReplaceCard(card) : Reply.Card(card);
}
