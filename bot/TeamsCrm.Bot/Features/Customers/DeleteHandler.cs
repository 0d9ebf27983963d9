using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// 档案的删除: the owner asks for a deletion with a reason ("delete C-2026-00042" or the file's Delete button);
/// the sales manager decides (ApprovalEffects); within the retention period the owner or a sales manager may
/// "restore" the file. Who may do what comes from the authenticated user and the directory only.
/// </summary>
public static class DeleteHandler
{
    /// <summary>"delete C-2026-00042": the same form as the button.</summary>
    public static Task<Reply> Command(Turn turn, ICrmArchive archive, IDirectory directory, ApprovalDesk approvals, CancellationToken ct) =>
        FormAsync(turn, archive, directory, approvals, CustomerNumbers.Parse(turn.Text), asCard: false, ct);

    public static Task<Reply> Form(Turn turn, ICrmArchive archive, IDirectory directory, ApprovalDesk approvals, CancellationToken ct) =>
        FormAsync(turn, archive, directory, approvals, CustomerNumbers.Parse(turn.DataString("number")), asCard: true, ct);

    static async Task<Reply> FormAsync(Turn turn, ICrmArchive archive, IDirectory directory, ApprovalDesk approvals, string? number, bool asCard,
        CancellationToken ct)
    {
        var c = turn.Culture;
        if (number is null) return Reply.Text(T.Get(c, "delete.which"));
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (await archive.Customers.GetAsync(number, ct) is not { Status: not CustomerStatus.Purged } customer || !CustomerAccess.MayQuery(me))
            return Reply.Text(T.Get(c, "customers.notFound"));
        if (!CustomerAccess.MayEdit(me, customer)) return Answer(CustomerCards.NotAllowed(c, "delete.onlyOwner"), asCard);
        if (await approvals.WaitingAsync(number, ApprovalKind.Deletion, null, ct) is not null)   // one deletion request at a time
            return Answer(CustomerCards.NotAllowed(c, "delete.alreadyRequested"), asCard);
        return Answer(DeleteCards.Form(c, customer, FormState.Fresh()), asCard);
    }

    public static async Task<Reply> Send(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, ApprovalDesk approvals, TimeProvider clock,
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
        if (await approvals.WaitingAsync(customer.Number, ApprovalKind.Deletion, null, ct) is { } waiting
            && waiting.RequestKey != DeletionKey(customer.Number, version))   // the same form again is the same request
            return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "delete.alreadyRequested"));

        var filing = await approvals.FileAsync(turn, ApprovalKind.Deletion, customer.Number, customer.Name, new ApprovalPayload(reason),
            DeletionKey(customer.Number, version), ct);
        var notice = await approvals.SentNoticeAsync(turn, filing, "delete.sentForApproval", ct);
        return await CustomerPages.ShowAsync(turn, me, customer.Number, archive, directory, links, clock, ct, notice) is { } card
            ? Reply.ReplaceCard(card)
            : Reply.Text(T.Get(c, "customers.notFound"));
    }

    /// <summary>"restore C-2026-00042": the owner or a sales manager, while the file is deleted and not yet due for purging.</summary>
    public static Task<Reply> Restore(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, TimeProvider clock, CancellationToken ct) =>
        RestoreAsync(turn, archive, directory, links, clock, CustomerNumbers.Parse(turn.Text), asCard: false, ct);

    /// <summary>The deleted file's Restore button: the same rules; the card becomes the restored file.</summary>
    public static Task<Reply> RestoreFromCard(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, TimeProvider clock, CancellationToken ct) =>
        RestoreAsync(turn, archive, directory, links, clock, CustomerNumbers.Parse(turn.DataString("number")), asCard: true, ct);

    static async Task<Reply> RestoreAsync(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, TimeProvider clock, string? number, bool asCard,
        CancellationToken ct)
    {
        var c = turn.Culture;
        if (number is null) return Reply.Text(T.Get(c, "restore.which"));
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        var files = archive.Customers;
        // Only those who may restore hear anything about the file; to anyone else it does not exist.
        if (me is null || await files.GetAsync(number, ct) is not { } customer
            || !(CustomerAccess.Owns(me, customer) || me.Is(Role.SalesManager)))   // deleted or not: the not-deleted answer comes below
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
        return await CustomerPages.ShowAsync(turn, me, number, archive, directory, links, clock, ct, T.Get(c, "restore.done")) is { } card
            ? Answer(card, asCard)
            : Reply.Text(T.Get(c, "restore.done"));
    }

    static string DeletionKey(string number, string version) => $"delete:{number}:{version}";

    static Reply Answer(System.Text.Json.Nodes.JsonObject card, bool replace) => replace ? Reply.ReplaceCard(card) : Reply.Card(card);
}
