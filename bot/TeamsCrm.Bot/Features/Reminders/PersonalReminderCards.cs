using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>What a person gets in their 1:1 chat: follow-ups due today, approvals waiting for them, their files about to be purged.</summary>
public static class PersonalReminderCards
{
    public static JsonObject FollowUps(CultureInfo c, DateOnly day, IReadOnlyList<FollowUp> due)
    {
        var card = Card.Create().Title(T.Get(c, "reminders.followUps.title", due.Count)).Text(Day(c, day), subtle: true);
        foreach (var f in due.Take(ReminderCards.MaxRows))
            card.ListItem(f.CustomerName, f.Action, T.Get(c, "reminders.followUps.log"), "visit.form", new JsonObject { ["number"] = f.CustomerNumber });
        return card.Build();
    }

    public static JsonObject ApprovalsWaiting(CultureInfo c, IReadOnlyList<(string Subject, string Kind, int Days)> waiting)
    {
        var card = Card.Create().Title(T.Get(c, "reminders.approvals.title", waiting.Count));
        card.Table([4, 2, 1], [T.Get(c, "reminders.approvals.subject"), T.Get(c, "reminders.approvals.kind"), T.Get(c, "reminders.approvals.days")],
            waiting.Take(ReminderCards.MaxRows).Select(w => (IReadOnlyList<string>)[w.Subject, w.Kind, w.Days.ToString(c)]));
        return card.Text(T.Get(c, "reminders.approvals.how"), subtle: true).Build();
    }

    public static JsonObject PurgeSoon(CultureInfo c, IReadOnlyList<(string Number, string Name, DateOnly PurgedOn)> files)
    {
        var card = Card.Create().Title(T.Get(c, "reminders.purge.title", files.Count));
        card.Facts(files.Take(ReminderCards.MaxRows).Select(f => ($"{f.Number} {f.Name}", Day(c, f.PurgedOn))));
        return card.Text(T.Get(c, "reminders.purge.how", files[0].Number), subtle: true).Build();
    }

    static string Day(CultureInfo c, DateOnly day) => T.Get(c, "reminders.day", day.ToDateTime(TimeOnly.MinValue));
}
