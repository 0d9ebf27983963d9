using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Help;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// The ways into a visit report: "log visit [customer]" / "拜访 [客户]", and a free-text note ("visited Acme
/// today, met Wang about pricing, next: send quote Friday"). Either way the rep gets a prefilled form to check:
/// nothing is saved until they press Save, and a customer that is not certain is asked about, never guessed.
/// </summary>
public static class VisitStart
{
    const int MaxCandidates = 5;

    public static async Task<Reply> LogVisit(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(turn.Culture, "customers.mayNotQuery"));
        var text = turn.Text.Trim();
        if (text.Length == 0) return Reply.Card(await FormAsync(turn, me, null, VisitDraft.Empty, null, archive, directory, clock, ct));

        // The whole argument as a name first ("log visit Marks and Spencer"), then as a note ("拜访了华为，和王经理谈了价格").
        var whole = await VisitCustomers.MatchAsync(text, me, archive.Customers, directory, clock, ct);
        if (whole.Matches.Sure is { } sure)
            return Reply.Card(await FormAsync(turn, me, whole.Files[sure.Number], VisitDraft.Empty, null, archive, directory, clock, ct));
        var note = (TextFold.HasHan(text) ? "拜访" : "visited ") + text;
        var capture = QuickCapture.Parse(note, clock.GetUtcNow(), turn.TimeZone, turn.Culture);
        if (capture.CustomerCandidate is not { } candidate || candidate == text)
            return await AnswerAsync(turn, me, text, whole, VisitDraft.Empty, archive, directory, clock, ct);
        return await AnswerAsync(turn, me, candidate, await VisitCustomers.MatchAsync(candidate, me, archive.Customers, directory, clock, ct),
            VisitDraft.Of(capture), archive, directory, clock, ct);
    }

    /// <summary>Free text no command matched: a visit note when it names a customer or someone met, else "not understood".</summary>
    public static async Task<Reply> QuickNote(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var capture = QuickCapture.Parse(turn.Text, clock.GetUtcNow(), turn.TimeZone, turn.Culture);
        if (capture.CustomerCandidate is null && capture.Contact is null) return HelpHandler.NotUnderstood(turn);
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(turn.Culture, "customers.mayNotQuery"));
        return await FromNoteAsync(turn, me, capture, archive, directory, clock, ct);
    }

    /// <summary>
    /// "Log as visit" on a message (a message action): its text as a visit note, whatever it names — the form prefilled, the
    /// customer asked when the note names none. Shown in a dialog to the one who chose the action.
    /// </summary>
    public static async Task<Reply> FromMessage(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        if (!CustomerAccess.MayCreate(me)) return Reply.Text(T.Get(c, "visits.mayNotLog"));
        var text = (turn.DataString("text") ?? "").Trim();
        if (text.Length == 0) return Reply.Text(T.Get(c, "visits.messageEmpty"));
        text = text[..Math.Min(text.Length, Limits.Description)];   // the notes field's limit: a longer message is cut, not refused
        return await FromNoteAsync(turn, me, QuickCapture.Parse(text, clock.GetUtcNow(), turn.TimeZone, c), archive, directory, clock, ct);
    }

    static async Task<Reply> FromNoteAsync(Turn turn, Person me, VisitCapture capture, ICrmArchive archive, IDirectory directory, TimeProvider clock,
        CancellationToken ct)
    {
        var draft = VisitDraft.Of(capture);
        if (capture.CustomerCandidate is not { } candidate)
            return Reply.Card(await FormAsync(turn, me, null, draft, T.Get(turn.Culture, "visits.whichCustomer"), archive, directory, clock, ct));
        var matches = await VisitCustomers.MatchAsync(candidate, me, archive.Customers, directory, clock, ct);
        return await AnswerAsync(turn, me, candidate, matches, draft, archive, directory, clock, ct);
    }

    static async Task<Reply> AnswerAsync(Turn turn, Person me, string mention, (CustomerMatches Matches, IReadOnlyDictionary<string, Customer> Files) found,
        IReadOnlyDictionary<string, string?> draft, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var (matches, files) = found;
        var shown = VisitText.Shorten(mention, 60);
        // The form is the confirmation: nothing is saved before Save. A near match is filled in with a notice to
        // check it; between close candidates the rep chooses first, so the form never starts on a coin toss.
        return matches.Verdict switch
        {
            MatchVerdict.Sure => Reply.Card(await FormAsync(turn, me, files[matches.Ranked[0].Number], draft, null, archive, directory, clock, ct)),
            MatchVerdict.Confirm => Reply.Card(await FormAsync(turn, me, files[matches.Ranked[0].Number], draft,
                T.Get(c, "visits.tookToMean", shown, matches.Ranked[0].Name), archive, directory, clock, ct)),
            MatchVerdict.None => Reply.Card(await FormAsync(turn, me, null, draft, T.Get(c, "visits.noMatch", shown), archive, directory, clock, ct)),
            _ => Reply.Card(VisitCards.Choose(c, shown, matches.Ranked.Take(MaxCandidates).Select(m => (m.Number, m.Name)).ToList(), draft)),
        };
    }

    /// <summary>A fresh form for the customer (or none yet), prefilled from the draft; a contact the note named is picked when it is on file.</summary>
    public static async Task<System.Text.Json.Nodes.JsonObject> FormAsync(Turn turn, Person me, Customer? customer, IReadOnlyDictionary<string, string?> draft,
        string? notice, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var contacts = customer is null ? [] : (await archive.Customers.GetFileAsync(customer.Number, ct))?.Contacts ?? [];
        var state = VisitForm.Fresh(customer, draft, clock.GetUtcNow(), turn.TimeZone);
        if (VisitDraft.GuessContact(state[VisitForm.ContactName], contacts) is { } known)
        {
            state.Values[VisitForm.Contact] = known.Name;
            state.Values.Remove(VisitForm.ContactName);
        }
        var options = new VisitFormOptions(SubmissionIds.New(), await VisitCustomers.ChoicesAsync(me, archive.Customers, customer, ct), customer?.Name, contacts);
        return VisitCards.Form(turn.Culture, options, state, notice);
    }
}
