using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// File a record under one of the five archive categories: contracts and orders, debts and repayments,
/// shipments, returns, discounts and complaints. The owner files any; customer service files complaints on any file.
/// </summary>
public static class EntryHandler
{
    static readonly EntryType[] Offered = EntryForm.Offered;

    public static async Task<Reply> Form(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var (action, refusal) = await FileAction.ReadAsync(turn, archive.Customers, directory, ct);
        if (action is not (var me, var customer)) return refusal;
        var types = Offered.Where(t => CustomerAccess.MayAddEntry(me, customer, t)).ToList();
        if (types.Count == 0) return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "entry.notAllowed"));

        var preset = Enum.TryParse<EntryType>(turn.DataString("type"), out var asked) && types.Contains(asked) ? asked : types[0];
        var state = FormState.Fresh(("type", preset.ToString()), ("date", CustomerText.Date(CustomerText.Today(clock.GetUtcNow(), turn.TimeZone))));
        return Reply.ReplaceCard(EntryCards.Form(c, customer.Number, customer.Name, types, SubmissionIds.New(), state));
    }

    public static async Task<Reply> Save(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var files = archive.Customers;
        var (action, refusal) = await FileAction.ReadAsync(turn, files, directory, ct);
        if (action is not (var me, var customer)) return refusal;
        var types = Offered.Where(t => CustomerAccess.MayAddEntry(me, customer, t)).ToList();
        if (types.Count == 0) return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "entry.notAllowed"));
        if (SubmissionIds.Parse(turn.DataString("submissionId")) is not { } submissionId) return Reply.Text(T.Get(c, "help.staleCard"));

        var form = new FormReader(turn.Data, c);
        var values = EntryForm.Read(form, out var type);
        if (type is { } asked && !types.Contains(asked)) return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "entry.notAllowed"));
        if (values is null)
            return Reply.ReplaceCard(EntryCards.Form(c, customer.Number, customer.Name, types, submissionId, new FormState(turn.Data, form.Errors)));
        var entryType = values.Type;

        // The id comes from the card's submission id: pressing Save twice, or a redelivered invoke, files it once.
        var entry = new ArchiveEntry($"{customer.Number}/{submissionId}", customer.Number, EntryTypes.CategoryOf(entryType), entryType, values.Date,
            values.Amount, values.Reference, values.Description, values.Result, me.AadObjectId, clock.GetUtcNow());
        var stored = await files.AddEntryAsync(entry, ct);
        if (!string.Equals(stored.CreatedByAadObjectId, me.AadObjectId, StringComparison.OrdinalIgnoreCase))
            return Reply.ReplaceCard(CustomerCards.NotAllowed(c, "customers.notYourForm"));   // a submission id copied from someone else's card
        if (entryType is EntryType.Contract or EntryType.Order)
            await KeyAccountClassifier.ReclassifyAsync(files, customer.Number, me.AadObjectId, clock.GetUtcNow(), ct);
        return Reply.ReplaceCard(EntryCards.Filed(c, customer.Name, stored));
    }
}
