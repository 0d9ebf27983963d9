using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>
/// Files requests and carries decisions out: finds the approvers in the directory, posts the card to each one's
/// 1:1 chat (and its summary to the approvals channel of each team the requester is in), and after a decision applies
/// its effect, updates every copy of the card in place and tells the requester (ApprovalDesk.Finish.cs).
/// </summary>
public sealed partial class ApprovalDesk(ICrmArchive archive, IDirectory directory, IAwayStatus away, IChannelMessenger messenger, Audiences audiences,
    IOptions<ApprovalOptions> options, IOptions<Reminders.ReminderOptions> reminders, TimeProvider clock, ILogger<ApprovalDesk> log)
{
    /// <summary>What filing gave: the request (null when nobody can decide it) and what the requester must be told.</summary>
    public sealed record Filing(Approval? Request, string? Notice);

    /// <param name="requestKey">The same key twice (a redelivered create) files and posts the request once.</param>
    public async Task<Filing> FileAsync(Turn turn, ApprovalKind kind, string subject, string subjectName, ApprovalPayload payload,
        string requestKey, CancellationToken ct)
    {
        var c = turn.Culture;
        var approvers = await ApprovalRules.ApproversAsync(kind, turn.User.AadObjectId, directory, ct);
        if (approvers.Count == 0)
        {
            var why = kind is ApprovalKind.NewFile or ApprovalKind.VisitPlan ? "approvals.noApprover.leader" : "approvals.noApprover.role";
            await TellAdminsAsync(a => T.Get(a, "approvals.adminNoApprover", turn.User.Name, CustomerText.Of(a, kind), subjectName, T.Get(a, why)), c, ct);
            return new Filing(null, T.Get(c, "approvals.noApprover", T.Get(c, why)));
        }

        var now = clock.GetUtcNow();
        var (routed, routing) = await RouteAsync(kind, subject, turn.User.AadObjectId, approvers, now, ct);
        approvers = routed;
        var request = await archive.Approvals.CreateAsync(new Approval
        {
            Id = Guid.NewGuid().ToString("N"), Kind = kind, Subject = subject, SubjectName = subjectName, RequestKey = requestKey,
            RequesterAadObjectId = turn.User.AadObjectId, ApproverAadObjectIds = approvers.Select(p => p.AadObjectId).ToList(),
            Payload = payload, CreatedAt = now, Routing = routing,
        }, ct);
        await ApprovalEffects.RecordRequestAsync(request, archive.Customers, request.CreatedAt, ct);
        foreach (var move in request.Routing.Moves)   // moved as it was filed (a delegate, the target of someone away): in the history too
            await ApprovalEffects.RecordMoveAsync(request, archive.Customers,
                $"{move.Kind.ToString().ToLowerInvariant()} → {string.Join(", ", approvers.Where(p => move.To.Contains(p.AadObjectId, StringComparer.OrdinalIgnoreCase)).Select(p => p.Name))}",
                move.By ?? request.RequesterAadObjectId, move.At, null, ct);
        if (request.Copies.Count > 0) return new Filing(request, null);   // filed and posted before: a redelivery

        var view = await ViewAsync(request, turn.TimeZone, ct);
        var unreachable = new List<string>();
        foreach (var approver in approvers)
        {
            // Their own 1:1 chat: only they see it, so it gets their view with the buttons (clients without Teams' refresh,
            // such as the Agents Playground, show them too), in the language their own Teams speaks.
            var posted = await archive.Conversations.FindUserAsync(approver.AadObjectId, ct) is { } user
                ? await messenger.SendCardAsync(user, ApprovalCards.ForApprover(LanguageOf(user, c), view), ct)
                : null;
            if (posted is null) unreachable.Add(approver.Name);
            else await archive.Approvals.AddCopyAsync(request.Id, Copy(posted, shared: false), ct);
        }
        // The approvals channel of the requester's teams: every member reads it, reps included, so it gets the summary;
        // Teams shows the approvers and the requester their own view there through the card's refresh. Even the summary
        // names a customer: a channel with someone who may not see the archive at all gets no copy (the audience rule).
        foreach (var channelId in options.Value.Channels.Distinct(StringComparer.Ordinal))
        {
            if (await archive.Conversations.FindConversationAsync(channelId, ct) is not { } channel
                || await archive.Conversations.IsUnreachableAsync(channelId, ct)) continue;   // the app was removed from the team
            var readers = await audiences.OfAsync(channel, ct);
            if (!readers.People.Any(p => string.Equals(p.AadObjectId, turn.User.AadObjectId, StringComparison.OrdinalIgnoreCase))) continue;
            if (!readers.MayAllQuery)
            {
                LogNoChannelCopy(log, channelId);
                continue;
            }
            if (await messenger.PostCardAsync(channel, ApprovalCards.Summary(c, view), ct) is { } inChannel)
                await archive.Approvals.AddCopyAsync(request.Id, Copy(inChannel, shared: true), ct);
        }
        return new Filing(request, unreachable.Count == 0 ? null : T.Get(c, "approvals.unreachable", string.Join(", ", unreachable)));
    }

    /// <summary>A request of <paramref name="kind"/> about <paramref name="subject"/> still waiting (by that requester, when given).</summary>
    public async Task<Approval?> WaitingAsync(string subject, ApprovalKind kind, string? requesterAadObjectId, CancellationToken ct) =>
        (await archive.Approvals.ForSubjectAsync(subject, ct)).FirstOrDefault(a => a.IsPending && a.Kind == kind
            && (requesterAadObjectId is null || string.Equals(a.RequesterAadObjectId, requesterAadObjectId, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// What the requester reads after filing: <paramref name="sentKey"/> ("… sent to {0}") with the approvers' names and
    /// anything else they must know; or why nobody got the request.
    /// </summary>
    public async Task<string> SentNoticeAsync(Turn turn, Filing filing, string sentKey, CancellationToken ct) =>
        filing.Request is { } request
            ? T.Get(turn.Culture, sentKey, string.Join(", ", (await ViewAsync(request, turn.TimeZone, ct)).ApproverNames))
                + (filing.Notice is { } more ? " " + more : "")
            : filing.Notice!;

    /// <summary>
    /// Why <paramref name="aadObjectId"/>, named an approver when the request was filed, may no longer decide it (by the
    /// directory as it is now), in words for the card; null when they still may.
    /// </summary>
    public async Task<string?> NoLongerApproverAsync(Approval a, string aadObjectId, CultureInfo c, CancellationToken ct) =>
        await ApprovalRules.CheckStillApproverAsync(a, aadObjectId, directory, ct) switch
        {
            null => null,
            DecisionRefusal.LeftDirectory => T.Get(c, "approvals.leftDirectory"),
            _ when a.Kind is ApprovalKind.NewFile or ApprovalKind.VisitPlan => T.Get(c, "approvals.noLongerLeader", await NameAsync(a.RequesterAadObjectId, ct)),
            _ => T.Get(c, "approvals.noLongerInRole", CustomerText.Of(c, a.Kind)),
        };

    /// <summary>The names behind the ids, and the "29:" ids of everyone who gets a view of their own.</summary>
    public async Task<ApprovalView> ViewAsync(Approval a, TimeZoneInfo zone, CancellationToken ct)
    {
        var approverNames = new List<string>();
        var refresh = new List<string>();
        foreach (var id in a.ApproverAadObjectIds)
        {
            approverNames.Add(await NameAsync(id, ct));
            if (await archive.Conversations.FindUserAsync(id, ct) is { } user) refresh.Add(user.TeamsId);
        }
        if (await archive.Conversations.FindUserAsync(a.RequesterAadObjectId, ct) is { } requester) refresh.Add(requester.TeamsId);
        // While it waits, the sales managers' own view of a shared copy carries Reassign (they are few; Teams refreshes for 60).
        if (a.IsPending)
            foreach (var manager in await directory.WithRoleAsync(Role.SalesManager, ct))
                if (await archive.Conversations.FindUserAsync(manager.AadObjectId, ct) is { } user && !refresh.Contains(user.TeamsId)) refresh.Add(user.TeamsId);
        var decider = a.DecidedByAadObjectId is { } by ? await NameAsync(by, ct) : null;
        var plan = a.Kind == ApprovalKind.VisitPlan && IsoWeek.TryParse(a.Subject, out var week)
            ? await archive.Visits.PlanAsync(a.RequesterAadObjectId, week, ct)
            : null;
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in a.Routing.Moves.SelectMany(s => s.From.Concat(s.To).Append(s.By ?? "")).Where(id => id.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
            names[id] = await NameAsync(id, ct);
        return new ApprovalView(a, await NameAsync(a.RequesterAadObjectId, ct), approverNames, decider, refresh, zone, plan, names, clock.GetUtcNow());
    }

    async Task<string> NameAsync(string aadObjectId, CancellationToken ct) =>
        (await directory.FindAsync(aadObjectId, ct))?.Name ?? (await archive.Conversations.FindUserAsync(aadObjectId, ct))?.Name ?? "?";

    async Task TellAdminsAsync(Func<CultureInfo, string> text, CultureInfo fallback, CancellationToken ct)
    {
        foreach (var admin in options.Value.Admins)
            if (await archive.Conversations.FindUserAsync(admin, ct) is { } user)
                await messenger.SendTextAsync(user, text(LanguageOf(user, fallback)), ct);
    }

    /// <summary>A message the bot starts is in the language the person's client last spoke, else the sender's.</summary>
    static CultureInfo LanguageOf(UserRef user, CultureInfo fallback) => user.Locale is { } locale ? T.CultureFor(locale) : fallback;

    static CardCopy Copy(PostedCard p, bool shared) => new(p.ConversationId, p.ActivityId, p.ServiceUrl, shared);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approvals channel {ChannelId} has members who may not see the archive: it gets no copy of the request")]
    static partial void LogNoChannelCopy(ILogger logger, string channelId);
}
