using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>
/// What a person gets in their 1:1 chat: follow-ups due today, approvals waiting for them, their files about to be purged —
/// each with Snooze (an hour, tomorrow morning) and Mute this kind, or all of them in one daily digest — and what those presses answer.
/// </summary>
public static class PersonalReminderCards
{
    public const string SnoozeVerb = "reminders.snooze", MuteVerb = "reminders.mute", UnmuteVerb = "reminders.unmute";

    public static JsonObject FollowUps(CultureInfo c, DateOnly day, IReadOnlyList<FollowUp> due, DateTimeOffset occurrence)
    {
        var card = Card.Create().Title(T.Get(c, "reminders.followUps.title", due.Count)).Text(Day(c, day), subtle: true);
        foreach (var f in due.Take(ReminderCards.MaxRows))
            card.ListItem(f.CustomerName, f.Action, T.Get(c, "reminders.followUps.log"), "visit.form", new JsonObject { ["number"] = f.CustomerNumber });
        return Later(card, c, ReminderKind.FollowUps, occurrence).Build();
    }

    public static JsonObject ApprovalsWaiting(CultureInfo c, IReadOnlyList<(string Subject, string Kind, int Days)> waiting, DateTimeOffset occurrence)
    {
        var card = Waiting(Card.Create().Title(T.Get(c, "reminders.approvals.title", waiting.Count)), c, waiting.Take(ReminderCards.MaxRows));
        return Later(card.Text(T.Get(c, "reminders.approvals.how"), subtle: true), c, ReminderKind.ApprovalDigest, occurrence).Build();
    }

    public static JsonObject PurgeSoon(CultureInfo c, IReadOnlyList<(string Number, string Name, DateOnly PurgedOn)> files, DateTimeOffset occurrence)
    {
        var card = Card.Create().Title(T.Get(c, "reminders.purge.title", files.Count));
        card.Facts(files.Take(ReminderCards.MaxRows).Select(f => ($"{f.Number} {f.Name}", Day(c, f.PurgedOn))));
        return Later(card.Text(T.Get(c, "reminders.purge.how", files[0].Number), subtle: true), c, ReminderKind.PurgeSoon, occurrence).Build();
    }

    /// <summary>Lines per section of the digest: three sections stay within a card's budget; the rest are counted.</summary>
    public const int DigestRows = 20;
    /// <summary>The digest's "Today's brief": routed to the brief (Features/Briefs), which this feature does not reach into.</summary>
    public const string BriefVerb = "brief.open";

    /// <summary>
    /// One card a day for whoever chose it (<c>reminders me digest on</c>): today's planned visits with the brief one press away,
    /// follow-ups due, approvals waiting, files about to be purged — each section only when it has something. Snooze brings it all
    /// back; there is no Mute: turning the digest off is the way to separate reminders.
    /// </summary>
    public static JsonObject Digest(CultureInfo c, DateOnly day, IReadOnlyList<FollowUp> followUps, IReadOnlyList<(string Subject, string Kind, int Days)> waiting,
        IReadOnlyList<(string Number, string Name, DateOnly PurgedOn)> purges, int planned, DateTimeOffset occurrence)
    {
        var card = Card.Create().Title(T.Get(c, "reminders.digest.title", day.ToDateTime(TimeOnly.MinValue)));
        if (planned > 0) card.Heading(T.Get(c, "reminders.digest.planned", planned)).Button(T.Get(c, "reminders.digest.brief"), BriefVerb, []);
        if (followUps.Count > 0)
        {
            card.Heading(T.Get(c, "reminders.digest.followUps", followUps.Count));
            foreach (var f in followUps.Take(DigestRows))
                card.ListItem(f.CustomerName, f.Action, T.Get(c, "reminders.followUps.log"), "visit.form", new JsonObject { ["number"] = f.CustomerNumber });
            More(card, c, followUps.Count);
        }
        if (waiting.Count > 0)
        {
            card.Heading(T.Get(c, "reminders.digest.approvals", waiting.Count));
            Waiting(card, c, waiting.Take(DigestRows));
            More(card, c, waiting.Count);
        }
        if (purges.Count > 0)
        {
            card.Heading(T.Get(c, "reminders.digest.purge", purges.Count));
            card.Facts(purges.Take(DigestRows).Select(f => ($"{f.Number} {f.Name}", Day(c, f.PurgedOn))));
            More(card, c, purges.Count);
            card.Text(T.Get(c, "reminders.purge.how", purges[0].Number), subtle: true);
        }
        card.Text(T.Get(c, "reminders.digest.how"), subtle: true);
        return Later(card, c, ReminderKind.FollowUps, occurrence, mute: false).Build();
    }

    static void More(Card card, CultureInfo c, int count)
    {
        if (count > DigestRows) card.Text(T.Get(c, "reminders.more", count - DigestRows), subtle: true);
    }

    static Card Waiting(Card card, CultureInfo c, IEnumerable<(string Subject, string Kind, int Days)> waiting) =>
        card.Table([4, 2, 1], [T.Get(c, "reminders.approvals.subject"), T.Get(c, "reminders.approvals.kind"), T.Get(c, "reminders.approvals.days")],
            waiting.Select(w => (IReadOnlyList<string>)[w.Subject, w.Kind, w.Days.ToString(c)]));

    /// <summary>The snoozed card's place in the chat until it comes back.</summary>
    public static JsonObject Snoozed(CultureInfo c, ReminderKind kind, DateTimeOffset until, TimeZoneInfo zone) => Card.Create()
        .Title(KindName(c, kind))
        .Text(T.Get(c, "reminders.snoozed", TimeZoneInfo.ConvertTime(until, zone).DateTime))
        .Build();

    /// <summary>A muted kind, with the way back on the card itself.</summary>
    public static JsonObject Muted(CultureInfo c, ReminderKind kind) => Card.Create()
        .Title(KindName(c, kind))
        .Text(T.Get(c, "reminders.muted"))
        .Execute(T.Get(c, "reminders.unmute"), UnmuteVerb, new JsonObject { ["kind"] = kind.ToString() })
        .Build();

    public static JsonObject Unmuted(CultureInfo c, ReminderKind kind) => Card.Create()
        .Title(KindName(c, kind)).Text(T.Get(c, "reminders.unmuted")).Build();

    public static string KindName(CultureInfo c, ReminderKind kind) => T.Get(c, "reminders.kind." + kind);

    static Card Later(Card card, CultureInfo c, ReminderKind kind, DateTimeOffset occurrence, bool mute = true)
    {
        JsonObject Snooze(string until) => new()
        {
            ["kind"] = kind.ToString(), ["until"] = until,
            ["occurrence"] = ReminderSnooze.Write(occurrence),
        };
        card.Execute(T.Get(c, "reminders.snoozeHour"), SnoozeVerb, Snooze("hour"), withInputs: false)
            .Execute(T.Get(c, "reminders.snoozeMorning"), SnoozeVerb, Snooze("morning"), withInputs: false);
        return mute ? card.Execute(T.Get(c, "reminders.mute"), MuteVerb, new JsonObject { ["kind"] = kind.ToString() }, withInputs: false) : card;
    }

    static string Day(CultureInfo c, DateOnly day) => T.Get(c, "reminders.day", day.ToDateTime(TimeOnly.MinValue));
}
