using System.Globalization;
using Microsoft.Extensions.Logging;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>
/// Requests that never stall: each gets a deadline in its approver's working time and one reminder before it; at the
/// deadline it is escalated (the approver's manager joins, or the fallback of its kind); an approver away hands it to their
/// delegate, or — away by their mailbox's automatic replies (<see cref="IAwayStatus"/>) — up to the escalation target at once;
/// the sales manager may reassign it. Every move is one save of the request under its version — so a move and a
/// decision racing each other cannot both count, and two instances' sweeps move it once — then the new approvers get their
/// card, every copy is updated to say so, the requester is told, and the file's history records it.
/// </summary>
public sealed partial class ApprovalDesk
{
    WorkingCalendar? _calendar;
    WorkingCalendar Calendar => _calendar ??= options.Value.Calendar();

    /// <summary>
    /// The approvers a new request goes to — each one away with a delegation in force replaced by their delegate — and its
    /// deadline and reminder, in the first approver's zone.
    /// </summary>
    async Task<(List<Person> Approvers, ApprovalRouting Routing)> RouteAsync(ApprovalKind kind, string subject, string requester,
        IReadOnlyList<Person> approvers, DateTimeOffset now, CancellationToken ct)
    {
        var routing = new ApprovalRouting();
        var routed = new List<Person>();
        foreach (var approver in approvers)
        {
            if (await DelegateOfAsync(approver, kind, now, ct) is { } stand && !Same(stand.AadObjectId, requester))
            {
                routed.Add(stand);
                routing = routing.With(new ApprovalMove(MoveKind.Delegated, [approver.AadObjectId], [stand.AadObjectId], approver.AadObjectId, now));
            }
            else routed.Add(approver);
        }
        routed = [.. routed.DistinctBy(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase)];
        // Every approver away by their mailbox: the escalation target joins at once, and the deadline runs in their time.
        if (await AllAwayAsync(routed.Select(p => p.AadObjectId), ct)
            && await EscalationTargetsAsync(kind, requester, [.. routed.Select(p => p.AadObjectId)], ct) is { Count: > 0 } targets)
        {
            routing = routing.With(new ApprovalMove(MoveKind.Away, [.. routed.Select(p => p.AadObjectId)], [.. targets.Select(p => p.AadObjectId)], null, now));
            routed.AddRange(targets);
            return (routed, await WithDeadlineAsync(routing, kind, subject, targets[0].AadObjectId, now, ct));
        }
        return (routed, await WithDeadlineAsync(routing, kind, subject, routed[0].AadObjectId, now, ct));
    }

    /// <summary>Whether each of <paramref name="approvers"/> is away (Entra automatic replies); nobody is with the configured directory.</summary>
    async Task<bool> AllAwayAsync(IEnumerable<string> approvers, CancellationToken ct)
    {
        foreach (var id in approvers)
            if (!await away.IsAwayAsync(id, ct)) return false;
        return true;
    }

    /// <summary>The delegate standing in for <paramref name="approver"/> today (their own day), when they may be given <paramref name="kind"/>.</summary>
    async Task<Person?> DelegateOfAsync(Person approver, ApprovalKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var user = await archive.Conversations.FindUserAsync(approver.AadObjectId, ct);
        if (user?.Settings?.DelegationOn(LocalCalendar.Today(now, ZoneOf(user))) is not { } delegation) return null;
        return await directory.FindAsync(delegation.ToAadObjectId, ct) is { } stand && ApprovalRules.MayBeGiven(stand, kind) ? stand : null;
    }

    /// <summary>The deadline (and its reminder) of a request reaching <paramref name="approver"/> at <paramref name="now"/>.</summary>
    async Task<ApprovalRouting> WithDeadlineAsync(ApprovalRouting routing, ApprovalKind kind, string subject, string approver, DateTimeOffset now,
        CancellationToken ct)
    {
        var zone = ZoneOf(await archive.Conversations.FindUserAsync(approver, ct));
        var due = DeadlineOf(kind, subject, now, zone);
        return routing with { DueAt = due, RemindAt = Calendar.ReminderFor(now, due, zone), RemindedAt = null };
    }

    DateTimeOffset DeadlineOf(ApprovalKind kind, string subject, DateTimeOffset now, TimeZoneInfo zone)
    {
        var calendar = Calendar;
        var oneDay = calendar.Add(now, calendar.DayLength, zone);
        if (ApprovalOptions.ParseWorking(options.Value.ResponseTimeText(kind), calendar) is { } span) return calendar.Add(now, span, zone);
        // "week": a plan is decided before its week's first working hour; one submitted too late for that gets a working day.
        if (!IsoWeek.TryParse(subject, out var week)) return oneDay;
        var weekStarts = calendar.NextWorking(LocalCalendar.StartOfDay(week.Monday, zone), zone);
        return weekStarts >= calendar.Add(now, calendar.DayLength / 2, zone) ? weekStarts : oneDay;
    }

    /// <summary>
    /// One sweep of the waiting requests: the reminder of each whose time has come, the escalation of each past its deadline.
    /// Requests filed before deadlines were kept get one counted from now. Returns how many were reminded or escalated.
    /// </summary>
    public async Task<int> SweepDeadlinesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var acted = 0;
        foreach (var a in await archive.Approvals.PendingCreatedBeforeAsync(now.AddSeconds(1), ct))
        {
            try
            {
                var r = a.Routing;
                // Its approvers all away by now (automatic replies switched on while it waited): up at once, once.
                if (!r.IsEscalated && !r.Moves.Any(m => m.Kind == MoveKind.Away) && await AllAwayAsync(a.ApproverAadObjectIds, ct))
                {
                    if (await EscalateAsync(a, MoveKind.Away, now, ct)) acted++;
                }
                else if (r.DueAt is null && !r.IsEscalated)
                    await TrySaveAsync(a with { Routing = await WithDeadlineAsync(r, a.Kind, a.Subject, a.ApproverAadObjectIds[0], now, ct) }, ct);
                else if (r.DueAt <= now && !r.IsEscalated)
                {
                    if (await EscalateAsync(a, MoveKind.Escalated, now, ct)) acted++;
                }
                else if (r.RemindAt <= now && r.RemindedAt is null && !r.IsEscalated)
                {
                    // In the approver's quiet hours the reminder waits for their end — never past the deadline, which comes anyway.
                    if (await QuietUntilAsync(a.ApproverAadObjectIds[0], now, ct) is { } until)
                        await TrySaveAsync(a with { Routing = r with { RemindAt = until < r.DueAt ? until : r.DueAt } }, ct);
                    else if (await RemindAsync(a, now, ct)) acted++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDeadlineFailed(log, a.Id, e);   // the next sweep tries again: nothing was saved, or the save is the record
            }
        }
        return acted;
    }

    /// <summary>When the quiet time <paramref name="aadObjectId"/> is in at <paramref name="now"/> ends (their own hours, in their zone); null when not quiet.</summary>
    async Task<DateTimeOffset?> QuietUntilAsync(string aadObjectId, DateTimeOffset now, CancellationToken ct)
    {
        var user = await archive.Conversations.FindUserAsync(aadObjectId, ct);
        return (user?.Settings?.QuietHours ?? QuietHours.Default).EndsAfter(now, ZoneOf(user));
    }

    /// <summary>
    /// The one reminder: recorded first (the save under the version is the claim two sweeps cannot both win), then each approver
    /// gets the request's card again in their 1:1 chat, saying by when. A send that fails is not repeated: the deadline still comes.
    /// </summary>
    async Task<bool> RemindAsync(Approval a, DateTimeOffset now, CancellationToken ct)
    {
        if (await TrySaveAsync(a with { Routing = a.Routing with { RemindedAt = now } }, ct) is not { } saved) return false;
        foreach (var id in saved.ApproverAadObjectIds)
        {
            if (await archive.Conversations.FindUserAsync(id, ct) is not { } user) continue;
            var c = LanguageOf(user, T.English);
            var view = await ViewAsync(saved, ZoneOf(user), ct);
            var notice = T.Get(c, "approvals.reminder", CustomerText.Time(saved.Routing.DueAt!.Value, view.Zone));
            if (await messenger.SendCardAsync(user, ApprovalCards.ForApprover(c, view, notice: notice), ct) is { } posted)
                await archive.Approvals.AddCopyAsync(saved.Id, Copy(posted, shared: false), ct);
        }
        return true;
    }

    /// <summary>
    /// At the deadline, or at once when the approver is away: each approver's manager in the directory joins the request (or,
    /// for approvers without one, the fallback of its kind); the approvers it had may still decide, and the first decision wins.
    /// </summary>
    public async Task<bool> EscalateAsync(Approval a, MoveKind why, DateTimeOffset now, CancellationToken ct)
    {
        var targets = await EscalationTargetsAsync(a.Kind, a.RequesterAadObjectId, a.ApproverAadObjectIds, ct);
        if (why == MoveKind.Away && targets.Count == 0) return false;   // nobody above someone away: the deadline still comes
        var step = new ApprovalMove(why, why == MoveKind.Away ? a.ApproverAadObjectIds : [], [.. targets.Select(p => p.AadObjectId)], null, now);
        var moved = a with
        {
            ApproverAadObjectIds = [.. a.ApproverAadObjectIds.Concat(step.To).Distinct(StringComparer.OrdinalIgnoreCase)],
            Routing = a.Routing.With(step),
        };
        if (targets.Count == 0)
        {
            // Nobody above: the admins hear of it once (the step is recorded, so the sweep does not ask again).
            if (await TrySaveAsync(moved, ct) is null) return false;
            await TellAdminsAsync(c => T.Get(c, "approvals.adminNoEscalation", CustomerText.Of(c, a.Kind), a.SubjectName), T.English, ct);
            return true;
        }
        return await MoveAsync(moved, targets, ct) is not null;
    }

    /// <summary>Who a request goes up to: each approver's own manager, else the kind's fallback (a role or a person); never the requester.</summary>
    async Task<List<Person>> EscalationTargetsAsync(ApprovalKind kind, string requester, IReadOnlyList<string> approvers, CancellationToken ct)
    {
        var found = new List<Person>();
        foreach (var id in approvers)
            if (await directory.ManagerOfAsync(id, ct) is { } manager) found.Add(manager);
        if (found.Count == 0)
        {
            var fallback = options.Value.EscalateTo.TryGetValue(kind.ToString(), out var configured) ? configured
                : kind is ApprovalKind.NewFile or ApprovalKind.VisitPlan ? nameof(Role.SalesManager) : nameof(Role.GeneralManager);
            if (Enum.TryParse<Role>(fallback, ignoreCase: true, out var role)) found.AddRange(await directory.WithRoleAsync(role, ct));
            else if (await directory.FindAsync(fallback, ct) is { } person) found.Add(person);
        }
        return [.. found.Where(p => !Same(p.AadObjectId, requester) && !approvers.Any(id => Same(id, p.AadObjectId)))
            .DistinctBy(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// The sales manager gives a waiting request to <paramref name="to"/> instead of its approvers. Null: someone changed or
    /// decided it first (the caller shows it as it is now).
    /// </summary>
    public Task<Approval?> ReassignAsync(Approval a, Person to, string byAadObjectId, DateTimeOffset now, CancellationToken ct)
    {
        var step = new ApprovalMove(MoveKind.Reassigned, a.ApproverAadObjectIds, [to.AadObjectId], byAadObjectId, now);
        return MoveAsync(a with { ApproverAadObjectIds = [to.AadObjectId], Routing = a.Routing.With(step) }, [to], ct);
    }

    /// <summary>
    /// Whom the sales manager <paramref name="viewer"/> may give the waiting request <paramref name="a"/> to: everyone holding a
    /// role that may decide it, but its requester and its approvers. Empty for anyone else, or once it is decided.
    /// </summary>
    public async Task<IReadOnlyList<Person>> ReassignCandidatesAsync(Approval a, string viewer, CancellationToken ct)
    {
        if (!a.IsPending || await directory.FindAsync(viewer, ct) is not { } me || !me.Is(Role.SalesManager)) return [];
        var found = new List<Person>();
        foreach (var role in ApprovalRules.EligibleRoles(a.Kind)) found.AddRange(await directory.WithRoleAsync(role, ct));
        return [.. found.Where(p => !Same(p.AadObjectId, a.RequesterAadObjectId) && !a.ApproverAadObjectIds.Any(id => Same(id, p.AadObjectId)))
            .DistinctBy(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase).OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    public async Task<bool> IsSalesManagerAsync(string aadObjectId, CancellationToken ct) =>
        (await directory.FindAsync(aadObjectId, ct))?.Is(Role.SalesManager) == true;

    /// <summary>A person now away: each of their waiting requests goes to their delegate. Returns how many moved.</summary>
    public async Task<int> DelegateWaitingAsync(string awayAadObjectId, Person stand, DateTimeOffset now, CancellationToken ct)
    {
        var moved = 0;
        foreach (var a in await archive.Approvals.PendingForApproverAsync(awayAadObjectId, ct))
        {
            if (!ApprovalRules.MayBeGiven(stand, a.Kind) || Same(stand.AadObjectId, a.RequesterAadObjectId)) continue;
            var step = new ApprovalMove(MoveKind.Delegated, [awayAadObjectId], [stand.AadObjectId], awayAadObjectId, now);
            var approvers = a.ApproverAadObjectIds.Where(id => !Same(id, awayAadObjectId)).Append(stand.AadObjectId)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (await MoveAsync(a with { ApproverAadObjectIds = approvers, Routing = a.Routing.With(step) }, [stand], ct) is not null) moved++;
        }
        return moved;
    }

    /// <summary>
    /// Saves a move, then: the newcomers get the request's card in their 1:1 chat, every copy is updated (the approvers' with
    /// their buttons, a moved-off approver's and the shared ones with the summary), the requester is told, the file's history
    /// records it. Null when someone saved the request first.
    /// </summary>
    async Task<Approval?> MoveAsync(Approval moved, IReadOnlyList<Person> newcomers, CancellationToken ct)
    {
        if (await TrySaveAsync(moved, ct) is not { } saved) return null;
        var earlier = saved.Copies;   // posted before the move: the newcomers' fresh cards need no update
        var step = saved.Routing.Moves[^1];
        var names = string.Join(", ", newcomers.Select(p => p.Name));
        await ApprovalEffects.RecordMoveAsync(saved, archive.Customers, $"{step.Kind.ToString().ToLowerInvariant()} → {names}",
            step.By ?? saved.RequesterAadObjectId, step.At, null, ct);
        foreach (var person in newcomers)
        {
            if (await archive.Conversations.FindUserAsync(person.AadObjectId, ct) is not { } user) continue;
            var view = await ViewAsync(saved, ZoneOf(user), ct);
            if (await messenger.SendCardAsync(user, ApprovalCards.ForApprover(LanguageOf(user, T.English), view), ct) is { } posted)
                await archive.Approvals.AddCopyAsync(saved.Id, Copy(posted, shared: false), ct);
        }
        await UpdateWaitingCopiesAsync(saved, earlier, ct);
        if (await archive.Conversations.FindUserAsync(saved.RequesterAadObjectId, ct) is { } requester)
        {
            var c = LanguageOf(requester, T.English);
            var view = await ViewAsync(saved, ZoneOf(requester), ct);
            await messenger.SendTextAsync(requester, T.Get(c, "approvals.movedNotice", CustomerText.Of(c, saved.Kind), saved.SubjectName,
                ApprovalCards.Move(c, step, view)), ct);
        }
        return saved;
    }

    /// <summary>Every copy posted before the move (not the newcomers' fresh ones), as its reader may see the request now.</summary>
    async Task UpdateWaitingCopiesAsync(Approval a, IReadOnlyList<CardCopy> earlier, CancellationToken ct)
    {
        var chats = new Dictionary<string, UserRef>(StringComparer.Ordinal);
        foreach (var id in a.ApproverAadObjectIds.Concat(a.Routing.Moves.SelectMany(s => s.From)))
            if (await archive.Conversations.FindUserAsync(id, ct) is { PersonalConversationId: { } chat } user) chats.TryAdd(chat, user);
        foreach (var copy in earlier)
        {
            try
            {
                var reader = copy.Shared == true ? null : chats.GetValueOrDefault(copy.ConversationId);
                var c = reader is null ? T.English : LanguageOf(reader, T.English);
                var view = await ViewAsync(a, ZoneOf(reader), ct);
                var card = reader is not null && ApprovalRules.IsApprover(a, reader.AadObjectId) ? ApprovalCards.ForApprover(c, view) : ApprovalCards.Summary(c, view);
                await messenger.UpdateCardAsync(new PostedCard(copy.ConversationId, copy.ActivityId, copy.ServiceUrl), card, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStepFailed(log, a.Id, "copy in " + copy.ConversationId, e);   // Teams' refresh shows the reader the request as it is now
            }
        }
    }

    /// <summary>Saved, or null when someone saved it first (decided, moved, reminded).</summary>
    async Task<Approval?> TrySaveAsync(Approval a, CancellationToken ct)
    {
        try { return await archive.Approvals.SaveAsync(a, ct); }
        catch (ApprovalConflictException) { return null; }
    }

    /// <summary>A person's zone as their client last told it, else the company's (Reminders:TimeZone).</summary>
    TimeZoneInfo ZoneOf(UserRef? user) => LocalCalendar.FindZone(user?.TimeZone) ?? LocalCalendar.FindZone(reminders.Value.TimeZone) ?? TimeZoneInfo.Utc;

    static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approval {ApprovalId}: its reminder or escalation failed; the next sweep tries again")]
    static partial void LogDeadlineFailed(ILogger logger, string approvalId, Exception e);
}
