using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// 档案的删除: the owner asks for a deletion with a reason ("delete C-2026-00042" or the file's Delete button);
/// the sales manager decides (ApprovalEffects); within the retention period the owner or a sales manager may
/// "restore" the file. Who may do what comes from the authenticated user and the directory only.
/// </summary>
public static class DeleteHandler
{
    /// <summary>"delete C-2026-00042": the same form as the button.</summary>
    public static Task<Reply> Command(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct) =>
        FormAsync(turn, archive, directory, CustomerNumbers.Parse(turn.Text), asCard: false, ct);

    public static Task<Reply> Form(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct) =>
        FormAsync(turn, archive, directory, CustomerNumbers.Parse(turn.DataString("number")), asCard: true, ct);

    static async Task<Reply> FormAsync(Turn turn, ICrmArchive archive, IDirectory directory, string? number, bool asCard, CancellationToken ct)
    {
        var c = turn.Culture;
        if (number is null) return Reply.Text(T.Get(c, "delete.which"));
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (await archive.Customers.GetAsync(number, ct) is not { Status: not CustomerStatus.Purged } customer || !CustomerAccess.MayQuery(me))
            return Reply.Text(T.Get(c, "customers.notFound"));
        if (!CustomerAccess.MayEdit(me, customer)) return Answer(CustomerCards.NotAllowed(c, "delete.onlyOwner"), asCard);
        return Answer(DeleteCards.Form(c, customer, FormState.Fresh()), asCard);
    }

    public static async Task<Reply> Send(Turn turn, ICrmArchive archive, IDirectory directory, ApprovalDesk approvals, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        var (action, refusal) = await FileAction.ReadAsync(turn, archive.Customers, directory, ct);
        if (action is not (var me, var customer)) return refusal;
        if (!CustomerAccess.MayEdit(me, customer)) return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "delete.onlyOwner"));
        var form = new FormReader(turn.Data, c);
        var reason = form.MultiLine("reason", required: true, maxLength: Limits.Reason);
        if (!form.IsValid) return Reply.ReplaceCard(DeleteCards.Form(c, customer, new FormState(turn.Data, form.Errors)));

        var version = turn.DataString("version") ?? customer.Version;
        var filing = await approvals.FileAsync(turn, ApprovalKind.Deletion, customer.Number, customer.Name, new ApprovalPayload(reason),
            $"delete:{customer.Number}:{version}", ct);
        var notice = filing.Request is { } request
            ? T.Get(c, "delete.sentForApproval", string.Join(", ", (await approvals.ViewAsync(request, turn.TimeZone, ct)).ApproverNames))
                + (filing.Notice is { } unreachable ? " " + unreachable : "")
            : filing.Notice!;
        return await CustomerPages.ShowAsync(turn, me, customer.Number, archive, directory, clock, ct, notice) is { } card
            ? Reply.ReplaceCard(card)
            : Reply.Text(T.Get(c, "customers.notFound"));
    }

    /// <summary>"restore C-2026-00042": the owner or a sales manager, while the file is deleted and not yet due for purging.</summary>
    public static async Task<Reply> Restore(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (CustomerNumbers.Parse(turn.Text) is not { } number) return Reply.Text(T.Get(c, "restore.which"));
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        var files = archive.Customers;
        // Only those who may restore hear anything about the file; to anyone else it does not exist.
        if (me is null || await files.GetAsync(number, ct) is not { } customer
            || !(CustomerAccess.Owns(me, customer) || me.Is(Role.SalesManager)))
            return Reply.Text(T.Get(c, "customers.notFound"));
        var now = clock.GetUtcNow();
        if (customer.Status == CustomerStatus.Purged || Retention.IsDue(customer, now)) return Reply.Text(T.Get(c, "restore.tooLate", number));
        if (!Retention.MayRestore(customer, now)) return Reply.Text(T.Get(c, "restore.notDeleted", number));
        try
        {
            await files.UpdateAsync(Retention.Restore(customer), [new ChangeRecord(number, "status", customer.Status.ToString(),
                nameof(CustomerStatus.Active), me.AadObjectId, now, T.Get(c, "restore.reason"), ApprovalId: null)], ct);
        }
        catch (VersionConflictException)
        {
            return Reply.Text(T.Get(c, "restore.changedMeanwhile", number));
        }
        return await CustomerPages.ShowAsync(turn, me, number, archive, directory, clock, ct, T.Get(c, "restore.done")) is { } card
            ? Reply.Card(card)
            : Reply.Text(T.Get(c, "restore.done"));
    }

    static Reply Answer(System.Text.Json.Nodes.JsonObject card, bool replace) => replace ? Reply.ReplaceCard(card) : Reply.Card(card);
}
