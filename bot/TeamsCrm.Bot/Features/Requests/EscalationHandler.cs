using System.Text.Json.Nodes;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Requests;

/// <summary>
/// Visit escalation (DOMAIN.md, "Visits"): the owner asks the key-account director to raise a visit's level or to
/// invite the customer to the company, on a day, with a reason ("escalate C-2026-00042" or the file's button).
/// The decision is recorded in the file's history; the rep hears it in their chat.
/// </summary>
public static class EscalationHandler
{
    public static Task<Reply> Command(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct) =>
        FormAsync(turn, archive, directory, CustomerNumbers.Parse(turn.Text), asCard: false, ct);

    public static Task<Reply> Form(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct) =>
        FormAsync(turn, archive, directory, CustomerNumbers.Parse(turn.DataString("number")), asCard: true, ct);

    static async Task<Reply> FormAsync(Turn turn, ICrmArchive archive, IDirectory directory, string? number, bool asCard, CancellationToken ct)
    {
        var c = turn.Culture;
        if (number is null) return Reply.Text(T.Get(c, "requests.escalate.which"));
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (await archive.Customers.GetAsync(number, ct) is not { Status: not CustomerStatus.Purged } customer || !CustomerAccess.MayQuery(me))
            return Reply.Text(T.Get(c, "customers.notFound"));
        if (!CustomerAccess.MayEdit(me, customer)) return Answer(CustomerCards.NotAllowed(c, "requests.escalate.onlyOwner"), asCard);
        return Answer(RequestCards.Escalation(c, number, customer.Name, FormState.Fresh(), SubmissionIds.New()), asCard);
    }

    public static async Task<Reply> Send(Turn turn, ICrmArchive archive, IDirectory directory, ApprovalDesk approvals, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        var (action, refusal) = await FileAction.ReadAsync(turn, archive.Customers, directory, ct);
        if (action is not (var me, var customer)) return refusal;
        if (!CustomerAccess.MayEdit(me, customer)) return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "requests.escalate.onlyOwner"));
        if (SubmissionIds.Parse(turn.DataString("submissionId")) is not { } submission) return Reply.Text(T.Get(c, "help.staleCard"));

        var form = new FormReader(turn.Data, c);
        var kind = form.Choice<EscalationKind>("kind", required: true);
        var day = form.Date("day", required: true);
        var reason = form.MultiLine("reason", required: true, maxLength: Limits.Reason);
        if (day is { } d && d < LocalCalendar.Today(clock.GetUtcNow(), turn.TimeZone)) form.Fail("day", "requests.escalate.past");
        if (!form.IsValid)
            return Reply.ReplaceCard(RequestCards.Escalation(c, customer.Number, customer.Name, new FormState(turn.Data, form.Errors), submission));

        var filing = await approvals.FileAsync(turn, ApprovalKind.VisitEscalation, customer.Number, customer.Name,
            new ApprovalPayload(reason, Escalation: new Escalation(kind!.Value, day!.Value)), $"escalate:{me.AadObjectId}:{submission}", ct);
        return Reply.ReplaceCard(RequestCards.Sent(c, customer.Name, await approvals.SentNoticeAsync(turn, filing, "requests.sent", ct)));
    }

    static Reply Answer(JsonObject card, bool replace) => replace ? Reply.ReplaceCard(card) : Reply.Card(card);
}
