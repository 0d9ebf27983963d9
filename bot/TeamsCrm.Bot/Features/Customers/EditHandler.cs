using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
/// Edit the basics of one's own customer file (档案的修改). Saving files a modification request to the sales manager
/// with each field's before → after and the reason; the card carries the version it was opened with, so an edit
/// started before a change saved meanwhile comes back to be merged instead of being sent.
/// </summary>
public static class EditHandler
{
    public static async Task<Reply> Edit(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        var c = turn.Culture;
        var (action, refusal) = await FileAction.ReadAsync(turn, archive.Customers, directory, ct);
        if (action is not (var me, var customer)) return refusal;
        if (!CustomerAccess.MayEdit(me, customer)) return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "customers.onlyOwnerEdits"));
        var values = CustomerBasics.Of(customer).Values(customer.Kind);
        return Reply.ReplaceCard(EditCards.Form(c, TargetOf(customer, values), FormState.Of(values)));
    }

    public static async Task<Reply> Save(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, ApprovalDesk approvals, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        var files = archive.Customers;
        var (action, refusal) = await FileAction.ReadAsync(turn, files, directory, ct);
        if (action is not (var me, var current)) return refusal;
        if (!CustomerAccess.MayEdit(me, current)) return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "customers.onlyOwnerEdits"));

        var openedVersion = turn.DataString("version") ?? "";
        var opened = turn.Data["opened"] as JsonObject;
        var form = new FormReader(turn.Data, c);
        var typed = CustomerBasics.Read(form, current.Kind);
        var reason = form.MultiLine("reason", required: true, maxLength: Limits.Reason);
        var target = new EditTarget(current.Number, current.Name, current.Kind, openedVersion, OpenedValues(current.Kind, opened));
        if (typed is null || !form.IsValid) return Reply.ReplaceCard(EditCards.Form(c, target, new FormState(turn.Data, form.Errors)));
        if (current.Version != openedVersion) return await ConflictAsync(turn, files, directory, current, opened, typed, reason, ct);

        var changes = CustomerBasics.Of(current).ChangesTo(typed, current.Kind);
        if (changes.Count == 0) return await ShowAsync(turn, me, current.Number, archive, directory, links, clock, T.Get(c, "edit.nothingChanged"), ct);

        // A new name, alias, phone or credit code must not make this file a duplicate of another.
        string? IfChanged(string field, string? value) => changes.Any(ch => ch.Field == field) ? value : null;
        var duplicates = await Duplicates.FindAsync(files, IfChanged("name", typed.Name), IfChanged("phone", typed.Phone),
            IfChanged("creditCode", typed.CreditCode), IfChanged("aliases", typed.Aliases), exceptNumber: current.Number, ct);
        foreach (var d in duplicates)
            form.Fail(d.Field, "customers.duplicateField", await CustomerPages.NameOfAsync(directory, d.File.OwnerAadObjectId, ct));
        if (!form.IsValid) return Reply.ReplaceCard(EditCards.Form(c, target, new FormState(turn.Data, form.Errors)));

        // 档案的修改: the change waits for the sales manager. The request carries each field's before → after and the
        // reason; approving it applies them with their change records (ApprovalEffects), unless a field changed meanwhile.
        var payload = new ApprovalPayload(reason, [.. changes.Select(ch => new FieldChange(ch.Field, ch.Old, ch.New))]);
        var filing = await approvals.FileAsync(turn, ApprovalKind.Modification, current.Number, current.Name, payload,
            RequestKey(current.Number, openedVersion, payload), ct);
        var notice = filing.Request is { } request
            ? T.Get(c, "edit.sentForApproval", string.Join(", ", (await approvals.ViewAsync(request, turn.TimeZone, ct)).ApproverNames))
                + (filing.Notice is { } unreachable ? " " + unreachable : "")
            : filing.Notice!;
        return await ShowAsync(turn, me, current.Number, archive, directory, links, clock, notice, ct);
    }

    /// <summary>The same edit card saved twice (double click, redelivery) files one request; another edit, another request.</summary>
    static string RequestKey(string number, string version, ApprovalPayload payload)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload)));
        return $"modify:{number}:{version}:{Convert.ToHexString(hash, 0, 8)}";
    }

    /// <summary>The form comes back on the stored version: who changed what, the stored values, and what the user typed wherever it does not clash.</summary>
    static async Task<Reply> ConflictAsync(Turn turn, ICustomerFiles files, IDirectory directory, Customer current, JsonObject? opened,
        CustomerBasics typed, string? reason, CancellationToken ct)
    {
        var c = turn.Culture;
        var fields = CustomerBasics.FieldsOf(current.Kind);
        var stored = CustomerBasics.Of(current).Values(current.Kind);
        var mine = typed.Values(current.Kind);
        var merge = EditMerge.Merge(fields, opened, mine, stored);

        var history = (await files.GetFileAsync(current.Number, ct))?.History ?? [];
        var details = new List<string>();
        foreach (var field in merge.ChangedMeanwhile)
            details.Add(history.FirstOrDefault(h => h.Field == field) is { } h
                ? T.Get(c, "edit.changedBy", await CustomerPages.NameOfAsync(directory, h.ByAadObjectId, ct), CustomerText.Field(c, field),
                    CustomerText.Quoted(c, field, h.OldValue), CustomerText.Quoted(c, field, h.NewValue), CustomerText.Time(h.At, turn.TimeZone))
                : T.Get(c, "edit.changedUnrecorded", CustomerText.Field(c, field)));
        if (details.Count == 0) details.Add(T.Get(c, "edit.otherPartsChanged"));

        var errors = merge.Conflicts.ToDictionary(id => id,
            id => T.Get(c, "edit.conflictField", CustomerText.Quoted(c, id, stored[id]), CustomerText.Quoted(c, id, mine[id])));
        var values = merge.Values.Append(KeyValuePair.Create("reason", reason));
        return Reply.ReplaceCard(EditCards.Form(c, TargetOf(current, stored), FormState.Of(values, errors), T.Get(c, "edit.conflict"), details));
    }

    static async Task<Reply> ShowAsync(Turn turn, Person me, string number, ICrmArchive archive, IDirectory directory, DownloadLinks links, TimeProvider clock,
        string notice, CancellationToken ct) =>
        await CustomerPages.ShowAsync(turn, me, number, archive, directory, links, clock, ct, notice) is { } card
            ? Reply.ReplaceCard(card)
            : Reply.Text(T.Get(turn.Culture, "customers.notFound"));

    static EditTarget TargetOf(Customer c, IReadOnlyDictionary<string, string?> values) => new(c.Number, c.Name, c.Kind, c.Version, values);

    /// <summary>The opened values as the card sent them back, for the form to carry again after a refused save.</summary>
    static IReadOnlyDictionary<string, string?> OpenedValues(CustomerKind kind, JsonObject? opened) =>
        CustomerBasics.FieldsOf(kind).ToDictionary(id => id,
            id => opened?[id] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null, StringComparer.Ordinal);
}
