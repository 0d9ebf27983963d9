using System.Text.RegularExpressions;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.People;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Approvals;

/// <summary>
/// <c>delegate Wang Fang until 2026-12-11</c> / <c>委托 王芳 至 12月11日</c>: while away, one's new and waiting requests go to a
/// delegate, who must hold a role that may decide every kind of request one decides; <c>delegate off</c> ends it, and
/// <c>delegate</c> alone says what is in force. Kept with the person; decided on the authenticated sender and the directory.
/// </summary>
public static partial class DelegationHandler
{
    /// <summary>The longest absence one delegation covers: longer, and the directory should change instead.</summary>
    public const int MaxDays = 90;

    static readonly string[] OffWords = ["off", "end", "stop", "none", "取消", "结束", "关闭"];

    public static async Task<Reply> Command(Turn turn, ICrmArchive archive, IDirectory directory, ApprovalDesk desk, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var now = clock.GetUtcNow();
        var today = LocalCalendar.Today(now, turn.TimeZone);
        if (await directory.FindAsync(turn.User.AadObjectId, ct) is not { } me || ApprovalRules.KindsDecidedBy(me) is not { Count: > 0 } kinds)
            return Reply.Text(T.Get(c, "delegate.decidesNothing"));
        var settings = (await archive.Conversations.FindUserAsync(me.AadObjectId, ct))?.Settings ?? new PersonalSettings();
        var text = turn.Text.Trim();
        if (text.Length == 0)
            return Reply.Text(settings.DelegationOn(today) is { } d
                ? T.Get(c, "delegate.current", (await directory.FindAsync(d.ToAadObjectId, ct))?.Name ?? "?", VisitText.Date(d.Until))
                : T.Get(c, "delegate.how"));
        if (OffWords.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            await archive.Conversations.SetSettingsAsync(me.AadObjectId, settings with { Delegation = null }, ct);
            return Reply.Text(T.Get(c, "delegate.ended"));
        }

        if (!DateWords.TryParse(text, now, turn.TimeZone, out var until, DateDirection.Future, c))
            return Reply.Text(T.Get(c, "delegate.how"));
        if (until.Date < today || until.Date > today.AddDays(MaxDays)) return Reply.Text(T.Get(c, "delegate.badDate", MaxDays));
        var name = UntilWord().Replace(until.CutFrom(text), " ").Trim();
        var matches = await CandidatesAsync(directory, kinds, name, ct);
        if (matches.Count == 0)
        {
            var anyone = await PeopleNamedAsync(directory, name, ct);
            return Reply.Text(anyone.Count == 0 ? T.Get(c, "delegate.nobody", name)
                : T.Get(c, "delegate.notEligible", anyone[0].Name, string.Join(", ", kinds.Select(k => CustomerText.Of(c, k)))));
        }
        if (matches.Count > 1) return Reply.Text(T.Get(c, "delegate.several", string.Join(", ", matches.Select(p => p.Name))));
        var stand = matches[0];
        if (string.Equals(stand.AadObjectId, me.AadObjectId, StringComparison.OrdinalIgnoreCase)) return Reply.Text(T.Get(c, "delegate.self"));

        await archive.Conversations.SetSettingsAsync(me.AadObjectId, settings with { Delegation = new Delegation(stand.AadObjectId, until.Date, now) }, ct);
        var moved = await desk.DelegateWaitingAsync(me.AadObjectId, stand, now, ct);
        return Reply.Text(T.Get(c, "delegate.set", stand.Name, VisitText.Date(until.Date), moved));
    }

    /// <summary>People named so (whole name first, else a part of it) who may be given every kind <paramref name="kinds"/>.</summary>
    static async Task<List<Person>> CandidatesAsync(IDirectory directory, IReadOnlyList<ApprovalKind> kinds, string name, CancellationToken ct) =>
        [.. (await PeopleNamedAsync(directory, name, ct)).Where(p => kinds.All(k => ApprovalRules.MayBeGiven(p, k)))];

    /// <summary>
    /// Anyone in the directory whose name is the text (else contains it): reps too, so that naming one is refused for what it
    /// is (cannot decide) rather than as nobody. The directory lists people by role only.
    /// </summary>
    static async Task<List<Person>> PeopleNamedAsync(IDirectory directory, string name, CancellationToken ct)
    {
        if (name.Length == 0) return [];
        var people = new List<Person>();
        foreach (var role in Enum.GetValues<Role>())
            people.AddRange(await directory.WithRoleAsync(role, ct));
        people = [.. people.DistinctBy(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase)];
        var exact = people.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return exact.Count > 0 ? exact : [.. people.Where(p => p.Name.Contains(name, StringComparison.OrdinalIgnoreCase))];
    }

    [GeneratedRegex(@"\b(until|till|to|through)\b|至|到|直到", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UntilWord();
}
