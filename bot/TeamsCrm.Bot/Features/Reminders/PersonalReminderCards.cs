using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Reminders;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>
/// What a person gets in their 1:1 chat: follow-ups due today, approvals waiting for them, their files about to be purged —
/// each with Snooze (an hour, tomorrow morning) and Mute this kind — and what those presses answer.
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
        var card = Card.Create().Title(T.Get(c, "reminders.approvals.title", waiting.Count));
        card.Table([4, 2, 1], [T.Get(c, "reminders.approvals.subject"), T.Get(c, "reminders.approvals.kind"), T.Get(c, "reminders.approvals.days")],
            waiting.Take(ReminderCards.MaxRows).Select(w => (IReadOnlyList<string>)[w.Subject, w.Kind, w.Days.ToString(c)]));
        return Later(card.Text(T.Get(c, "reminders.approvals.how"), subtle: true), c, ReminderKind.ApprovalDigest, occurrence).Build();
    }

    public static JsonObject PurgeSoon(CultureInfo c, IReadOnlyList<(string Number, string Name, DateOnly PurgedOn)> files, DateTimeOffset occurrence)
    {
        var card = Card.Create().Title(T.Get(c, "reminders.purge.title", files.Count));
        card.Facts(files.Take(ReminderCards.MaxRows).Select(f => ($"{f.Number} {f.Name}", Day(c, f.PurgedOn))));
        return Later(card.Text(T.Get(c, "reminders.purge.how", files[0].Number), subtle: true), c, ReminderKind.PurgeSoon, occurrence).Build();
    }

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

    static Card Later(Card card, CultureInfo c, ReminderKind kind, DateTimeOffset occurrence)
    {
        JsonObject Snooze(string until) => new()
        {
            ["kind"] = kind.ToString(), ["until"] = until,
            ["occurrence"] = ReminderSnooze.Write(occurrence),
        };
        return card.Execute(T.Get(c, "reminders.snoozeHour"), SnoozeVerb, Snooze("hour"), withInputs: false)
            .Execute(T.Get(c, "reminders.snoozeMorning"), SnoozeVerb, Snooze("morning"), withInputs: false)
            .Execute(T.Get(c, "reminders.mute"), MuteVerb, new JsonObject { ["kind"] = kind.ToString() }, withInputs: false);
    }

    static string Day(CultureInfo c, DateOnly day) => T.Get(c, "reminders.day", day.ToDateTime(TimeOnly.MinValue));
}
