using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// Correcting or withdrawing a saved visit report: "correct visit" lists one's recent reports; Correct opens the visit form
/// prefilled, with a reason; Save correction or Withdraw stores it once per submission, in the visit's history. Whether
/// someone may is decided from the authenticated person and the stored visit (<see cref="VisitCorrectionAccess"/>): the card
/// only names the report. A leader's correction of a rep's report tells the rep.
/// </summary>
public static partial class CorrectionHandler
{
    /// <summary>"correct visit" / "更正拜访": one's reports still within the window, newest first.</summary>
    public static async Task<Reply> List(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, IOptions<VisitOptions> options,
        CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        var (now, window) = (clock.GetUtcNow(), options.Value.CorrectionWindow);
        var today = LocalCalendar.DateOf(now, turn.TimeZone);
        // A day either side: a report saved within the window may be about a visit a day earlier in another zone.
        var visits = (await archive.Visits.ForRepAsync(me.AadObjectId, today.AddDays(-(int)Math.Ceiling(window.TotalDays) - 1), today.AddDays(1), ct))
            .Where(v => now - v.CreatedAt <= window).OrderByDescending(v => v.Time).Take(CorrectionCards.Listed).ToList();
        return visits.Count == 0
            ? Reply.Text(T.Get(c, "visits.correctNone", CorrectionCards.Days(window)))
            : Reply.Card(CorrectionCards.List(c, visits, window));
    }

    /// <summary>Correct (on a saved report or in the list): the card becomes the form, prefilled with the report as stored.</summary>
    public static async Task<Reply> Open(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, IOptions<VisitOptions> options,
        CancellationToken ct)
    {
        var d = await CorrectionDecision.MakeAsync(turn, archive, directory, clock, options.Value, ct);
        if (d.Refusal is { } refusal) return Reply.Text(refusal);
        return Reply.ReplaceCard(await FormAsync(turn, d, archive, SubmissionIds.New(), null, null, ct));
    }

    /// <summary>Keep it as it is: the form goes back to the report as stored.</summary>
    public static async Task<Reply> Cancel(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, IOptions<VisitOptions> options,
        CancellationToken ct)
    {
        var d = await CorrectionDecision.MakeAsync(turn, archive, directory, clock, options.Value, ct);
        return d.Visit is { } v && d.Me is not null && (d.May || SameRep(d.Me.AadObjectId, v))
            ? Reply.ReplaceCard(VisitCards.Saved(turn.Culture, v, again: false))
            : Reply.ReplaceCard(VisitCards.Discarded(turn.Culture));
    }

    public static Task<Reply> Save(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, IOptions<VisitOptions> options,
        IChannelMessenger messenger, ILogger<CorrectionDecision> log, CancellationToken ct) =>
        StoreAsync(turn, archive, directory, clock, options.Value, messenger, log, withdraw: false, ct);

    public static Task<Reply> Withdraw(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, IOptions<VisitOptions> options,
        IChannelMessenger messenger, ILogger<CorrectionDecision> log, CancellationToken ct) =>
        StoreAsync(turn, archive, directory, clock, options.Value, messenger, log, withdraw: true, ct);

    /// <summary>
    /// Both ends of the form. A submission stored before (a double press, a redelivered invoke) shows that correction again,
    /// before anything else is decided: the report has moved on since, so the rules would answer for the wrong state.
    /// </summary>
    static async Task<Reply> StoreAsync(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, VisitOptions options,
        IChannelMessenger messenger, ILogger log, bool withdraw, CancellationToken ct)
    {
        var c = turn.Culture;
        if (SubmissionIds.Parse(turn.DataString("submissionId")) is not { } submissionId
            || !int.TryParse(turn.DataString("revision"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision))
            return Reply.Text(T.Get(c, "help.staleCard"));
        var d = await CorrectionDecision.MakeAsync(turn, archive, directory, clock, options, ct);
        if (d.Visit is { } found && d.Me is { } who
            && (await archive.Visits.HistoryAsync(found.CustomerNumber, found.Id, ct)).FirstOrDefault(k => k.SubmissionId == submissionId) is { } earlier)
            return Reply.ReplaceCard(string.Equals(earlier.ByAadObjectId, who.AadObjectId, StringComparison.OrdinalIgnoreCase)
                ? CorrectionCards.Done(c, found, earlier, again: true)
                : CorrectionCards.Refused(c, T.Get(c, "customers.notYourForm")));
        if (d.Refusal is { } refusal) return Reply.ReplaceCard(CorrectionCards.Refused(c, refusal));
        var (me, stored, now) = (d.Me!, d.Visit!, clock.GetUtcNow());

        var form = new FormReader(turn.Data, c);
        var reason = form.MultiLine(CorrectionCards.Reason, required: true, maxLength: Limits.Reason);
        Visit after;
        if (withdraw)
        {
            if (reason is null) return Reply.ReplaceCard(await FormAsync(turn, d, archive, submissionId, new FormState(turn.Data, form.Errors), null, ct));
            after = VisitCorrections.Withdrawn(stored with { Revision = revision }, now);
        }
        else
        {
            var customer = await archive.Customers.GetAsync(stored.CustomerNumber, ct);
            var zone = LocalCalendar.FindZone(stored.TimeZoneId) ?? turn.TimeZone;
            var typed = VisitForm.Read(form, customer, stored.RepAadObjectId, stored.SubmissionId, now, zone);
            after = VisitCorrections.Corrected(stored with { Revision = revision }, typed);
            var unchanged = form.IsValid && VisitCorrections.Changes(stored, after).Count == 0;
            if (!form.IsValid || unchanged)
                return Reply.ReplaceCard(await FormAsync(turn, d, archive, submissionId, new FormState(turn.Data, form.Errors),
                    unchanged ? T.Get(c, "visits.correctNothing") : null, ct));
        }
        var correction = new VisitCorrection
        {
            VisitId = stored.Id, SubmissionId = submissionId, ByAadObjectId = me.AadObjectId, At = now, Reason = reason!, Revision = revision,
            Kind = withdraw ? CorrectionKind.Withdrawn : CorrectionKind.Corrected, Changes = withdraw ? [] : VisitCorrections.Changes(stored, after),
        };
        VisitCorrected saved;
        try
        {
            saved = await archive.Visits.CorrectOnceAsync(correction, after, ct);
        }
        catch (VisitConflictException conflict)
        {
            // Corrected by someone else since this form was opened: the form again, on the report as it is now.
            return Reply.ReplaceCard(await FormAsync(turn, d with { Visit = conflict.Current }, archive, SubmissionIds.New(), null,
                T.Get(c, "visits.correctedMeanwhile"), ct));
        }
        if (saved.Created && !SameRep(me.AadObjectId, stored)) await TellRepAsync(archive, messenger, stored.RepAadObjectId, saved.Visit, correction, me.Name, c, log, ct);
        return Reply.ReplaceCard(CorrectionCards.Done(c, saved.Visit, correction, again: !saved.Created));
    }

    static async Task<System.Text.Json.Nodes.JsonObject> FormAsync(Turn turn, CorrectionDecision d, ICrmArchive archive, string submissionId,
        FormState? typed, string? notice, CancellationToken ct)
    {
        var v = d.Visit!;
        var contacts = (await archive.Customers.GetFileAsync(v.CustomerNumber, ct))?.Contacts ?? [];
        var options = new VisitFormOptions(submissionId, [], v.CustomerName, contacts);
        notice ??= d.Right == CorrectionRight.Leader && typed is null ? T.Get(turn.Culture, "visits.correctAsLeader", d.RepName) : null;
        return VisitCards.Form(turn.Culture, options, typed ?? VisitForm.Of(v, contacts), notice, correcting: v);
    }

    /// <summary>The rep learns of a leader's correction in their 1:1 chat, in the language their client last spoke.</summary>
    static async Task TellRepAsync(ICrmArchive archive, IChannelMessenger messenger, string rep, Visit v, VisitCorrection k, string leaderName,
        System.Globalization.CultureInfo fallback, ILogger log, CancellationToken ct)
    {
        if (await archive.Conversations.FindUserAsync(rep, ct) is not { } user)
        {
            LogRepUnreachable(log, v.Id);
            return;
        }
        var c = user.Locale is { } locale ? T.CultureFor(locale) : fallback;
        if (await messenger.SendCardAsync(user, CorrectionCards.Told(c, v, k, leaderName), ct) is null) LogRepUnreachable(log, v.Id);
    }

    static bool SameRep(string me, Visit v) => string.Equals(me, v.RepAadObjectId, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Visit {VisitId} was corrected by a leader, but its rep has no chat with the bot to be told in")]
    static partial void LogRepUnreachable(ILogger logger, string visitId);
}
