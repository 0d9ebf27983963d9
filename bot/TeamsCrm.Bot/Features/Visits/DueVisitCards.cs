using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>"due visits" / "待拜访": the rep's customers overdue or due soon by their level, each with Log a visit.</summary>
public static class DueVisitCards
{
    /// <summary>Lines shown; the rest are counted (a card must stay well under Teams' size limit).</summary>
    public const int MaxRows = 30;

    public static JsonObject List(CultureInfo c, DateOnly today, IReadOnlyList<DueCustomer> due, CadenceIntervals intervals)
    {
        var card = Card.Create().Title(T.Get(c, "cadence.title")).Text(VisitText.Day(c, today), subtle: true);
        if (due.Count == 0) return card.Text(T.Get(c, "cadence.none", VisitCadence.SoonDays)).Text(How(c, intervals), subtle: true).Build();
        card.Text(T.Get(c, "cadence.summary", due.Count(d => d.IsOverdue), due.Count(d => !d.IsOverdue), VisitCadence.SoonDays));
        foreach (var d in due.Take(MaxRows))
            card.ListItem($"{d.Customer.Name} · {d.Customer.Number}", Detail(c, d), T.Get(c, "cadence.log"), "visit.form",
                new JsonObject { ["number"] = d.Customer.Number });
        if (due.Count > MaxRows) card.Text(T.Get(c, "cadence.more", due.Count - MaxRows), subtle: true);
        return card.Text(How(c, intervals), subtle: true).Build();
    }

    /// <summary>The intervals in force, so that a rep can tell why a customer is due.</summary>
    static string How(CultureInfo c, CadenceIntervals i) =>
        T.Get(c, "cadence.how", i.Important, i.Special, i.General, i.Quality, i.HighValue)
        + (i.Strategic is { } strategic ? T.Get(c, "cadence.howStrategic", strategic) : "")
        + (i.Group is { } group ? T.Get(c, "cadence.howGroup", group) : "")
        + T.Get(c, "cadence.howEnd");

    /// <summary>"3 days overdue · every 14 days · tier Important · key account Quality, Strategic".</summary>
    public static string Detail(CultureInfo c, DueCustomer d)
    {
        var parts = new List<string> { When(c, d), T.Get(c, "cadence.every", d.IntervalDays), T.Get(c, "cadence.tier", CustomerText.Of(c, d.Customer.Tier)) };
        if (d.IsKeyAccount) parts.Add(T.Get(c, "cadence.keyAccount", CustomerText.FieldValue(c, "keyAccount", d.Customer.KeyAccount.ToString())));
        return string.Join(" · ", parts);
    }

    /// <summary>"3 days overdue", "due today", "due in 5 days".</summary>
    public static string When(CultureInfo c, DueCustomer d) => d.DaysOverdue switch
    {
        > 0 => T.Get(c, "cadence.overdue", d.DaysOverdue),
        0 => T.Get(c, "cadence.dueToday"),
        _ => T.Get(c, "cadence.dueIn", -d.DaysOverdue),
    };
}
