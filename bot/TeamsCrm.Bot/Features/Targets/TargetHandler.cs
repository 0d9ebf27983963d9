using System.Globalization;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Approvals;
using TeamsCrm.Bot.Forms;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Targets;

/// <summary>
/// 销售指标: the key-account director (or the sales manager) sets each rep's target for a month in one form. Before the
/// month starts the form saves at once; from its first day a change is a TargetChange request (<see cref="TargetRules"/>),
/// applied when approved (<see cref="TargetEffects"/>). Who may do it comes from the directory, never from the card.
/// </summary>
public static class TargetHandler
{
    /// <summary>"targets" (this month) or "targets next" / "下月" (next month).</summary>
    public static async Task<Reply> Show(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (!TargetRules.MaySet(await directory.FindAsync(turn.User.AadObjectId, ct))) return Reply.Card(TargetCards.NotAllowed(c));
        var today = LocalCalendar.Today(clock.GetUtcNow(), turn.TimeZone);
        var month = turn.Text.Trim().ToLowerInvariant() is "next" or "下月" or "下个月" ? YearMonth.Of(today.AddMonths(1)) : YearMonth.Of(today);
        return Reply.Card(await FormAsync(turn, archive, directory, month, today, null, null, ct));
    }

    /// <summary>The month buttons on the form (this month ↔ next month).</summary>
    public static async Task<Reply> Open(Turn turn, ICrmArchive archive, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        if (!TargetRules.MaySet(await directory.FindAsync(turn.User.AadObjectId, ct))) return Reply.ReplaceCard(TargetCards.NotAllowed(c));
        var today = LocalCalendar.Today(clock.GetUtcNow(), turn.TimeZone);
        if (MonthOf(turn) is not { } month || !TargetRules.IsOpen(month, today)) return Reply.ReplaceCard(TargetCards.Closed(c));
        return Reply.ReplaceCard(await FormAsync(turn, archive, directory, month, today, null, null, ct));
    }

    public static async Task<Reply> Save(Turn turn, ICrmArchive archive, IDirectory directory, ApprovalDesk desk, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (!TargetRules.MaySet(me)) return Reply.ReplaceCard(TargetCards.NotAllowed(c));
        var now = clock.GetUtcNow();
        var today = LocalCalendar.Today(now, turn.TimeZone);
        if (MonthOf(turn) is not { } month || !TargetRules.IsOpen(month, today)) return Reply.ReplaceCard(TargetCards.Closed(c));
        if (SubmissionIds.Parse(turn.DataString("submissionId")) is not { } submissionId) return Reply.Text(T.Get(c, "help.staleCard"));

        // The reps come from the directory, not from the card: a forged field for someone else is simply not read.
        var reps = await RepsAsync(directory, ct);
        var form = new FormReader(turn.Data, c);
        var typed = reps.ToDictionary(r => r.AadObjectId, r => form.Amount(TargetCards.InputOf(r.AadObjectId)), StringComparer.OrdinalIgnoreCase);
        var reason = form.MultiLine("reason", maxLength: Limits.Reason);
        var stored = await archive.Targets.GetAsync(month, ct) ?? TargetSheet.Empty(month);
        var changes = TargetRules.Changes(stored, typed);
        var started = TargetRules.HasStarted(month, today);
        if (form.IsValid && changes.Count == 0) return Reply.ReplaceCard(TargetCards.Saved(c, month, reps, stored, turn.TimeZone));   // pressed twice, or nothing changed
        if (started && reason is null) form.Fail("reason", "targets.reasonRequired");
        Reply Again(string? notice, TargetSheet sheet) =>
            Reply.ReplaceCard(TargetCards.Form(c, month, Other(month, today), reps, sheet, started, submissionId, new FormState(turn.Data, form.Errors), notice));
        if (!form.IsValid) return Again(null, stored);
        if (stored.Version != (turn.DataString("version") ?? "")) return Again(T.Get(c, "targets.changedMeanwhile"), stored);

        if (!started)
        {
            try
            {
                var saved = await archive.Targets.SaveAsync(stored.With(changes.Select(ch => KeyValuePair.Create(ch.RepAadObjectId, ch.New)), me!.AadObjectId, now, null), ct);
                return Reply.ReplaceCard(TargetCards.Saved(c, month, reps, saved, turn.TimeZone));
            }
            catch (TargetConflictException e)
            {
                return Again(T.Get(c, "targets.changedMeanwhile"), e.Current);
            }
        }

        var names = reps.ToDictionary(r => r.AadObjectId, r => r.Name, StringComparer.OrdinalIgnoreCase);
        var payload = new ApprovalPayload(reason, [.. changes.Select(ch => TargetEffects.Change(ch, names[ch.RepAadObjectId]))]);
        var filing = await desk.FileAsync(turn, ApprovalKind.TargetChange, TargetEffects.Subject(month), T.Get(c, "targets.subjectName", month),
            payload, $"targets:{month}:{turn.User.AadObjectId}:{submissionId}", ct);   // one request per setter and form
        if (filing.Request is not { } request) return Again(filing.Notice, stored);
        var card = TargetCards.Requested(c, month, payload, await desk.ViewAsync(request, turn.TimeZone, ct));
        return filing.Notice is { } notice ? Reply.ReplaceCard(card).ThenText(notice) : Reply.ReplaceCard(card);
    }

    /// <summary>Targets are per rep (DOMAIN.md): everyone the directory lists as a rep, by name.</summary>
    public static async Task<IReadOnlyList<Person>> RepsAsync(IDirectory directory, CancellationToken ct) =>
        [.. (await directory.WithRoleAsync(Role.Rep, ct)).OrderBy(p => p.Name, StringComparer.Ordinal)];

    static async Task<System.Text.Json.Nodes.JsonObject> FormAsync(Turn turn, ICrmArchive archive, IDirectory directory, YearMonth month,
        DateOnly today, FormState? state, string? notice, CancellationToken ct)
    {
        var reps = await RepsAsync(directory, ct);
        var sheet = await archive.Targets.GetAsync(month, ct) ?? TargetSheet.Empty(month);
        state ??= FormState.Of(reps.Select(r => KeyValuePair.Create(TargetCards.InputOf(r.AadObjectId),
            sheet.TargetOf(r.AadObjectId)?.ToString(CultureInfo.InvariantCulture))));
        return TargetCards.Form(turn.Culture, month, Other(month, today), reps, sheet, TargetRules.HasStarted(month, today), SubmissionIds.New(), state, notice);
    }

    static YearMonth Other(YearMonth month, DateOnly today) => month == YearMonth.Of(today) ? YearMonth.Of(today.AddMonths(1)) : YearMonth.Of(today);

    static YearMonth? MonthOf(Turn turn) => TargetEffects.MonthOf("targets:" + turn.DataString("month"));
}
